namespace Beacon.Training.Campaigns;

/// <summary>The state a manager sees in the campaign list.</summary>
public enum CampaignState
{
    Draft,
    Scheduled,
    Running,
    Paused,
    Completed,
    Cancelled,
}
