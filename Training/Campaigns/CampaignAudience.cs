namespace Beacon.Training.Campaigns;

/// <summary>
/// Who a campaign is for. <see cref="LearnerIds"/> is the resolved list (learner ids: the second
/// half of <c>LearnerKey</c>, the Entra object id when Teams gives it); for a track audience it is
/// resolved again when the campaign starts, so people who join the track later are included.
/// </summary>
public sealed record CampaignAudience
{
    public required AudienceKind Kind { get; init; }

    /// <summary>The Teams team id for <see cref="AudienceKind.Team"/>.</summary>
    public string? TeamId { get; init; }

    /// <summary>The team's display name, for the cards.</summary>
    public string? TeamName { get; init; }

    public IReadOnlyList<string> LearnerIds { get; init; } = [];
}
