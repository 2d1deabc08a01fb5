namespace Beacon.Cards.Views;

/// <summary>The tenant's campaigns for the list card, newest first.</summary>
public sealed record CampaignListView(IReadOnlyList<CampaignItemView> Campaigns, string? Notice = null);

/// <summary>
/// One campaign in the list: its state in words (draft, scheduled, running, paused, completed,
/// cancelled), when and for whom, and which buttons apply in that state.
/// </summary>
public sealed record CampaignItemView
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string State { get; init; }

    /// <summary>For example "Weekdays at 09:00, 7 December to 1 January".</summary>
    public required string When { get; init; }

    /// <summary>For example "My Team (6 people)".</summary>
    public required string Audience { get; init; }

    public bool CanPause { get; init; }

    public bool CanResume { get; init; }

    public bool CanEdit { get; init; }

    public bool CanCancel { get; init; }

    public bool CanReport { get; init; }
}
