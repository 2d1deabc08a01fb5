namespace Beacon.Bot.Security;

using Beacon.Bot.Protocol;
using Beacon.Dialogs.Turns;
using Microsoft.Extensions.Logging;

/// <summary>
/// Input validation before any flow runs: a turn that could lead to a reply must carry a reply
/// address the connector can use (an allowed service URL, a conversation id, a sender and a
/// recipient id).
/// Otherwise nothing is handled: the turn is acknowledged (an invoke gets a 400 error body) and a
/// warning is logged, instead of the flow failing half-way when it tries to answer.
/// </summary>
public sealed class ReplyAddressGuard(ITurnHandler inner, ServiceUrlPolicy serviceUrls, ILogger<ReplyAddressGuard> logger) : ITurnHandler
{
    public async Task<InvokeResult?> HandleAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var incoming = turn.Incoming;
        var problem = ProblemWith(incoming);
        if (problem is null)
        {
            return await inner.HandleAsync(turn, cancellationToken).ConfigureAwait(false);
        }

        logger.LogWarning("Ignored a {TurnKind} turn that cannot be answered: {Problem}", incoming.Kind, problem);
        return incoming.Kind == TurnKind.CardAction
            ? new ErrorInvokeResult(400, "badRequest", "Beacon couldn't read that action.")
            : null;
    }

    /// <summary>Why the turn cannot be answered, or null when it can (or needs no answer).</summary>
    public string? ProblemWith(IncomingTurn incoming)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        if (incoming.Kind is not (TurnKind.Message or TurnKind.CardSubmit or TurnKind.CardAction or TurnKind.Installed))
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(incoming.From.Id))
        {
            return "no sender id";
        }

        if (string.IsNullOrWhiteSpace(incoming.Address.ConversationId))
        {
            return "no conversation id";
        }

        if (string.IsNullOrWhiteSpace(incoming.Address.BotId))
        {
            return "no recipient (bot) id";
        }

        return serviceUrls.IsAllowed(incoming.Address.ServiceUrl) ? null : "the service URL is not allowed";
    }
}
