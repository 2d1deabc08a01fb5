namespace Beacon.Training.Campaigns;

/// <summary>Someone a campaign tells personally: their learner id, the id a 1:1 chat is opened with (null when unknown), their name.</summary>
public sealed record AudienceMember(string LearnerId, string? ChatUserId, string? Name);

/// <summary>
/// The personal announcements of a confirmed campaign, sent in the background by delivery (a claim
/// per person and campaign makes each one happen once): the people still to tell, with the roster
/// ids read at the confirm so someone Beacon has not met yet can be reached; where the bot reaches
/// the tenant; and how many of how many have been told, for the manager's list.
/// </summary>
public sealed record CampaignAnnouncement
{
    public required string ServiceUrl { get; init; }

    public required string ChannelId { get; init; }

    public required string BotId { get; init; }

    /// <summary>People not known to be settled yet; emptied (names and ids dropped) once everyone is.</summary>
    public IReadOnlyList<AudienceMember> Pending { get; init; } = [];

    public int Told { get; init; }

    public int Total { get; init; }

    public bool IsPending => Pending.Count > 0;
}
