namespace Beacon.Cards.Builders;

using Beacon.Cards.Model;

/// <summary>What Beacon can do. Also the answer to anything Beacon does not understand.</summary>
public static class HelpCard
{
    public static readonly IReadOnlyList<Fact> Commands =
    [
        new("quiz", "A two-minute question on what you are most likely to forget."),
        new("refresher", "A short refresher card on your weakest topic."),
        new("report", "How to report a concern: emergency number, your organisation's contact, the hotline for your region."),
        new("progress", "Your own results: streak, mastered questions, the topic to work on."),
        new("role", "Choose or change your role track."),
        new("help", "This list."),
    ];

    public static AdaptiveCard Build(string? notUnderstood = null)
    {
        var body = new List<CardElement>();
        if (!string.IsNullOrWhiteSpace(notUnderstood))
        {
            body.Add(Blocks.Paragraph($"Sorry, I didn't understand \"{Shorten(notUnderstood)}\". Here is what I can do."));
        }

        body.Add(Blocks.Heading("What Beacon can do"));
        body.Add(new FactSet(Commands));
        body.Add(Blocks.Subtle("Type a word above, or use the buttons."));
        return new AdaptiveCard
        {
            Body = body,
            Actions = CommonActions.WithReportConcern(CommonActions.StartQuiz()),
            Speak = "Beacon can give you a quiz, a refresher, or tell you how to report a concern.",
            FallbackText = "Type quiz, refresher, report, role or help.",
        };
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
