namespace Beacon.Scheduler.Delivery;

using System.Collections.Concurrent;
using Beacon.Scheduler.Timing;
using Beacon.Training.Learners;
using Beacon.Training.Ports;
using Beacon.Training.Schedules;
using Microsoft.Extensions.Logging;

/// <summary>
/// Finds every learner whose session is due at an instant (from the store: personal schedules,
/// active campaigns, active learners; see <see cref="DeliveryCandidates"/>) and delivers each through <see cref="SessionDelivery"/>, in
/// parallel. Safe to call as often as wanted, from any number of instances: claims in the store make
/// each learner's day happen once. Quartz calls it every minute; tests call it with a fake clock.
/// </summary>
public sealed class DeliveryRunner(
    DeliveryCandidates candidates,
    SessionDelivery delivery,
    DeliveryOptions options,
    ILogger<DeliveryRunner> logger)
{
    // Learner-days this instance already saw claimed, so later ticks skip them without a store round trip.
    private readonly ConcurrentDictionary<(LearnerKey, DateOnly), byte> settled = new();

    /// <summary>The sessions due at <paramref name="now"/> that this instance has not seen settled yet.</summary>
    public async Task<IReadOnlyList<DueSlot>> FindDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = new List<DueSlot>();
        await foreach (var candidate in candidates.ListAsync(withPersonal: true, campaignFilter: null, cancellationToken).ConfigureAwait(false))
        {
            var slots = candidate.Campaigns.Select(c => c.ToSlot()).OfType<CampaignSlot>();
            var slot = DueRule.Find(candidate.Learner, candidate.Schedule, slots, now, candidate.TimeZone, options.CatchUpWindow);
            if (slot is not null && !settled.ContainsKey((candidate.Learner.Key, slot.LocalDate)))
            {
                due.Add(slot with { Campaign = candidate.CampaignOf(slot) });
            }
        }

        return due;
    }

    /// <summary>Delivers every session due at <paramref name="now"/>.</summary>
    public async Task<DeliveryReport> RunDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var report = new DeliveryReport();
        var due = await FindDueAsync(now, cancellationToken).ConfigureAwait(false);
        report.AddDue(due.Count);
        if (due.Count == 0)
        {
            return report;
        }

        // Each instance walks the due list in its own order, so instances meet on few claims.
        var order = due.OrderBy(slot => (uint)HashCode.Combine(
            StringComparer.Ordinal.GetHashCode(slot.Learner.Key.LearnerId), StringComparer.Ordinal.GetHashCode(options.InstanceId))).ToList();
        await Parallel.ForEachAsync(
            order,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxParallelism), CancellationToken = cancellationToken },
            async (slot, ct) =>
            {
                try
                {
                    var outcome = await delivery.DeliverAsync(slot, report, ct).ConfigureAwait(false);
                    report.Count(outcome);
                    if (outcome != DeliveryOutcome.Unreachable)
                    {
                        settled.TryAdd((slot.Learner.Key, slot.LocalDate), 0);
                    }
                }
                catch (StoreUnavailableException ex)
                {
                    // The claim was not taken or not completed; the next tick tries again.
                    logger.LogError(ex, "Store unavailable while delivering to {Learner}", slot.Learner.Key);
                    report.Count(DeliveryOutcome.Failed);
                }
            }).ConfigureAwait(false);

        Forget(now);
        logger.LogInformation("Delivery at {Now}: {Report}", now, report);
        return report;
    }

    /// <summary>Drops settled learner-days older than two days (no zone is more than a day from UTC).</summary>
    private void Forget(DateTimeOffset now)
    {
        var horizon = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-2);
        foreach (var key in settled.Keys.Where(k => k.Item2 < horizon).ToList())
        {
            settled.TryRemove(key, out _);
        }
    }
}
