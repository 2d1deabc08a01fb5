namespace Beacon.Cards.Builders;

using System.Globalization;
using Beacon.Cards.Model;

/// <summary>"Forget me": the confirmation (a destructive action) and the cards that follow it.</summary>
public static class ForgetMeCard
{
    /// <summary>Asks for the confirmation card.</summary>
    public const string AskVerb = "forgetMe";

    /// <summary>Erases the learner who pressed it (never anyone named in the data).</summary>
    public const string ConfirmVerb = "forgetMeConfirm";

    public const string CancelVerb = "forgetMeCancel";

    public static ExecuteAction AskAction() => new("Erase my data", AskVerb) { AssociatedInputs = "none" };

    /// <summary>The confirmation: what will be erased, a destructive "Erase" and a "Keep" button.</summary>
    public static AdaptiveCard Confirm(int records) => new()
    {
        Body =
        [
            Blocks.Heading("Erase everything Beacon holds about you?"),
            Blocks.Paragraph(
                $"This deletes your profile and all {records.ToString(CultureInfo.InvariantCulture)} of your training records " +
                "(questions sent, answers, what Beacon has learned about your memory). It cannot be undone, " +
                "and Beacon will stop sending you sessions."),
            Blocks.Subtle("If you message Beacon again later, it starts a new, empty profile."),
        ],
        Actions = CommonActions.WithReportConcern(
            new ExecuteAction("Erase my data", ConfirmVerb) { Style = "destructive", AssociatedInputs = "none" },
            new ExecuteAction("Keep my data", CancelVerb) { AssociatedInputs = "none" }),
        Speak = "Erase everything Beacon holds about you? This cannot be undone.",
        FallbackText = "Erase everything Beacon holds about you? Press Erase my data to confirm.",
    };

    public static AdaptiveCard Erased() => NoticeCard.Build(
        "Your data is erased",
        "Beacon no longer holds a profile or any training records for you, and will not send you sessions. " +
        "Reporting guidance stays available: type **report** at any time.");

    public static AdaptiveCard Kept() => NoticeCard.Build(
        "Nothing was erased",
        "Your data is kept. Type **my data** to see it.");
}
