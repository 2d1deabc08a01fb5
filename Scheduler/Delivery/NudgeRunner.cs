namespace Beacon.Scheduler.Delivery;

using System.Collections.Concurrent;
using Beacon.Scheduler.Sessions;
using Beacon.Scheduler.Timing;
using Beacon.Training.Campaigns;
using Beacon.Training.Learners;
using Beacon.Training.Ports;
using Beacon.Training.Schedules;
using Microsoft.Extensions.Logging;

/// <summary>
/// Reminders for campaign sessions nobody answered: a learner whose session of a campaign with
/// <see cref="Campaign.Nudges"/> on went out today, and who has answered none of its questions by
/// the reminder time (<see cref="DeliveryOptions.NudgeLocalTime"/>, at least
/// <see cref="DeliveryOptions.NudgeMinimumDelay"/> after the session, in their zone), gets one
/// reminder card; never during a vacation hold or in quiet hours, never after the catch-up window.
/// At most one per learner and date across instances (a claim of kind <see cref="ClaimKind.Nudge"/>).
/// Runs on the same tick as <see cref="DeliveryRunner"/>.
/// </summary>
public sealed class NudgeRunner(
    DeliveryCandidates candidates,
    IDeliveryClaimStore claims,
    IAnswerStore answers,
    SessionDelivery delivery,
    DeliveryOptions options,
    ILogger<NudgeRunner> logger)
{
    // Learner-days this instance has decided (sent, answered, not this campaign's day), so later ticks skip them.
    private readonly ConcurrentDictionary<(LearnerKey, DateOnly), byte> settled = new();

    /// <summary>The local time of the reminder of a session at <paramref name="sessionTime"/>; null when it would fall after midnight.</summary>
    public TimeOnly? ReminderTime(TimeOnly sessionTime)
    {
        var earliest = sessionTime.Add(options.NudgeMinimumDelay, out var wrappedDays);
        if (wrappedDays > 0)
        {
            return null;
        }

        return earliest > options.NudgeLocalTime ? earliest : options.NudgeLocalTime;
    }

    /// <summary>Sends the reminders due at <paramref name="now"/>.</summary>
    public async Task<DeliveryReport> RunDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var report = new DeliveryReport();
        await foreach (var candidate in candidates.ListAsync(withPersonal: false, c => c.Nudges, cancellationToken).ConfigureAwait(false))
        {
            if (Due(candidate, now) is not { } due || settled.ContainsKey((candidate.Learner.Key, due.Date)))
            {
                continue;
            }

            report.AddDue(1);
            try
            {
                var outcome = await NudgeIfUnansweredAsync(candidate.Learner, due.Campaign, due.Date, report, cancellationToken).ConfigureAwait(false);
                report.Count(outcome);
                if (outcome != DeliveryOutcome.Unreachable)
                {
                    settled.TryAdd((candidate.Learner.Key, due.Date), 0);
                }
            }
            catch (StoreUnavailableException ex)
            {
                logger.LogError(ex, "Store unavailable while reminding {Learner}", candidate.Learner.Key);
                report.Count(DeliveryOutcome.Failed);
            }
        }

        var horizon = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-2);
        foreach (var key in settled.Keys.Where(k => k.Item2 < horizon).ToList())
        {
            settled.TryRemove(key, out _);
        }

        return report;
    }

    /// <summary>The campaign and date whose reminder time has come for this learner, if any (no store reads).</summary>
    private (Campaign Campaign, DateOnly Date)? Due(DeliveryCandidate candidate, DateTimeOffset now)
    {
        if (candidate.Schedule is { } schedule && schedule.IsPausedAt(now))
        {
            return null;
        }

        var zone = LearnerDay.ResolveZone(candidate.TimeZone);
        var (date, time) = LocalSlot.ToLocal(now, zone);
        if (candidate.Schedule?.QuietHours is { } quiet && quiet.Contains(time))
        {
            return null;
        }

        foreach (var campaign in candidate.Campaigns)
        {
            if (campaign.DeliversOn(date) && ReminderTime(campaign.LocalTime) is { } at)
            {
                var instant = LocalSlot.ToInstant(date, at, zone);
                if (instant <= now && now - instant < options.CatchUpWindow)
                {
                    return (campaign, date);
                }
            }
        }

        return null;
    }

    /// <summary>Reminds only when today's session went out from this campaign and none of its questions has an answer.</summary>
    private async Task<DeliveryOutcome> NudgeIfUnansweredAsync(
        Learner learner, Campaign campaign, DateOnly date, DeliveryReport report, CancellationToken cancellationToken)
    {
        var session = await claims.GetAsync(learner.Key, date, ClaimKind.Session, cancellationToken).ConfigureAwait(false);
        if (session is not { Status: DeliveryStatus.Sent } || session.Source != DueRule.CampaignSource(campaign.Id))
        {
            return DeliveryOutcome.NothingDue;
        }

        var log = await answers.ListAnswersAsync(learner.Key, cancellationToken).ConfigureAwait(false);
        var answered = log.Any(a => CampaignPrompt.TryParse(a.PromptId) is { } p && p.CampaignId == campaign.Id && p.LocalDate == date);
        return answered
            ? DeliveryOutcome.NothingDue
            : await delivery.DeliverNudgeAsync(learner, campaign, date, report, cancellationToken).ConfigureAwait(false);
    }
}
