namespace Beacon.Scheduler.Delivery;

using System.Collections.Concurrent;
using Beacon.Training.Campaigns;
using Beacon.Training.Ports;
using Microsoft.Extensions.Logging;

/// <summary>
/// Sends the personal announcements of confirmed campaigns in the background, from the store: each
/// tick finds the active campaigns whose <see cref="CampaignAnnouncement"/> still has people pending
/// and tells each of them through <see cref="SessionDelivery.DeliverAnnouncementAsync"/> (paced, retried,
/// once per person and campaign across instances). Then it saves how many were told and, once
/// everyone is settled (told, claimed by another instance, blocked, failed or unreachable), empties
/// the pending list, so a confirm that was cut short is finished by the next tick. Runs on the delivery tick.
/// </summary>
public sealed class AnnouncementRunner(
    ICampaignStore campaigns,
    SessionDelivery delivery,
    DeliveryOptions options,
    ILogger<AnnouncementRunner> logger)
{
    private const int SaveAttempts = 3;

    // People this instance has settled per campaign, so later ticks skip them without a store round trip.
    private readonly ConcurrentDictionary<(CampaignKey, string), byte> settled = new();

    public async Task<DeliveryReport> RunDueAsync(CancellationToken cancellationToken)
    {
        var report = new DeliveryReport();
        var pending = new List<Campaign>();
        await foreach (var campaign in campaigns.ListActiveAsync(cancellationToken).ConfigureAwait(false))
        {
            if (campaign.Announcement is { IsPending: true })
            {
                pending.Add(campaign);
            }
        }

        foreach (var campaign in pending)
        {
            await AnnounceAsync(campaign, report, cancellationToken).ConfigureAwait(false);
        }

        if (pending.Count > 0)
        {
            logger.LogInformation("Announcements: {Report}", report);
        }

        return report;
    }

    private async Task AnnounceAsync(Campaign campaign, DeliveryReport report, CancellationToken cancellationToken)
    {
        var people = campaign.Announcement!.Pending
            .DistinctBy(p => p.LearnerId, StringComparer.Ordinal)
            .Where(p => !settled.ContainsKey((campaign.Key, p.LearnerId)))
            .ToList();
        report.AddDue(people.Count);
        var told = 0;
        await Parallel.ForEachAsync(
            people,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxParallelism), CancellationToken = cancellationToken },
            async (person, ct) =>
            {
                try
                {
                    var outcome = await delivery.DeliverAnnouncementAsync(campaign, person, report, ct).ConfigureAwait(false);
                    report.Count(outcome);
                    if (outcome == DeliveryOutcome.Sent)
                    {
                        Interlocked.Increment(ref told);
                    }

                    settled.TryAdd((campaign.Key, person.LearnerId), 0);
                }
                catch (StoreUnavailableException ex)
                {
                    // The claim was not taken or not completed; the next tick tries again.
                    logger.LogError(ex, "Store unavailable while announcing campaign {CampaignId} to {Learner}", campaign.Id, person.LearnerId);
                    report.Count(DeliveryOutcome.Failed);
                }
            }).ConfigureAwait(false);

        await RecordAsync(campaign.Key, told, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds this pass's count to the campaign and empties the pending list once every person is settled here.</summary>
    private async Task RecordAsync(CampaignKey key, int told, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= SaveAttempts; attempt++)
        {
            var current = await campaigns.GetAsync(key, cancellationToken).ConfigureAwait(false);
            if (current?.Announcement is not { } announcement)
            {
                return;
            }

            var done = announcement.Pending.All(p => settled.ContainsKey((key, p.LearnerId)));
            if (told == 0 && !done)
            {
                return;
            }

            var recorded = announcement with
            {
                Told = Math.Min(announcement.Total, announcement.Told + told),
                Pending = done ? [] : announcement.Pending,
            };
            try
            {
                await campaigns.SaveAsync(current with { Announcement = recorded }, cancellationToken).ConfigureAwait(false);
                if (done)
                {
                    foreach (var person in announcement.Pending)
                    {
                        settled.TryRemove((key, person.LearnerId), out _);
                    }
                }

                return;
            }
            catch (ConcurrencyConflictException)
            {
                // A manager (or another instance) saved it in between: add the count to what is stored now.
            }
        }

        logger.LogWarning("Could not record the announcements of campaign {Campaign}; the count may run behind", key);
    }
}
