namespace Beacon.Scheduler.Delivery;

using System.Globalization;
using Beacon.Scheduler.Sessions;
using Beacon.Scheduler.Timing;
using Beacon.Training.Answers;
using Beacon.Training.Campaigns;
using Beacon.Training.Content;
using Beacon.Training.Learners;
using Beacon.Training.Ports;
using Beacon.Training.Reviews;
using Beacon.Training.Schedules;
using Microsoft.Extensions.Logging;

/// <summary>
/// Delivers one learner's session for one learner-local date, exactly once across instances:
/// claim (add if absent, key = learner + date) → compose (a campaign's slot: that campaign's
/// session, see <see cref="CampaignSessions"/>) → record the question as issued (a deterministic
/// prompt id, so a retry is a no-op) → send through the <see cref="TeamsRateLimiter"/>.
/// 429 waits for Retry-After; 412/5xx/timeouts back off exponentially with jitter; 403 marks the
/// learner inactive and stops; 404 recreates the personal conversation once and sends again.
/// </summary>
public sealed class SessionDelivery(
    ContentPack pack,
    ILearnerStore learners,
    IAnswerStore answers,
    IReviewStore reviews,
    IDeliveryClaimStore claims,
    ISessionComposer composer,
    CampaignSessions campaignSessions,
    IDeliveryChannel channel,
    TeamsRateLimiter limiter,
    DeliveryOptions options,
    OptionShuffler shuffler,
    TimeProvider clock,
    ILogger<SessionDelivery> logger)
{
    /// <summary>The prompt id of a scheduled session's first question: one per learner and date.</summary>
    public static string PromptIdFor(DateOnly localDate) => "daily-" + localDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public async Task<DeliveryOutcome> DeliverAsync(DueSlot slot, DeliveryReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slot);
        ArgumentNullException.ThrowIfNull(report);
        if (slot.Learner.Address is null)
        {
            return DeliveryOutcome.Unreachable;
        }

        var claim = NewClaim(slot.Learner.Key, slot.LocalDate, ClaimKind.Session, slot.Source);
        return await ClaimAndRunAsync(claim, ct => SendSessionAsync(slot, claim, report, ct), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends the reminder of the learner's session of <paramref name="campaign"/> on <paramref name="localDate"/>,
    /// at most once per learner and date across instances (a claim of kind <see cref="ClaimKind.Nudge"/>).
    /// Whether a reminder is due is <see cref="NudgeRunner"/>'s decision.
    /// </summary>
    public async Task<DeliveryOutcome> DeliverNudgeAsync(Learner learner, Campaign campaign, DateOnly localDate, DeliveryReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(report);
        if (learner.Address is null)
        {
            return DeliveryOutcome.Unreachable;
        }

        var firstPrompt = new CampaignPrompt(campaign.Id, CampaignSessions.PhaseOn(campaign, localDate), localDate, 0);
        var message = new NudgeMessage(learner, campaign.Name, firstPrompt.Id, localDate);
        var claim = NewClaim(learner.Key, localDate, ClaimKind.Nudge, DueRule.CampaignSource(campaign.Id));
        return await ClaimAndRunAsync(
            claim,
            ct => SendAsync(learner, claim, localDate, (address, c) => channel.SendNudgeAsync(address, message, c), report, ct),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Tells one person of <paramref name="campaign"/>'s audience about it, at most once per person and
    /// campaign across instances (a claim of kind <see cref="ClaimKind.Announcement"/>). Someone Beacon
    /// has not met yet gets their 1:1 conversation opened from the roster id kept at the confirm, and
    /// becomes a learner with that address. An inactive learner, or someone with no way to reach them,
    /// is unreachable (not claimed).
    /// </summary>
    public async Task<DeliveryOutcome> DeliverAnnouncementAsync(Campaign campaign, AudienceMember person, DeliveryReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(report);
        var reach = campaign.Announcement ?? throw new ArgumentException("The campaign has no announcement to send.", nameof(campaign));
        var key = new LearnerKey(campaign.TenantId, person.LearnerId);
        var known = await learners.GetAsync(key, cancellationToken).ConfigureAwait(false);
        if (known is { Active: false } || (known?.Address is null && person.ChatUserId is null))
        {
            return DeliveryOutcome.Unreachable;
        }

        var claim = NewClaim(key, LocalSlot.ToLocal(clock.GetUtcNow(), TimeZoneInfo.Utc).Date, ClaimKind.Announcement, DueRule.CampaignSource(campaign.Id));
        var message = new AnnouncementMessage(campaign, person);
        return await ClaimAndRunAsync(
            claim,
            async ct =>
            {
                var learner = known ?? new Learner { Key = key, DisplayName = person.Name, CreatedAt = clock.GetUtcNow() };
                if (learner.Address is null)
                {
                    var opened = await OpenConversationAsync(
                        learner, new ConversationAddress(reach.ServiceUrl, reach.ChannelId, string.Empty, reach.BotId, person.ChatUserId!, campaign.TenantId), report, ct)
                        .ConfigureAwait(false);
                    if (opened is null)
                    {
                        return (DeliveryOutcome.Failed, Done(claim, DeliveryStatus.Failed, null, 1));
                    }

                    learner = learner with { Address = opened };
                }

                return await SendAsync(learner, claim, claim.LocalDate, (address, c) => channel.SendAnnouncementAsync(address, message, c), report, ct).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
    }

    private DeliveryClaim NewClaim(LearnerKey learner, DateOnly localDate, ClaimKind kind, string source) => new()
    {
        Learner = learner,
        LocalDate = localDate,
        Kind = kind,
        Owner = options.InstanceId,
        Source = source,
        ClaimedAt = clock.GetUtcNow(),
    };

    private async Task<DeliveryOutcome> ClaimAndRunAsync(
        DeliveryClaim claim, Func<CancellationToken, Task<(DeliveryOutcome, DeliveryClaim)>> send, CancellationToken cancellationToken)
    {
        if (!await claims.TryClaimAsync(claim, cancellationToken).ConfigureAwait(false))
        {
            return DeliveryOutcome.AlreadyClaimed;
        }

        // From here on the day belongs to this instance: record how it ends, whatever happens.
        var (outcome, completed) = await send(cancellationToken).ConfigureAwait(false);
        await claims.CompleteAsync(completed, CancellationToken.None).ConfigureAwait(false);
        return outcome;
    }

    private async Task<(DeliveryOutcome, DeliveryClaim)> SendSessionAsync(
        DueSlot slot, DeliveryClaim claim, DeliveryReport report, CancellationToken cancellationToken)
    {
        var learner = slot.Learner;
        var now = clock.GetUtcNow();
        var states = await reviews.ListAsync(learner.Key, cancellationToken).ConfigureAwait(false);
        var history = await answers.ListAnswersAsync(learner.Key, cancellationToken).ConfigureAwait(false);
        var (plan, promptId) = Compose(slot, states, history, now);
        if (plan.Questions.Count == 0)
        {
            return (DeliveryOutcome.NothingDue, Done(claim, DeliveryStatus.NothingDue, null, 0));
        }

        var first = plan.Questions[0];
        var order = shuffler.Shuffle(first);
        await answers.RecordIssuedAsync(
            new IssuedQuestion(learner.Key, promptId, first.Id, first.Version, now, OnDemand: false) { OptionOrder = order }, cancellationToken)
            .ConfigureAwait(false);

        // A retry finds the prompt recorded by the first attempt: its order is the one answers are checked against.
        if (await answers.GetIssuedAsync(learner.Key, promptId, cancellationToken).ConfigureAwait(false) is { } recorded &&
            string.Equals(recorded.QuestionId, first.Id, StringComparison.Ordinal))
        {
            order = recorded.OrderOf(first);
        }

        var message = new SessionMessage(learner, plan, promptId, slot.LocalDate, order);
        return await SendAsync(learner, claim, slot.LocalDate, (address, ct) => channel.SendSessionAsync(address, message, ct), report, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>One message through the rate limiter, with the retries, the 403 and the one 404 recreate described above.</summary>
    private async Task<(DeliveryOutcome, DeliveryClaim)> SendAsync(
        Learner learner,
        DeliveryClaim claim,
        DateOnly localDate,
        Func<ConversationAddress, CancellationToken, Task<ChannelResult>> send,
        DeliveryReport report,
        CancellationToken cancellationToken)
    {
        var address = learner.Address!;
        var recreated = false;
        for (var attempt = 1; ; attempt++)
        {
            ChannelResult result;
            using (await limiter.AcquireAsync(learner.Key.TenantId, address.ConversationId, cancellationToken).ConfigureAwait(false))
            {
                result = await send(address, cancellationToken).ConfigureAwait(false);
            }

            switch (result.Status)
            {
                case ChannelStatus.Ok:
                    return (DeliveryOutcome.Sent, Done(claim, DeliveryStatus.Sent, result.Id, attempt));
                case ChannelStatus.Forbidden:
                    logger.LogInformation("Learner {Learner} blocked or uninstalled the bot (403): marked inactive", learner.Key);
                    await MarkInactiveAsync(learner.Key, cancellationToken).ConfigureAwait(false);
                    return (DeliveryOutcome.Blocked, Done(claim, DeliveryStatus.Blocked, null, attempt));
                case ChannelStatus.NotFound when !recreated:
                    recreated = true;
                    var fresh = await OpenConversationAsync(learner, address, report, cancellationToken).ConfigureAwait(false);
                    if (fresh is null)
                    {
                        return (DeliveryOutcome.Failed, Done(claim, DeliveryStatus.Failed, null, attempt));
                    }

                    report.CountRecreated();

                    address = fresh;
                    report.CountRetry();
                    continue;
                case ChannelStatus.Throttled when attempt < options.MaxAttempts:
                    report.CountThrottled();
                    report.CountRetry();
                    limiter.Throttle(learner.Key.TenantId, address.ConversationId, result.RetryAfter ?? TimeSpan.FromSeconds(1));
                    continue;
                case ChannelStatus.Transient when attempt < options.MaxAttempts:
                    report.CountRetry();
                    await Task.Delay(Backoff(attempt), clock, cancellationToken).ConfigureAwait(false);
                    continue;
                default:
                    if (result.Status == ChannelStatus.Throttled)
                    {
                        report.CountThrottled();
                    }

                    logger.LogWarning(
                        "Delivery ({Kind}) to {Learner} for {Date} failed after {Attempts} attempts: {Status} {HttpStatus}",
                        claim.Kind, learner.Key, localDate, attempt, result.Status, result.HttpStatus);
                    return (DeliveryOutcome.Failed, Done(claim, DeliveryStatus.Failed, null, attempt));
            }
        }
    }

    /// <summary>The day's plan and the prompt id of its first question: the campaign's session, or the personal one.</summary>
    private (SessionPlan Plan, string PromptId) Compose(DueSlot slot, IReadOnlyList<ReviewState> states, IReadOnlyList<AnswerRecord> history, DateTimeOffset now)
    {
        if (slot.Campaign is { } campaign)
        {
            var question = campaignSessions.QuestionAt(campaign, slot.Learner, slot.LocalDate, 0, states, history, now);
            var prompt = new CampaignPrompt(campaign.Id, CampaignSessions.PhaseOn(campaign, slot.LocalDate), slot.LocalDate, 0);
            return (new SessionPlan(question is null ? [] : [question], null), prompt.Id);
        }

        return (composer.Compose(new SessionRequest(slot.Learner, pack, states, history, now, options.SessionSize, OnDemand: false)), PromptIdFor(slot.LocalDate));
    }

    /// <summary>
    /// Creates the 1:1 conversation (within the limits) and keeps its address on the learner (created
    /// when new): after a 404 (the stored conversation is gone), or for someone Beacon has not met yet.
    /// A 403 marks a stored learner inactive.
    /// </summary>
    private async Task<ConversationAddress?> OpenConversationAsync(
        Learner learner, ConversationAddress address, DeliveryReport report, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= options.MaxAttempts; attempt++)
        {
            ChannelResult created;
            using (await limiter.AcquireAsync(learner.Key.TenantId, conversationId: null, cancellationToken).ConfigureAwait(false))
            {
                created = await channel.CreatePersonalConversationAsync(address, cancellationToken).ConfigureAwait(false);
            }

            switch (created.Status)
            {
                case ChannelStatus.Ok when !string.IsNullOrEmpty(created.Id):
                    var fresh = address with { ConversationId = created.Id };
                    var stored = await learners.GetAsync(learner.Key, cancellationToken).ConfigureAwait(false) ?? learner;
                    await learners.UpsertAsync(stored with { Address = fresh }, cancellationToken).ConfigureAwait(false);
                    return fresh;
                case ChannelStatus.Forbidden:
                    await MarkInactiveAsync(learner.Key, cancellationToken).ConfigureAwait(false);
                    return null;
                case ChannelStatus.Throttled:
                    report.CountThrottled();
                    report.CountRetry();
                    limiter.Throttle(learner.Key.TenantId, null, created.RetryAfter ?? TimeSpan.FromSeconds(1));
                    continue;
                case ChannelStatus.Transient:
                    report.CountRetry();
                    await Task.Delay(Backoff(attempt), clock, cancellationToken).ConfigureAwait(false);
                    continue;
                default:
                    return null;
            }
        }

        return null;
    }

    private async Task MarkInactiveAsync(LearnerKey key, CancellationToken cancellationToken)
    {
        var stored = await learners.GetAsync(key, cancellationToken).ConfigureAwait(false);
        if (stored is { Active: true })
        {
            await learners.UpsertAsync(stored with { Active = false }, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Exponential backoff with full jitter: uniformly in [base·2^(n-1)/2, base·2^(n-1)], capped.</summary>
    private TimeSpan Backoff(int attempt)
    {
        var ceiling = Math.Min(options.MaxBackoff.TotalMilliseconds, options.BaseBackoff.TotalMilliseconds * Math.Pow(2, attempt - 1));
#pragma warning disable CA5394 // jitter, not security
        var jittered = ceiling / 2 + (Random.Shared.NextDouble() * ceiling / 2);
#pragma warning restore CA5394
        return TimeSpan.FromMilliseconds(jittered);
    }

    private DeliveryClaim Done(DeliveryClaim claim, DeliveryStatus status, string? activityId, int attempts) =>
        claim with { Status = status, CompletedAt = clock.GetUtcNow(), ActivityId = activityId, Attempts = attempts };
}
