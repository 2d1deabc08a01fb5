namespace Beacon.Bot.Protocol;

using Beacon.Cards.Model;
using Beacon.Dialogs.Turns;
using Beacon.Training.Learners;

/// <summary>Builds the wire activity for an <see cref="OutgoingMessage"/>.</summary>
public static class OutgoingActivities
{
    /// <summary>
    /// A message activity: a card becomes one Adaptive Card attachment (with the text as the
    /// notification summary); text alone is the message text.
    /// </summary>
    public static Activity FromMessage(OutgoingMessage message, ConversationAddress? address)
    {
        ArgumentNullException.ThrowIfNull(message);
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = NullIfEmpty(address?.ChannelId),
            From = string.IsNullOrEmpty(address?.BotId) ? null : new ChannelAccount { Id = address.BotId },
            Recipient = string.IsNullOrEmpty(address?.UserId) ? null : new ChannelAccount { Id = address.UserId },
            Conversation = string.IsNullOrEmpty(address?.ConversationId) ? null : new ConversationAccount { Id = address.ConversationId },
        };

        if (message.Card is { } card)
        {
            activity.Summary = NullIfEmpty(message.Text);
            activity.Attachments =
            [
                new Attachment { ContentType = AdaptiveCard.ContentType, Content = card },
            ];
        }
        else
        {
            activity.Text = message.Text ?? string.Empty;
        }

        return activity;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
