namespace Beacon.Cards.Builders;

using System.Globalization;
using Beacon.Cards.Model;

/// <summary>What Beacon holds about a learner, for "my data". Plain values; Dialogs fills it in.</summary>
public sealed record MyDataView
{
    /// <summary>False when Beacon holds nothing at all about the learner.</summary>
    public bool HasProfile { get; init; }

    public string? DisplayName { get; init; }

    public string? Track { get; init; }

    public string? Locale { get; init; }

    public string? TimeZone { get; init; }

    public string? Country { get; init; }

    public string? ReportingRegion { get; init; }

    public bool HasPersonalChat { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? WelcomedAt { get; init; }

    public bool Active { get; init; }

    /// <summary>The daily quiz in words ("every weekday at 09:00"), or null when it is off.</summary>
    public string? DailyQuiz { get; init; }

    public int QuestionsSent { get; init; }

    public int Answers { get; init; }

    public int CorrectAnswers { get; init; }

    /// <summary>Review states by phase (e.g. "new" 2, "review" 5).</summary>
    public IReadOnlyList<(string Phase, int Count)> ReviewPhases { get; init; } = [];

    public DateTimeOffset? NextReviewDue { get; init; }

    /// <summary>Any other rows a store holds, by kind, so nothing is left out.</summary>
    public IReadOnlyList<(string Kind, int Count)> OtherRecords { get; init; } = [];
}

/// <summary>"My data": the learner's profile fields and a summary of their training records.</summary>
public static class MyDataCard
{
    /// <summary>The verb of the "See my data" action.</summary>
    public const string Verb = "myData";

    private const string NotSet = "not set";

    public static ExecuteAction Action(string title = "See my data") => new(title, Verb) { AssociatedInputs = "none" };

    public static AdaptiveCard Build(MyDataView data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var body = new List<CardElement> { Blocks.Heading("What Beacon holds about you") };
        if (!data.HasProfile && data.Answers == 0 && data.QuestionsSent == 0 && data.ReviewPhases.Count == 0 && data.OtherRecords.Count == 0)
        {
            body.Add(Blocks.Paragraph("Nothing. Beacon holds no profile and no training records for you."));
            return Card(body, "Beacon holds nothing about you.", [CommonActions.Help()]);
        }

        body.Add(Blocks.Paragraph(
            "Beacon keeps only what it needs to train you: your profile from Teams and your quiz answers. " +
            "It never stores what you tell it about a concern."));
        body.Add(Blocks.SubHeading("Your profile"));
        body.Add(new FactSet(
        [
            new Fact("Name", data.DisplayName ?? NotSet),
            new Fact("Role track", data.Track ?? NotSet),
            new Fact("Language", data.Locale ?? NotSet),
            new Fact("Time zone", data.TimeZone ?? NotSet),
            new Fact("Country", data.Country ?? NotSet),
            new Fact("Reporting region", data.ReportingRegion ?? NotSet),
            new Fact("Personal chat saved", data.HasPersonalChat ? "yes (so Beacon can send your sessions)" : "no"),
            new Fact("Daily quiz", data.DailyQuiz is null ? "off" : $"on, {data.DailyQuiz}"),
            new Fact("Campaign sessions", data.Active ? "yes, when your organisation runs a campaign" : "no"),
            new Fact("First seen", Date(data.CreatedAt)),
            new Fact("Welcomed", Date(data.WelcomedAt)),
        ]));

        body.Add(Blocks.SubHeading("Your training records"));
        var records = new List<Fact>
        {
            new("Questions sent to you", Count(data.QuestionsSent)),
            new("Answers", $"{Count(data.Answers)} ({Count(data.CorrectAnswers)} correct)"),
        };
        records.AddRange(data.ReviewPhases.Select(p => new Fact($"Questions in phase \"{p.Phase}\"", Count(p.Count))));
        if (data.NextReviewDue is { } due)
        {
            records.Add(new Fact("Next review due", Date(due)));
        }

        records.AddRange(data.OtherRecords.Select(o => new Fact($"Other records: {o.Kind}", Count(o.Count))));
        body.Add(new FactSet(records));
        body.Add(Blocks.Subtle("Type **forget me** to erase all of this."));
        return Card(body, "What Beacon holds about you.", [ForgetMeCard.AskAction()]);
    }

    private static AdaptiveCard Card(List<CardElement> body, string speak, CardAction[] actions) => new()
    {
        Body = body,
        Actions = CommonActions.WithReportConcern(actions),
        Speak = speak,
        FallbackText = speak,
    };

    private static string Date(DateTimeOffset? value) =>
        value is { } v ? v.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) : NotSet;

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
