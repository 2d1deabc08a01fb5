namespace Beacon.Cards.Views;

/// <summary>What a learner is told when a campaign they are in is confirmed.</summary>
/// <param name="Name">The campaign's name.</param>
/// <param name="When">Days and local time, e.g. "every weekday at 09:00".</param>
/// <param name="From">The first session date in words.</param>
/// <param name="To">The last session date in words.</param>
/// <param name="QuestionsPerSession">How many questions each session has.</param>
/// <param name="WithAssessments">Whether the first and last sessions are short assessments.</param>
public sealed record CampaignAnnouncementView(string Name, string When, string From, string To, int QuestionsPerSession, bool WithAssessments);
