namespace Beacon.Bot.Protocol;

using Beacon.Dialogs.Turns;
using Beacon.Training.Learners;

/// <summary><see cref="ITurnContext"/> over the Bot Connector: replies go to the conversation the activity came from.</summary>
public sealed class TurnContext(IncomingTurn incoming, Activity activity, IConnectorClient connector) : ITurnContext
{
    public IncomingTurn Incoming { get; } = incoming ?? throw new ArgumentNullException(nameof(incoming));

    /// <summary>The activity as it arrived.</summary>
    public Activity Activity { get; } = activity ?? throw new ArgumentNullException(nameof(activity));

    public Task<string?> SendAsync(OutgoingMessage message, CancellationToken cancellationToken) =>
        connector.SendToAddressAsync(Incoming.Address, message, cancellationToken);

    public Task UpdateAsync(string activityId, OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        return connector.UpdateAtAddressAsync(Incoming.Address, activityId, message, cancellationToken);
    }

    public Task SendTypingAsync(CancellationToken cancellationToken)
    {
        var address = Incoming.Address;
        var bot = string.IsNullOrEmpty(address.BotId) ? null : new ChannelAccount { Id = address.BotId };
        return connector.SendTypingAsync(address.ServiceUrl, address.ConversationId, bot, cancellationToken);
    }

    public async Task<ConversationAddress> SendPersonalAsync(string userId, OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(message);
        var here = Incoming.Address;
        var tenantId = string.IsNullOrEmpty(Incoming.TenantId) ? here.TenantId : Incoming.TenantId;
        var created = await connector.CreatePersonalConversationAsync(here.ServiceUrl, here.BotId, userId, tenantId, cancellationToken)
            .ConfigureAwait(false);
        if (string.IsNullOrEmpty(created.Id))
        {
            throw new ConnectorException("The Bot Connector created a conversation but returned no id.");
        }

        var personal = new ConversationAddress(here.ServiceUrl, here.ChannelId, created.Id, here.BotId, userId, tenantId);
        await connector.SendToAddressAsync(personal, message, cancellationToken).ConfigureAwait(false);
        return personal;
    }
}
