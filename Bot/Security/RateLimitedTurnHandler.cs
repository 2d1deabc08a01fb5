namespace Beacon.Bot.Security;

using Beacon.Cards;
using Beacon.Cards.Builders;
using Beacon.Cards.Model;
using Beacon.Dialogs.Intents;
using Beacon.Dialogs.Turns;
using Microsoft.Extensions.Logging;

/// <summary>
/// Fairness: wraps the turn handler (so it runs after authentication) and slows down a user who
/// sends faster than their allowance. A limited message is not processed; the user gets one
/// friendly card per notice interval. A request for reporting guidance is never dropped.
/// </summary>
public sealed class RateLimitedTurnHandler(ITurnHandler inner, PerUserRateLimiter limiter, ILogger<RateLimitedTurnHandler> logger) : ITurnHandler
{
    public const string SlowDownTitle = "One moment, please";

    public const string SlowDownText = "You're sending messages faster than I can answer — give me a moment, then try again.";

    public static AdaptiveCard SlowDownCard() => NoticeCard.Build(SlowDownTitle, SlowDownText);

    public async Task<InvokeResult?> HandleAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var incoming = turn.Incoming;
        if (!IsLimited(incoming) || AsksForReportingGuidance(incoming))
        {
            return await inner.HandleAsync(turn, cancellationToken).ConfigureAwait(false);
        }

        var decision = limiter.Acquire(incoming.TenantId, incoming.From.Id);
        if (decision == RateDecision.Allowed)
        {
            return await inner.HandleAsync(turn, cancellationToken).ConfigureAwait(false);
        }

        if (decision == RateDecision.LimitedNotify)
        {
            logger.LogWarning("A user is over the per-user rate limit; their turns are dropped for now ({TurnKind})", incoming.Kind);
        }

        if (incoming.Kind == TurnKind.CardAction)
        {
            // An invoke must be answered; the message keeps the card as it is.
            return new MessageInvokeResult(SlowDownText);
        }

        if (decision == RateDecision.LimitedNotify)
        {
            await turn.SendAsync(OutgoingMessage.FromCard(SlowDownCard(), SlowDownTitle), cancellationToken).ConfigureAwait(false);
        }

        return null;
    }

    /// <summary>
    /// Turns a person sends; install and other system activities are not limited here. Nor are
    /// answers to question cards: each is checked against a prompt issued to this learner and
    /// stored at most once, so a flood of them costs one read each and cannot grow the store,
    /// while dropping them would lose real answers from someone tapping quickly through a session.
    /// </summary>
    private static bool IsLimited(IncomingTurn incoming) => incoming.Kind switch
    {
        TurnKind.Message or TurnKind.CardSubmit => true,
        TurnKind.CardAction => !string.Equals(incoming.Verb, Verbs.Answer, StringComparison.Ordinal),
        _ => false,
    };

    private static bool AsksForReportingGuidance(IncomingTurn incoming) =>
        incoming.Kind == TurnKind.Message
            ? IntentRecognizer.Recognize(incoming.Text) == Intent.Report
            : string.Equals(incoming.Verb, Verbs.Report, StringComparison.Ordinal);
}
