namespace Beacon.Bot.Protocol;

using Beacon.Dialogs.Turns;
using Beacon.Training.Learners;

/// <summary><see cref="ITurnContext"/> over the Bot Connector: replies go to the conversation the activity came from.</summary>
public sealed class TurnContext(IncomingTurn incoming, Activity activity, IConnectorClient connector) : ITurnContext
{
    private const int RosterPageSize = 500;

    /// <summary>A bound on the roster read for one campaign (a Teams team holds at most 25,000 people).</summary>
    private const int MaxRosterSize = 25_000;

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

    public async Task<TurnUser?> GetMemberAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        // In a channel, ask the team's roster (a channel thread's id is not always accepted there).
        var conversation = Incoming.TeamId ?? Incoming.Address.ConversationId;
        var member = await connector.GetMemberAsync(Incoming.Address.ServiceUrl, conversation, userId, cancellationToken).ConfigureAwait(false);
        return member is { Id: { Length: > 0 } id } ? ToUser(member, id) : null;
    }

    public async Task<IReadOnlyList<TurnUser>> GetTeamMembersAsync(string teamId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(teamId);
        var members = new List<TurnUser>();
        string? continuation = null;
        do
        {
            var page = await connector.GetPagedMembersAsync(Incoming.Address.ServiceUrl, teamId, RosterPageSize, continuation, cancellationToken)
                .ConfigureAwait(false);
            members.AddRange((page.Members ?? [])
                .Where(m => m is { Id: { Length: > 0 } } && m.Id != Incoming.Address.BotId)
                .Select(m => ToUser(m, m.Id!)));
            continuation = page.ContinuationToken;
        }
        while (!string.IsNullOrEmpty(continuation) && members.Count < MaxRosterSize);

        return members.DistinctBy(m => m.Id, StringComparer.Ordinal).ToList();
    }

    private static TurnUser ToUser(ChannelAccount account, string id) => new(
        id,
        string.IsNullOrWhiteSpace(account.AadObjectId) ? null : account.AadObjectId,
        string.IsNullOrWhiteSpace(account.Name) ? null : account.Name);
}
