namespace Beacon.Scheduler.Reports;

using Beacon.Scheduler.Memory;
using Beacon.Training.Campaigns;
using Beacon.Training.Campaigns.Reports;
using Beacon.Training.Content;
using Beacon.Training.Learners;
using Beacon.Training.Ports;

/// <summary>
/// Reads the answer logs and review states of a campaign's report group and computes its report with
/// <see cref="CampaignReportCalculator"/>; retention comes from the memory model. The group is the
/// audience as it stood at the first report made on or after the start date (<see cref="Campaign.ReportGroup"/>,
/// saved then), and only people Beacon holds a profile for count: an id that never resolved to a person is no one.
/// </summary>
public sealed class CampaignReportService(
    ICampaignStore campaigns,
    ILearnerStore learners,
    IAnswerStore answers,
    IReviewStore reviews,
    ContentPack pack,
    IMemoryModel memory,
    TimeProvider clock)
{
    private const int SaveAttempts = 3;

    /// <summary>
    /// The report, or null when the tenant has no such campaign. Display names are kept, and
    /// per-person results computed, only when <paramref name="individualsAllowed"/>.
    /// </summary>
    public async Task<CampaignReport?> BuildAsync(CampaignKey key, bool individualsAllowed, CancellationToken cancellationToken)
    {
        var campaign = await campaigns.GetAsync(key, cancellationToken).ConfigureAwait(false);
        if (campaign is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var group = await GroupOfAsync(campaign, DateOnly.FromDateTime(now.UtcDateTime), cancellationToken).ConfigureAwait(false);
        var audience = new List<LearnerCampaignData>();
        foreach (var learnerId in group.Distinct(StringComparer.Ordinal))
        {
            var learner = new LearnerKey(campaign.TenantId, learnerId);
            var profile = await learners.GetAsync(learner, cancellationToken).ConfigureAwait(false);
            if (profile is null)
            {
                continue;
            }

            var history = await answers.ListAnswersAsync(learner, cancellationToken).ConfigureAwait(false);
            var states = await reviews.ListAsync(learner, cancellationToken).ConfigureAwait(false);
            audience.Add(new LearnerCampaignData(learner, individualsAllowed ? profile.DisplayName : null, history, states));
        }

        return CampaignReportCalculator.Compute(campaign, pack, audience, state => memory.Retrievability(state, now), now, individualsAllowed);
    }

    /// <summary>The campaign's report group; from the start date on, fixed (and saved) the first time it is asked for.</summary>
    private async Task<IReadOnlyList<string>> GroupOfAsync(Campaign campaign, DateOnly today, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (campaign.ReportGroup is { } fixedGroup)
            {
                return fixedGroup;
            }

            var current = await AudienceOfAsync(campaign, cancellationToken).ConfigureAwait(false);
            if (today < campaign.StartDate || campaign.Status == CampaignStatus.Draft)
            {
                return current;
            }

            try
            {
                await campaigns.SaveAsync(campaign with { ReportGroup = current }, cancellationToken).ConfigureAwait(false);
                return current;
            }
            catch (ConcurrencyConflictException) when (attempt < SaveAttempts)
            {
                // A manager (or another report) saved the campaign in between: use what is stored now.
                campaign = await campaigns.GetAsync(campaign.Key, cancellationToken).ConfigureAwait(false) ?? campaign;
            }
        }
    }

    /// <summary>The people listed in the audience; for a track audience, whoever is on its tracks now (as delivery resolves it).</summary>
    private async Task<IReadOnlyList<string>> AudienceOfAsync(Campaign campaign, CancellationToken cancellationToken)
    {
        if (campaign.Audience.Kind != AudienceKind.Track)
        {
            return [.. campaign.Audience.LearnerIds.Distinct(StringComparer.Ordinal)];
        }

        var onTrack = new List<string>();
        await foreach (var learner in learners.ListActiveAsync(campaign.TenantId, cancellationToken).ConfigureAwait(false))
        {
            if (campaign.Includes(learner.Key.LearnerId, learner.Track))
            {
                onTrack.Add(learner.Key.LearnerId);
            }
        }

        return onTrack;
    }
}
