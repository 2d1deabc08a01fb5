namespace Beacon.Cards.Builders;

using System.Globalization;
using Beacon.Cards.Model;
using Beacon.Cards.Views;

/// <summary>The answer to "stop" or "unsubscribe": pause or turn off the daily quiz, one tap each, both undoable.</summary>
public static class StopOfferCard
{
    public static AdaptiveCard Build(StopOfferView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var state = view switch
        {
            { PausedUntil: { } until } => $"Your quizzes are paused until {until}.",
            { DailyQuizOn: true } => "Your daily quiz is on.",
            _ => "Your daily quiz is off; quizzes only come when you ask or from a campaign your manager runs.",
        };
        var weeks = view.PauseDays % 7 == 0 ? $"{view.PauseDays / 7} weeks" : $"{view.PauseDays.ToString(CultureInfo.InvariantCulture)} days";
        return new AdaptiveCard
        {
            Body =
            [
                Blocks.SubHeading("Pause or turn off your quizzes?"),
                Blocks.Paragraph(state),
                Blocks.Paragraph($"**Pause** holds every quiz, campaigns included, for {weeks}; your reviews wait for you. "
                    + "**Turn off** stops the daily quiz until you turn it back on. You can undo either with one tap."),
                new ActionSet([ScheduleVerbs.PauseForDays(view.PauseDays, $"Pause for {weeks}")]),
                new ActionSet([ScheduleVerbs.TurnOffDaily()]),
            ],
            Actions = CommonActions.WithReportConcern(ScheduleVerbs.OpenSettings("Other settings")),
            FallbackText = $"{state} Pause for {weeks}, or turn off the daily quiz.",
        };
    }
}
