namespace Beacon.Training.Campaigns;

/// <summary>
/// What a manager decided about a campaign. Whether an active campaign is scheduled, running or
/// completed follows from its dates; see <see cref="Campaign.StateOn"/>.
/// </summary>
public enum CampaignStatus
{
    Draft,
    Active,
    Paused,
    Cancelled,
}
