namespace Beacon.Dialogs.Turns;

using Beacon.Training.Learners;

/// <summary>The port through which flows talk back to Teams; the protocol layer implements it.</summary>
public interface ITurnContext
{
    IncomingTurn Incoming { get; }

    /// <summary>Sends into the current conversation; returns the new activity id when the channel gives one.</summary>
    Task<string?> SendAsync(OutgoingMessage message, CancellationToken cancellationToken);

    /// <summary>Replaces an activity the bot sent earlier in this conversation.</summary>
    Task UpdateAsync(string activityId, OutgoingMessage message, CancellationToken cancellationToken);

    Task SendTypingAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Opens (or finds) the 1:1 conversation with a user of this tenant and sends into it.
    /// Returns the personal conversation's address, for later proactive messages.
    /// </summary>
    Task<ConversationAddress> SendPersonalAsync(string userId, OutgoingMessage message, CancellationToken cancellationToken);

    /// <summary>A member of this conversation (in a channel: of its team), with the Entra object id the roster gives; null when the user is not a member.</summary>
    Task<TurnUser?> GetMemberAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Every member of a team the bot is in (the roster, read page by page), the bot excluded.</summary>
    Task<IReadOnlyList<TurnUser>> GetTeamMembersAsync(string teamId, CancellationToken cancellationToken);
}
