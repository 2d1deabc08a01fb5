namespace Beacon.Training.Campaigns;

/// <summary>How a campaign's audience was chosen.</summary>
public enum AudienceKind
{
    /// <summary>The members of the team the campaign was created in, read through the roster API.</summary>
    Team,

    /// <summary>Every learner on one or more role tracks.</summary>
    Track,

    /// <summary>People the manager picked in the form.</summary>
    Picked,
}
