namespace Beacon.Scheduler.Delivery;

using System.Runtime.CompilerServices;
using Beacon.Scheduler.Timing;
using Beacon.Training.Campaigns;
using Beacon.Training.Learners;
using Beacon.Training.Ports;
using Beacon.Training.Schedules;

/// <summary>An active learner with a reason to hear from Beacon: their personal schedule, the active campaigns they are in, their zone.</summary>
public sealed record DeliveryCandidate(Learner Learner, PersonalSchedule? Schedule, IReadOnlyList<Campaign> Campaigns, string TimeZone)
{
    /// <summary>The campaign a due slot came from, if it came from one.</summary>
    public Campaign? CampaignOf(DueSlot slot)
    {
        ArgumentNullException.ThrowIfNull(slot);
        return Campaigns.FirstOrDefault(c => DueRule.CampaignSource(c.Id) == slot.Source);
    }
}

/// <summary>
/// Reads, from the store, who delivery has to think about at a tick: personal schedules, active
/// campaigns and active learners. A picked or team audience lists its learners; a track audience is
/// every active learner whose track is one of the campaign's at that moment, so people who join
/// the track later are included.
/// </summary>
public sealed class DeliveryCandidates(IScheduleStore schedules, ILearnerStore learners, ICampaignStore campaigns, DeliveryOptions options)
{
    /// <summary>
    /// Every active learner with a personal schedule (when <paramref name="withPersonal"/>) or in an
    /// active campaign that <paramref name="campaignFilter"/> keeps, tenant by tenant.
    /// </summary>
    public async IAsyncEnumerable<DeliveryCandidate> ListAsync(
        bool withPersonal, Func<Campaign, bool>? campaignFilter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var listed = new Dictionary<LearnerKey, List<Campaign>>();
        var byTrack = new Dictionary<string, List<Campaign>>(StringComparer.Ordinal);
        var tenants = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var campaign in campaigns.ListActiveAsync(cancellationToken).ConfigureAwait(false))
        {
            if (campaignFilter is not null && !campaignFilter(campaign))
            {
                continue;
            }

            tenants.Add(campaign.TenantId);
            if (campaign.Audience.Kind == AudienceKind.Track)
            {
                Add(byTrack, campaign.TenantId, campaign);
                continue;
            }

            foreach (var learnerId in campaign.Audience.LearnerIds.Distinct(StringComparer.Ordinal))
            {
                Add(listed, new LearnerKey(campaign.TenantId, learnerId), campaign);
            }
        }

        var personal = new Dictionary<LearnerKey, PersonalSchedule>();
        await foreach (var schedule in schedules.ListAllAsync(cancellationToken).ConfigureAwait(false))
        {
            personal[schedule.Learner] = schedule;
            if (withPersonal)
            {
                tenants.Add(schedule.Learner.TenantId);
            }
        }

        foreach (var tenant in tenants.Order(StringComparer.Ordinal))
        {
            var tenantZone = options.TenantTimeZones.GetValueOrDefault(tenant);
            var trackCampaigns = byTrack.GetValueOrDefault(tenant);
            await foreach (var learner in learners.ListActiveAsync(tenant, cancellationToken).ConfigureAwait(false))
            {
                var schedule = personal.GetValueOrDefault(learner.Key);
                List<Campaign> theirs = [.. listed.GetValueOrDefault(learner.Key) ?? []];
                if (trackCampaigns is not null)
                {
                    theirs.AddRange(trackCampaigns.Where(c => c.Includes(learner.Key.LearnerId, learner.Track)));
                }

                if ((withPersonal && schedule is not null) || theirs.Count > 0)
                {
                    var zone = DueRule.ZoneOf(learner, schedule, tenantZone, options.DefaultTimeZone);
                    yield return new DeliveryCandidate(learner, schedule, theirs, zone);
                }
            }
        }
    }

    private static void Add<TKey>(Dictionary<TKey, List<Campaign>> map, TKey key, Campaign campaign)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(campaign);
    }
}
