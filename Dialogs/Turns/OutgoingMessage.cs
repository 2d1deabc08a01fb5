namespace Beacon.Dialogs.Turns;

using Beacon.Cards.Model;

/// <summary>A message to send: text, a card, or both (the text is the notification summary).</summary>
public sealed record OutgoingMessage(string? Text, AdaptiveCard? Card)
{
    public static OutgoingMessage FromCard(AdaptiveCard card, string? summary = null) => new(summary, card);

    public static OutgoingMessage FromText(string text) => new(text, null);
}
