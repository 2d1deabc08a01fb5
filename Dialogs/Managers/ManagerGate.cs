namespace Beacon.Dialogs.Managers;

using Beacon.Cards.Builders;
using Beacon.Cards.Model;
using Beacon.Dialogs.Intents;
using Beacon.Dialogs.Turns;
using Beacon.Training.Ports;
using Microsoft.Extensions.Logging;

/// <summary>
/// Refuses manager verbs and phrases from anyone who is not a manager, with a polite card. A
/// manager's request passes through to whatever handles it.
/// </summary>
public sealed class ManagerGate(IManagerDirectory managers, ILogger<ManagerGate> logger)
{
    public static AdaptiveCard RefusalCard() => NoticeCard.Build(
        "That's for managers",
        "Only the people your organisation has set up as Beacon managers can run campaigns, see team reports or change the safeguarding contact. " +
        "If you think you should be one, ask your Beacon administrator.",
        CardActionsForLearners());

    /// <summary>True when the typed text was a manager command from a non-manager and was refused.</summary>
    public async Task<bool> TryRefuseMessageAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (!ManagerCommands.IsManagerText(turn.Incoming.Text)
            || await IsManagerAsync(turn.Incoming, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        await turn.SendAsync(OutgoingMessage.FromCard(RefusalCard(), "That's for managers"), cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>The refusal for a manager verb from a non-manager; null when the action may go on.</summary>
    public async Task<InvokeResult?> RefuseActionAsync(IncomingTurn incoming, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        return ManagerCommands.IsManagerVerb(incoming.Verb) && !await IsManagerAsync(incoming, cancellationToken).ConfigureAwait(false)
            ? new CardInvokeResult(RefusalCard())
            : null;
    }

    /// <summary>Whether to show the sender what managers can do (help); false when the store can't tell.</summary>
    public async Task<bool> ShowsManagerCommandsAsync(IncomingTurn incoming, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        try
        {
            return await managers.IsManagerAsync(incoming.TenantId, incoming.From, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreUnavailableException ex)
        {
            logger.LogWarning(ex, "Help shown without the managers' commands: store unavailable");
            return false;
        }
    }

    private async Task<bool> IsManagerAsync(IncomingTurn incoming, CancellationToken cancellationToken)
    {
        var manager = await managers.IsManagerAsync(incoming.TenantId, incoming.From, cancellationToken).ConfigureAwait(false);
        if (!manager)
        {
            logger.LogInformation("Refused a manager command from a user who is not a manager ({TurnKind})", incoming.Kind);
        }

        return manager;
    }

    private static CardAction[] CardActionsForLearners() => [Beacon.Cards.CommonActions.StartQuiz(), Beacon.Cards.CommonActions.Help()];
}
