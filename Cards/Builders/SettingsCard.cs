namespace Beacon.Cards.Builders;

using System.Globalization;
using Beacon.Cards.Model;
using Beacon.Cards.Views;

/// <summary>Shows and changes the daily quiz: on/off, time and days, with labelled inputs.</summary>
public static class SettingsCard
{
    public static AdaptiveCard Build(SettingsView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var body = new List<CardElement> { Blocks.Heading("Your daily quiz") };
        if (view.Notice is not null)
        {
            body.Add(new TextBlock(view.Notice) { Weight = "Bolder" });
        }

        body.Add(Blocks.Paragraph(view.PausedUntil is null
            ? $"Times are in your time zone, {view.TimeZone}."
            : $"Paused until {view.PausedUntil}. Type **resume** to start again sooner. Times are in your time zone, {view.TimeZone}."));
        body.Add(new ToggleInput("Send me the daily quiz")
        {
            Id = ScheduleVerbs.EnabledInput,
            Label = "Daily quiz",
            Value = view.Enabled ? "true" : "false",
            ValueOn = "true",
            ValueOff = "false",
        });
        body.Add(new ChoiceSetInput(Times())
        {
            Id = ScheduleVerbs.TimeInput,
            Label = "Time",
            Value = view.Time,
            Style = "compact",
            IsRequired = true,
            ErrorMessage = "Choose a time.",
        });
        body.Add(new ChoiceSetInput(SettingsView.DayChoices.Select(d => new Choice(d.Title, d.Value)).ToList())
        {
            Id = ScheduleVerbs.DaysInput,
            Label = "Days",
            Value = view.Days,
            Style = "compact",
            IsRequired = true,
            ErrorMessage = "Choose the days.",
        });

        if (view.Regions.Count > 0)
        {
            body.Add(new ChoiceSetInput([new Choice("From Teams (automatic)", ScheduleVerbs.AutomaticRegion), .. view.Regions.Select(r => new Choice(r.Name, r.Code))])
            {
                Id = ScheduleVerbs.RegionInput,
                Label = "Region for reporting guidance",
                Value = view.RegionCode ?? ScheduleVerbs.AutomaticRegion,
                Style = "compact",
                IsRequired = true,
                ErrorMessage = "Choose a region.",
            });
        }

        var actions = new List<CardAction> { new ExecuteAction("Save", ScheduleVerbs.SaveSettings) { Style = "positive" } };
        if (view.PausedUntil is not null)
        {
            actions.Add(new ExecuteAction("Resume now", ScheduleVerbs.Resume) { AssociatedInputs = "none" });
        }

        if (!view.Enabled)
        {
            actions.Add(ScheduleVerbs.TurnBackOn(view.TurnOnTitle));
        }

        return new AdaptiveCard
        {
            Body = body,
            Actions = CommonActions.WithReportConcern([.. actions]),
            Speak = $"Your daily quiz settings. Time {view.Time}, days {view.Days}.",
            FallbackText = $"Your daily quiz: {(view.Enabled ? "on" : "off")}, {view.Time}, {view.Days}.",
        };
    }

    /// <summary>06:00 to 21:30 every half hour.</summary>
    private static List<Choice> Times() =>
        Enumerable.Range(12, 32)
            .Select(half => new TimeOnly(half / 2, half % 2 * 30).ToString("HH:mm", CultureInfo.InvariantCulture))
            .Select(t => new Choice(t, t))
            .ToList();
}
