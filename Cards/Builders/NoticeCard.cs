namespace Beacon.Cards.Builders;

using Beacon.Cards.Model;

/// <summary>A short message card: errors, refusals, confirmations.</summary>
public static class NoticeCard
{
    public static AdaptiveCard Build(string title, string message, params CardAction[] actions) => new()
    {
        Body = [Blocks.SubHeading(title), Blocks.Paragraph(message)],
        Actions = CommonActions.WithReportConcern(actions),
        FallbackText = $"{title}. {message}",
    };

    public static AdaptiveCard CouldNotSave() => Build(
        "I couldn't save that",
        "Something went wrong on my side and nothing was recorded. Please try again in a moment.");
}
