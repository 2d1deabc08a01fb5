namespace Beacon.Cards.Views;

/// <summary>A reminder of an unanswered campaign session: the campaign's name and the prompt id of its first question.</summary>
public sealed record NudgeView(string CampaignName, string PromptId);
