namespace Beacon.Dialogs.Routing;

using Beacon.Cards;
using Beacon.Cards.Builders;
using Beacon.Cards.Model;
using Beacon.Dialogs.Flows;
using Beacon.Dialogs.Intents;
using Beacon.Dialogs.Learners;
using Beacon.Dialogs.Managers;
using Beacon.Dialogs.Turns;
using Beacon.Training.Content;
using Beacon.Training.Learners;
using System.Diagnostics;
using Beacon.Training.Observability;
using Beacon.Training.Ports;
using Microsoft.Extensions.Logging;

/// <summary>
/// Picks the flow for each turn by activity kind and intent. A reporting need is served first,
/// before anything touches the store, from any state of the conversation.
/// </summary>
public sealed class TurnRouter(
    LearnerDirectory learners,
    WelcomeFlow welcome,
    QuizFlow quiz,
    RefresherFlow refreshers,
    ReportFlow report,
    HandoffFlow handoff,
    ProgressFlow progress,
    PrivacyFlow privacy,
    ManagerGate managers,
    CampaignFlow campaigns,
    ManagerFlow managerRoles,
    SafeguardingFlow safeguarding,
    ILogger<TurnRouter> logger,
    ScheduleFlow? schedule = null,
    MessageUnderstanding? understanding = null) : ITurnHandler
{
    public async Task<InvokeResult?> HandleAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var incoming = turn.Incoming;
        var kind = incoming.Kind.ToString();
        using var span = BeaconTelemetry.Source.StartActivity("beacon.turn");
        span?.SetTag("beacon.turn.kind", kind);
        span?.SetTag("beacon.activity.id", incoming.ActivityId);
        span?.SetTag("beacon.conversation.type", incoming.ConversationType);
        span?.SetTag("beacon.verb", incoming.Verb);
        using var scope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["ConversationId"] = UntrustedText.ForLog(incoming.Address.ConversationId),
            ["ActivityId"] = UntrustedText.ForLog(incoming.ActivityId),
        });
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await RouteAsync(turn, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            var tag = new KeyValuePair<string, object?>("kind", kind);
            BeaconTelemetry.Turns.Add(1, tag);
            BeaconTelemetry.TurnDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, tag);
        }
    }

    private async Task<InvokeResult?> RouteAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var incoming = turn.Incoming;
        try
        {
            switch (incoming.Kind)
            {
                case TurnKind.Message:
                    await OnMessageAsync(turn, cancellationToken).ConfigureAwait(false);
                    return null;
                case TurnKind.CardAction:
                    return await OnActionAsync(turn, cancellationToken).ConfigureAwait(false);
                case TurnKind.CardSubmit:
                    var result = await OnActionAsync(turn, cancellationToken).ConfigureAwait(false);
                    if (result is CardInvokeResult { Card: var card })
                    {
                        await turn.SendAsync(OutgoingMessage.FromCard(card), cancellationToken).ConfigureAwait(false);
                    }

                    return null;
                case TurnKind.Installed:
                    await welcome.OnInstalledAsync(turn, cancellationToken).ConfigureAwait(false);
                    return null;
                case TurnKind.Uninstalled:
                    await learners.SyncAsync(incoming, cancellationToken).ConfigureAwait(false);
                    return null;
                default:
                    return null;
            }
        }
        catch (StoreUnavailableException ex)
        {
            logger.LogError(ex, "Store unavailable during {Kind} turn {ActivityId}", incoming.Kind, UntrustedText.ForLog(incoming.ActivityId));
            return await CouldNotSaveAsync(turn, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task OnMessageAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var incoming = turn.Incoming;
        // A manager's "set safeguarding contact" opens the form; anyone else is asking who the contact is: the guidance says.
        if (SafeguardingCommands.IsSetContact(incoming.Text))
        {
            if (!await safeguarding.TryOpenFormAsync(turn, cancellationToken).ConfigureAwait(false))
            {
                await report.SendAsync(turn, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        var intent = (understanding ?? MessageUnderstanding.RulesOnly).Recognize(incoming.Text);
        if (intent == Intent.Report)
        {
            await report.SendAsync(turn, cancellationToken, IntentRecognizer.IsBareReport(incoming.Text)).ConfigureAwait(false);
            return;
        }

        // Privacy requests never create a profile; manager commands from others are refused (docs/security.md).
        if (await privacy.TryHandleMessageAsync(turn, cancellationToken).ConfigureAwait(false)
            || await managers.TryRefuseMessageAsync(turn, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        if (ManagerCommands.Recognize(incoming.Text) is { } managerCommand)
        {
            await (managerCommand.Kind is ManagerCommandKind.Grant or ManagerCommandKind.Revoke
                ? managerRoles.OnCommandAsync(turn, managerCommand, cancellationToken)
                : campaigns.OnCommandAsync(turn, managerCommand, cancellationToken)).ConfigureAwait(false);
            return;
        }

        // Small talk and help need no profile: after "forget me", a greeting or words Beacon does not understand must not start a new one.
        if (SmallTalk.Recognize(incoming.Text) is { } smallTalk)
        {
            await turn.SendAsync(OutgoingMessage.FromText(SmallTalk.Reply(smallTalk, incoming.From.Name)), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (intent is Intent.Help or Intent.Greeting or Intent.Unknown
            && !StopCommands.IsStop(incoming.Text)
            && ScheduleCommands.Recognize(incoming.Text) is null)
        {
            await SendHelpAsync(turn, intent == Intent.Unknown ? incoming.Text : null, cancellationToken).ConfigureAwait(false);
            return;
        }

        var learner = await learners.SyncAsync(incoming, cancellationToken).ConfigureAwait(false);
        if (schedule is not null && StopCommands.IsStop(incoming.Text))
        {
            await turn.SendAsync(OutgoingMessage.FromCard(await schedule.StopOfferAsync(learner, cancellationToken).ConfigureAwait(false)), cancellationToken)
                .ConfigureAwait(false);
            return;
        }

        if (schedule is not null && ScheduleCommands.Recognize(incoming.Text) is { } command)
        {
            await schedule.OnCommandAsync(turn, learner, command, cancellationToken).ConfigureAwait(false);
            return;
        }

        switch (intent)
        {
            case Intent.Quiz:
                await SendQuestionAsync(turn, learner, cancellationToken).ConfigureAwait(false);
                break;
            case Intent.Refresher:
                var card = await refreshers.ShowRequestedAsync(learner, incoming.Text, cancellationToken).ConfigureAwait(false);
                await SendPrivatelyAsync(turn, card, cancellationToken).ConfigureAwait(false);
                break;
            case Intent.ChooseTrack:
                await turn.SendAsync(OutgoingMessage.FromCard(WelcomeFlow.RoleCardFor(learner)), cancellationToken).ConfigureAwait(false);
                break;
            case Intent.Progress:
                await SendPrivatelyAsync(turn, await progress.ShowAsync(learner, cancellationToken).ConfigureAwait(false), cancellationToken)
                    .ConfigureAwait(false);
                break;
            case Intent.CampaignReport:
                await turn.SendAsync(
                    OutgoingMessage.FromCard(NoticeCard.Build(
                        "Campaign reports",
                        "Campaign reports are for managers who run refresher campaigns. For your own results, type **progress**.")),
                    cancellationToken).ConfigureAwait(false);
                break;
            case Intent.Thanks:
                await turn.SendAsync(OutgoingMessage.FromText("You're welcome. Type **quiz** any time for another question."), cancellationToken)
                    .ConfigureAwait(false);
                break;
            case Intent.Help or Intent.Greeting:
                await SendHelpAsync(turn, null, cancellationToken).ConfigureAwait(false);
                break;
            default:
                await SendHelpAsync(turn, incoming.Text, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private async Task<InvokeResult> OnActionAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var incoming = turn.Incoming;
        if (incoming.Verb == Verbs.Report)
        {
            await report.SendAsync(turn, cancellationToken).ConfigureAwait(false);
            return new MessageInvokeResult("Here is how to report a concern.");
        }

        if ((await managers.RefuseActionAsync(incoming, cancellationToken).ConfigureAwait(false)
            ?? await privacy.TryHandleActionAsync(turn, cancellationToken).ConfigureAwait(false)) is { } gated)
        {
            return gated;
        }

        if (SafeguardingVerbs.Handles(incoming.Verb))
        {
            return await safeguarding.OnActionAsync(turn, cancellationToken).ConfigureAwait(false);
        }

        if (CampaignVerbs.Handles(incoming.Verb))
        {
            return await campaigns.OnActionAsync(turn, cancellationToken).ConfigureAwait(false);
        }

        if (schedule is not null && ScheduleVerbs.Handles(incoming.Verb))
        {
            var who = await learners.SyncAsync(incoming, cancellationToken).ConfigureAwait(false);
            return new CardInvokeResult(await schedule.OnActionAsync(who, incoming.Verb!, incoming.Data, cancellationToken).ConfigureAwait(false));
        }

        if (WelcomeVerbs.Handles(incoming.Verb))
        {
            var newcomer = await learners.SyncAsync(incoming, cancellationToken).ConfigureAwait(false);
            return new CardInvokeResult(await welcome.OnActionAsync(newcomer, incoming.Verb!, incoming.Data, cancellationToken).ConfigureAwait(false));
        }

        switch (incoming.Verb)
        {
            case Verbs.ReportRegion:
                var regional = await report.ChangeRegionAsync(incoming, incoming.Data.GetValueOrDefault(CardData.Region), cancellationToken)
                    .ConfigureAwait(false);
                return regional is null
                    ? new ErrorInvokeResult(400, "unknownRegion", "Please choose one of the listed regions.")
                    : new CardInvokeResult(regional);
            case Verbs.Handoff:
                return new CardInvokeResult(
                    await handoff.SendAsync(turn, incoming.Data.GetValueOrDefault(CardData.HandoffMessage), cancellationToken).ConfigureAwait(false));
        }

        var learner = await learners.SyncAsync(incoming, cancellationToken).ConfigureAwait(false);
        switch (incoming.Verb)
        {
            case Verbs.Answer:
                return new CardInvokeResult(await quiz.AnswerAsync(learner.Key, incoming.Data, cancellationToken).ConfigureAwait(false));
            case Verbs.Quiz:
                await SendQuestionAsync(turn, learner, cancellationToken).ConfigureAwait(false);
                return new MessageInvokeResult("Here is your next question.");
            case Verbs.ChooseTrack:
                var saved = await welcome.ChooseTrackAsync(learner, incoming.Data.GetValueOrDefault(CardData.Track), cancellationToken)
                    .ConfigureAwait(false);
                return saved is null
                    ? new ErrorInvokeResult(400, "invalidTrack", "Please choose one of the listed roles.")
                    : new CardInvokeResult(saved);
            case Verbs.Refresher:
                var refresher = await refreshers.ShowAsync(
                    learner, incoming.Data.GetValueOrDefault(CardData.Topic), incoming.Data.GetValueOrDefault(CardData.RefresherId), cancellationToken)
                    .ConfigureAwait(false);
                await SendPrivatelyAsync(turn, refresher, cancellationToken).ConfigureAwait(false);
                return new MessageInvokeResult("Here is a refresher.");
            case Verbs.Help:
                await SendHelpAsync(turn, null, cancellationToken).ConfigureAwait(false);
                return new MessageInvokeResult("Here is what Beacon can do.");
            case Verbs.Progress:
                await SendPrivatelyAsync(turn, await progress.ShowAsync(learner, cancellationToken).ConfigureAwait(false), cancellationToken)
                    .ConfigureAwait(false);
                return new MessageInvokeResult("Here is your progress.");
            default:
                logger.LogWarning("Unknown card action verb {Verb} in activity {ActivityId}", UntrustedText.ForLog(incoming.Verb), UntrustedText.ForLog(incoming.ActivityId));
                return new ErrorInvokeResult(400, "unknownAction", "Beacon doesn't know that action. Type help to see what it can do.");
        }
    }

    private async Task SendHelpAsync(ITurnContext turn, string? notUnderstood, CancellationToken cancellationToken)
    {
        var forManager = await managers.ShowsManagerCommandsAsync(turn.Incoming, cancellationToken).ConfigureAwait(false);
        await turn.SendAsync(OutgoingMessage.FromCard(HelpCard.Build(notUnderstood, forManager)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Quizzes are personal: in a group chat or channel the question goes to a 1:1 chat.</summary>
    private async Task SendQuestionAsync(ITurnContext turn, Learner learner, CancellationToken cancellationToken)
    {
        var cards = await quiz.NextQuestionAsync(learner, turn.Incoming.Data.GetValueOrDefault(CardData.PromptId), cancellationToken).ConfigureAwait(false);
        foreach (var card in cards)
        {
            await SendPrivatelyAsync(turn, card, cancellationToken).ConfigureAwait(false);
        }

        if (!turn.Incoming.IsPersonal)
        {
            await turn.SendAsync(OutgoingMessage.FromText("I've sent your question to our private chat."), cancellationToken)
                .ConfigureAwait(false);
        }
    }

    private static async Task SendPrivatelyAsync(ITurnContext turn, AdaptiveCard card, CancellationToken cancellationToken)
    {
        var message = OutgoingMessage.FromCard(card);
        if (turn.Incoming.IsPersonal)
        {
            await turn.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await turn.SendPersonalAsync(turn.Incoming.From.Id, message, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<InvokeResult?> CouldNotSaveAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var card = NoticeCard.CouldNotSave();
        if (turn.Incoming.Kind == TurnKind.CardAction)
        {
            return new ErrorInvokeResult(503, "storeUnavailable", "I couldn't save that. Nothing was recorded; please try again in a moment.");
        }

        if (turn.Incoming.Kind is TurnKind.Message or TurnKind.CardSubmit)
        {
            await turn.SendAsync(OutgoingMessage.FromCard(card), cancellationToken).ConfigureAwait(false);
        }

        return null;
    }
}
