namespace Beacon.Bot.Protocol;

using Beacon.Dialogs.Turns;
using Beacon.Training.Learners;

/// <summary>Proactive sends to a stored <see cref="ConversationAddress"/>.</summary>
public static class ConnectorClientExtensions
{
    /// <summary>Sends a message into the addressed conversation; returns the new activity id when the channel gives one.</summary>
    public static async Task<string?> SendToAddressAsync(
        this IConnectorClient connector,
        ConversationAddress address,
        OutgoingMessage message,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(address);
        var activity = OutgoingActivities.FromMessage(message, address);
        var response = await connector.SendToConversationAsync(address.ServiceUrl, address.ConversationId, activity, cancellationToken)
            .ConfigureAwait(false);
        return response.Id;
    }

    /// <summary>Replaces a message the bot sent earlier in the addressed conversation.</summary>
    public static async Task UpdateAtAddressAsync(
        this IConnectorClient connector,
        ConversationAddress address,
        string activityId,
        OutgoingMessage message,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(address);
        var activity = OutgoingActivities.FromMessage(message, address);
        activity.Id = activityId;
        await connector.UpdateActivityAsync(address.ServiceUrl, address.ConversationId, activityId, activity, cancellationToken)
            .ConfigureAwait(false);
    }
}
