namespace Beacon.Cards;

using Beacon.Cards.Model;

/// <summary>Actions that appear on more than one card.</summary>
public static class CommonActions
{
    public const string ReportConcernTitle = "Report a concern";

    /// <summary>On every card Beacon sends: guidance is always one tap away.</summary>
    public static ExecuteAction ReportConcern(string title = ReportConcernTitle) => new(title, Verbs.Report)
    {
        AssociatedInputs = "none",
        Tooltip = "How to report a concern about someone who may be trafficked",
    };

    public static ExecuteAction StartQuiz(string title = "Start a quiz") => new(title, Verbs.Quiz)
    {
        AssociatedInputs = "none",
        Style = "positive",
    };

    /// <summary>Sends the question of a campaign session with this prompt id (again, if it was sent before).</summary>
    public static ExecuteAction OpenPrompt(string title, string promptId) => new(title, Verbs.Quiz)
    {
        AssociatedInputs = "none",
        Style = "positive",
        Data = new Dictionary<string, string> { [CardData.PromptId] = promptId },
    };

    public static ExecuteAction Help() => new("What can Beacon do?", Verbs.Help) { AssociatedInputs = "none" };

    public static OpenUrlAction OpenSource(Uri url) => new("Open the source", url);

    /// <summary>The given actions followed by "Report a concern".</summary>
    public static IReadOnlyList<CardAction> WithReportConcern(params CardAction[] actions) =>
        [.. actions, ReportConcern()];
}
