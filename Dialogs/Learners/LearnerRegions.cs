namespace Beacon.Dialogs.Learners;

using Beacon.Dialogs.Reporting;
using Beacon.Training.Content;
using Beacon.Training.Learners;
using Beacon.Training.Ports;

/// <summary>
/// The region whose facts and numbers a learner is taught (<see cref="ContentPack.RegionOf"/>):
/// the region they chose, else their Teams country's, else their tenant's default, else the
/// international fallback. Cards fill their placeholders from it.
/// </summary>
public sealed class LearnerRegions(ContentPack pack, ISafeguardingDirectory safeguarding, ILearnerStore learners)
{
    /// <summary>The learner's region; null only when the pack has no regions.</summary>
    public ReportingRegion? Of(Learner learner)
    {
        ArgumentNullException.ThrowIfNull(learner);
        return pack.RegionOf(learner, TenantDefault(learner.Key.TenantId));
    }

    /// <summary>The stored learner's region; the tenant's default (or the fallback) when there is no profile yet.</summary>
    public async Task<ReportingRegion?> OfAsync(LearnerKey key, CancellationToken cancellationToken)
    {
        var learner = await learners.GetAsync(key, cancellationToken).ConfigureAwait(false)
            ?? new Learner { Key = key };
        return Of(learner);
    }

    /// <summary>The tenant's default region from its safeguarding route, if it names one.</summary>
    public string? TenantDefault(string tenantId) => safeguarding.Find(tenantId)?.DefaultRegion;
}
