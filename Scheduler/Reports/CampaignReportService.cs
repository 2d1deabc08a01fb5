namespace Beacon.Scheduler.Reports;

using Beacon.Scheduler.Memory;
using Beacon.Training.Campaigns;
using Beacon.Training.Campaigns.Reports;
using Beacon.Training.Content;
using Beacon.Training.Learners;
using Beacon.Training.Ports;

/// <summary>
/// Reads a campaign's audience's answer logs and review states and computes its report with
/// <see cref="CampaignReportCalculator"/>; retention comes from the memory model.
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
    /// <summary>
    /// The report, or null when the tenant has no such campaign. Display names are read, and
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
        var audience = new List<LearnerCampaignData>();
        foreach (var learnerId in await AudienceOfAsync(campaign, cancellationToken).ConfigureAwait(false))
        {
            var learner = new LearnerKey(campaign.TenantId, learnerId);
            var history = await answers.ListAnswersAsync(learner, cancellationToken).ConfigureAwait(false);
            var states = await reviews.ListAsync(learner, cancellationToken).ConfigureAwait(false);
            var name = individualsAllowed ? (await learners.GetAsync(learner, cancellationToken).ConfigureAwait(false))?.DisplayName : null;
            audience.Add(new LearnerCampaignData(learner, name, history, states));
        }

        return CampaignReportCalculator.Compute(campaign, pack, audience, state => memory.Retrievability(state, now), now, individualsAllowed);
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
