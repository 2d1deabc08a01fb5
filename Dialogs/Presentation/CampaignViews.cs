namespace Beacon.Dialogs.Presentation;

using System.Globalization;
using Beacon.Cards.Views;
using Beacon.Training.Campaigns;
using Beacon.Training.Content;
using Beacon.Training.Schedules;

/// <summary>Campaigns in the words the list and announcement cards use.</summary>
public static class CampaignViews
{
    public static CampaignItemView Item(Campaign campaign, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var state = campaign.StateOn(today);
        return new CampaignItemView
        {
            Id = campaign.Id,
            Name = campaign.Name.Length == 0 ? "Untitled campaign" : campaign.Name,
            State = state.ToString().ToLowerInvariant(),
            When = $"{Capitalised(Schedule(campaign))}, {Date(campaign.StartDate)} to {Date(campaign.EndDate)}",
            Audience = Audience(campaign) + Told(campaign.Announcement),
            CanPause = state is CampaignState.Scheduled or CampaignState.Running,
            CanResume = state == CampaignState.Paused,
            CanEdit = state is CampaignState.Draft or CampaignState.Scheduled or CampaignState.Running or CampaignState.Paused,
            CanCancel = state is not (CampaignState.Completed or CampaignState.Cancelled),
            CanReport = state is not CampaignState.Draft,
        };
    }

    public static CampaignAnnouncementView Announcement(Campaign campaign)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        return new CampaignAnnouncementView(
            campaign.Name,
            Schedule(campaign),
            Date(campaign.FirstSessionDate ?? campaign.StartDate),
            Date(campaign.LastSessionDate ?? campaign.EndDate),
            campaign.QuestionsPerSession,
            campaign.PreAssessment || campaign.PostAssessment);
    }

    /// <summary>"every weekday at 09:00", "on Tuesday and Thursday at 08:30".</summary>
    public static string Schedule(Campaign campaign)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var days = campaign.Days switch
        {
            Weekdays.WorkWeek => "every weekday",
            Weekdays.Every => "every day",
            Weekdays.Weekend => "at weekends",
            Weekdays.None => "on no days yet",
            var some => "on " + Joined([.. Enumerable.Range(1, 7).Select(d => (DayOfWeek)(d % 7)).Where(d => some.Includes(d)).Select(d => d.ToString())]),
        };
        return $"{days} at {campaign.LocalTime.ToString("HH:mm", CultureInfo.InvariantCulture)}";
    }

    public static string Date(DateOnly date) => date.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string Audience(Campaign campaign) => campaign.Audience.Kind switch
    {
        AudienceKind.Team => $"{campaign.Audience.TeamName ?? "A team"} ({People(campaign.Audience.LearnerIds.Count)})",
        AudienceKind.Track => "Everyone on " + Joined([.. campaign.Tracks.Select(Track.DisplayName)]),
        _ => $"Picked people ({People(campaign.Audience.LearnerIds.Count)})",
    };

    /// <summary>"; told 5 of 12 so far" while announcements go out, "; all 12 told" after; nothing when none were queued.</summary>
    private static string Told(CampaignAnnouncement? announcement) => announcement switch
    {
        null or { Total: 0 } => string.Empty,
        { IsPending: true } => string.Create(CultureInfo.InvariantCulture, $"; told {announcement.Told} of {announcement.Total} so far"),
        _ when announcement.Told == announcement.Total => string.Create(CultureInfo.InvariantCulture, $"; all {announcement.Total} told"),
        _ => string.Create(CultureInfo.InvariantCulture, $"; told {announcement.Told} of {announcement.Total} (the others get their sessions once they open Beacon)"),
    };

    /// <summary>The text a notification shows for the announcement card.</summary>
    public static string AnnouncementSummary(Campaign campaign)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        return $"You're in the campaign {campaign.Name}";
    }

    private static string People(int count) => count == 1 ? "1 person" : $"{count.ToString(CultureInfo.InvariantCulture)} people";

    private static string Joined(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "no track",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
