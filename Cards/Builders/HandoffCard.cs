namespace Beacon.Cards.Builders;

using Beacon.Cards.Model;

/// <summary>
/// Writing to the organisation's safeguarding lead from the guidance card, and what the lead
/// receives. The form warns against names or identifying details of the person of concern.
/// </summary>
public static class HandoffCard
{
    public const int MaxMessageLength = 1000;

    public const string Warning =
        "Do not include the name or any identifying details of the person you are worried about. " +
        "Say what you noticed, where and when, and how the lead can reach you.";

    /// <summary>The button on the guidance card that opens the message form in place.</summary>
    public static ShowCardAction ShowAction() => new("Message our safeguarding lead", new AdaptiveCard
    {
        Teams = null,
        Body =
        [
            Blocks.Paragraph(Warning),
            new TextInput
            {
                Id = CardData.HandoffMessage,
                Label = "Your message to the safeguarding lead",
                Placeholder = "What you noticed, where and when. No names of the person of concern.",
                IsMultiline = true,
                MaxLength = MaxMessageLength,
                IsRequired = true,
                ErrorMessage = "Please write a short message first.",
            },
        ],
        Actions = [new ExecuteAction("Send to our safeguarding lead", Verbs.Handoff) { Style = "positive" }],
    });

    /// <summary>What the designated contact receives in their 1:1 chat with Beacon.</summary>
    public static AdaptiveCard ForContact(string fromName, string message, DateTimeOffset sentAt) => new()
    {
        Body =
        [
            Blocks.Heading("A safeguarding concern was raised"),
            new FactSet([new Fact("From", fromName), new Fact("Sent", sentAt.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture))]),
            Blocks.SubHeading("Their message"),
            Blocks.Paragraph(message),
            Blocks.Subtle("Beacon delivered this message and did not keep its text. Please contact the sender directly in Teams."),
        ],
        Actions = CommonActions.WithReportConcern(),
        Speak = $"A safeguarding concern was raised by {fromName}.",
        FallbackText = $"A safeguarding concern was raised by {fromName}.",
    };

    /// <summary>The confirmation that replaces the guidance card for the sender.</summary>
    public static AdaptiveCard Sent(string emergencyNumber, int contacts) => NoticeCard.Build(
        "Sent to your safeguarding lead",
        $"Your message went to {(contacts == 1 ? "your safeguarding lead" : $"{contacts} safeguarding contacts")} in Teams. " +
        $"They will contact you. If anyone is in immediate danger, call {emergencyNumber} now.");
}
