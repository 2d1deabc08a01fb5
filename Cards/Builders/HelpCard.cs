namespace Beacon.Cards.Builders;

using Beacon.Cards.Model;

/// <summary>What Beacon can do. Also the answer to anything Beacon does not understand.</summary>
public static class HelpCard
{
    public static readonly IReadOnlyList<Fact> Commands =
    [
        new("quiz", "A two-minute question on what you are most likely to forget."),
        new("refresher", "A short refresher card on your weakest topic, or on one you name, e.g. \"learn signs to notice\"."),
        new("report", "How to report a concern: emergency number, your organisation's contact, the hotline for your region."),
        new("progress", "Your own results: streak, mastered questions, the topic to work on."),
        new("role", "Choose or change your role track."),
        new("settings", "Your quiz time and region, or a pause, e.g. \"pause for two weeks\"."),
        new("stop", "Pause or turn off the daily quiz."),
        new("my data", "What Beacon holds about you. Type \"forget me\" to erase it."),
        new("help", "This list."),
    ];

    /// <summary>What managers can do besides, shown to managers only.</summary>
    public static readonly IReadOnlyList<Fact> ManagerCommands =
    [
        new("new campaign", "Plan a refresher campaign for your team, e.g. \"new campaign every weekday at 9am for 4 weeks\"."),
        new("campaigns", "Your campaigns: pause, resume, edit or cancel them."),
        new("campaign report", "A campaign's results for the whole team, never anyone's own answers."),
        new("set safeguarding contact", "Who people in your organisation reach with a concern, and who receives concerns handed over in Teams."),
    ];

    public static AdaptiveCard Build(string? notUnderstood = null, bool forManager = false)
    {
        var body = new List<CardElement>();
        if (!string.IsNullOrWhiteSpace(notUnderstood))
        {
            body.Add(Blocks.Paragraph($"Sorry, I didn't understand \"{Shorten(notUnderstood)}\". Here is what I can do."));
        }

        body.Add(Blocks.Heading("What Beacon can do"));
        body.Add(new FactSet(Commands));
        if (forManager)
        {
            body.Add(Blocks.SubHeading("For managers"));
            body.Add(new FactSet(ManagerCommands));
        }

        body.Add(Blocks.Subtle("Type a word above, or use the buttons."));
        return new AdaptiveCard
        {
            Body = body,
            Actions = CommonActions.WithReportConcern(CommonActions.StartQuiz()),
            Speak = "Beacon can give you a quiz, a refresher, or tell you how to report a concern.",
            FallbackText = "Type quiz, refresher, report, progress, role, settings, stop, my data or help.",
        };
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
