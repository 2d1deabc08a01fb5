namespace Beacon.Training.Campaigns;

using Beacon.Training.Content;
using Beacon.Training.Schedules;

/// <summary>What makes a campaign one that can run. Messages are written for the manager.</summary>
public static class CampaignRules
{
    /// <summary>The longest campaign: a year.</summary>
    public const int MaxDays = 366;

    /// <summary>Problems with the campaign; empty when it can be confirmed. <paramref name="today"/> bounds the start date.</summary>
    public static IReadOnlyList<string> Validate(Campaign campaign, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(campaign.Name))
        {
            problems.Add("Give the campaign a name.");
        }
        else if (campaign.Name.Length > Campaign.MaxNameLength)
        {
            problems.Add($"Keep the name to {Campaign.MaxNameLength} characters.");
        }

        if (campaign.StartDate < today)
        {
            problems.Add("The start date is in the past.");
        }

        if (campaign.EndDate < campaign.StartDate)
        {
            problems.Add("The end date is before the start date.");
        }
        else if (campaign.EndDate.DayNumber - campaign.StartDate.DayNumber >= MaxDays)
        {
            problems.Add("A campaign can run for a year at most.");
        }
        else if (campaign.Days == Weekdays.None || campaign.FirstSessionDate is null)
        {
            problems.Add("Pick at least one day of the week that falls between the start and end dates.");
        }

        if (campaign.QuestionsPerSession is < Campaign.MinQuestionsPerSession or > Campaign.MaxQuestionsPerSession)
        {
            problems.Add($"Questions per session must be between {Campaign.MinQuestionsPerSession} and {Campaign.MaxQuestionsPerSession}.");
        }

        if (campaign.Tracks.Any(t => !Track.IsKnown(t)))
        {
            problems.Add("One of the chosen tracks is not known.");
        }

        if (campaign.Topics.Any(t => !Topic.IsKnown(t)))
        {
            problems.Add("One of the chosen topics is not known.");
        }

        if (campaign.Audience.Kind == AudienceKind.Team && string.IsNullOrEmpty(campaign.Audience.TeamId))
        {
            problems.Add("A team audience needs the campaign to be created in a team.");
        }

        if (campaign.Audience.Kind != AudienceKind.Track && campaign.Audience.LearnerIds.Count == 0)
        {
            problems.Add("The audience is empty.");
        }

        if (campaign.Audience.LearnerIds.Count > Campaign.MaxAudience)
        {
            problems.Add($"A campaign can reach {Campaign.MaxAudience} people at most; split a bigger audience over several campaigns.");
        }

        if (campaign.Audience.Kind == AudienceKind.Track && campaign.Tracks.Count == 0)
        {
            problems.Add("Choose the track whose learners take part.");
        }

        return problems;
    }
}
