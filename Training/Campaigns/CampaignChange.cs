namespace Beacon.Training.Campaigns;

/// <summary>The outcome of a lifecycle step: the changed campaign, or why the step is not allowed.</summary>
public sealed record CampaignChange(Campaign? Changed, string? Refusal)
{
    public bool Allowed => Changed is not null;

    public static CampaignChange To(Campaign campaign) => new(campaign, null);

    public static CampaignChange Refused(string reason) => new(null, reason);
}
