namespace Beacon.Dialogs.Flows;

using System.Globalization;
using Beacon.Cards.Builders;
using Beacon.Cards.Model;
using Beacon.Dialogs.Intents;
using Beacon.Dialogs.Turns;
using Beacon.Training.Content;
using Beacon.Training.Learners;
using Beacon.Training.Ports;
using Microsoft.Extensions.Logging;

/// <summary>
/// "my data" and "forget me". Nothing here creates or updates a profile: looking at your data
/// does not enrol you, and erasing it leaves nothing behind (no tombstone) in any store. Cards go
/// to the personal chat; in a group chat or channel only a short pointer is posted there.
/// </summary>
public sealed class PrivacyFlow(
    ILearnerStore learners,
    IAnswerStore answers,
    IReviewStore reviews,
    IEnumerable<ILearnerEraser> erasers,
    ScheduleFlow schedule,
    ILogger<PrivacyFlow> logger)
{
    private readonly ILearnerEraser[] erasers = [.. erasers];

    /// <summary>Handles typed "my data" / "forget me"; false when the text is neither.</summary>
    public async Task<bool> TryHandleMessageAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var command = PrivacyCommands.FromText(turn.Incoming.Text);
        if (command == PrivacyCommand.None)
        {
            return false;
        }

        var card = await CardForAsync(command, turn.Incoming, cancellationToken).ConfigureAwait(false);
        await SendPrivatelyAsync(turn, card, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Handles the privacy card actions; null when the verb is not one of them.</summary>
    public async Task<InvokeResult?> TryHandleActionAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var command = PrivacyCommands.FromVerb(turn.Incoming.Verb);
        if (command == PrivacyCommand.None)
        {
            return null;
        }

        var card = await CardForAsync(command, turn.Incoming, cancellationToken).ConfigureAwait(false);
        if (turn.Incoming.IsPersonal)
        {
            return new CardInvokeResult(card);
        }

        await SendPrivatelyAsync(turn, card, cancellationToken).ConfigureAwait(false);
        return new MessageInvokeResult("I've sent it to our private chat.");
    }

    /// <summary>What Beacon holds about the learner, read from every store without changing anything.</summary>
    public async Task<MyDataView> DescribeAsync(LearnerKey key, CancellationToken cancellationToken)
    {
        var learner = await learners.GetAsync(key, cancellationToken).ConfigureAwait(false);
        var history = await answers.ListAnswersAsync(key, cancellationToken).ConfigureAwait(false);
        var states = await reviews.ListAsync(key, cancellationToken).ConfigureAwait(false);
        var footprint = await FootprintAsync([key], cancellationToken).ConfigureAwait(false);
        string[] known = [LearnerFootprint.Profile, LearnerFootprint.IssuedQuestions, LearnerFootprint.Answers, LearnerFootprint.ReviewStates];
        return new MyDataView
        {
            HasProfile = learner is not null,
            DisplayName = learner?.DisplayName,
            Track = Track.IsRole(learner?.Track) ? Track.DisplayName(learner!.Track!) : learner?.Track,
            Locale = learner?.Locale,
            TimeZone = learner?.TimeZone,
            Country = learner?.Country,
            ReportingRegion = learner?.ReportingRegion,
            HasPersonalChat = learner?.Address is not null,
            CreatedAt = learner?.CreatedAt,
            WelcomedAt = learner?.WelcomedAt,
            Active = learner?.Active ?? false,
            DailyQuiz = learner is null ? null : await schedule.DescribeDailyAsync(learner, cancellationToken).ConfigureAwait(false),
            QuestionsSent = footprint[LearnerFootprint.IssuedQuestions],
            Answers = history.Count,
            CorrectAnswers = history.Count(a => a.Correct),
            ReviewPhases = [.. states.GroupBy(s => s.Phase).OrderBy(g => g.Key)
                .Select(g => (g.Key.ToString().ToLower(CultureInfo.InvariantCulture), g.Count()))],
            NextReviewDue = states.Where(s => s.Due is not null).Select(s => s.Due).Min(),
            OtherRecords = [.. footprint.Counts.Where(c => c.Value > 0 && !known.Contains(c.Key)).OrderBy(c => c.Key, StringComparer.Ordinal)
                .Select(c => (c.Key, c.Value))],
        };
    }

    /// <summary>Erases the learner from every store; returns how many rows or entities went.</summary>
    public async Task<int> EraseAsync(IncomingTurn incoming, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        var deleted = 0;
        foreach (var key in KeysOf(incoming))
        {
            foreach (var eraser in erasers)
            {
                deleted += await eraser.EraseAsync(key, cancellationToken).ConfigureAwait(false);
            }
        }

        logger.LogInformation("Erased a learner's data on their request: {Deleted} records", deleted);
        return deleted;
    }

    private async Task<AdaptiveCard> CardForAsync(PrivacyCommand command, IncomingTurn incoming, CancellationToken cancellationToken)
    {
        switch (command)
        {
            case PrivacyCommand.MyData:
                return MyDataCard.Build(await DescribeAsync(incoming.LearnerKey, cancellationToken).ConfigureAwait(false));
            case PrivacyCommand.ForgetMe:
                var footprint = await FootprintAsync(KeysOf(incoming), cancellationToken).ConfigureAwait(false);
                return footprint.Total == 0 ? ForgetMeCard.Erased() : ForgetMeCard.Confirm(footprint.Total);
            case PrivacyCommand.ConfirmForget:
                await EraseAsync(incoming, cancellationToken).ConfigureAwait(false);
                return ForgetMeCard.Erased();
            default:
                return ForgetMeCard.Kept();
        }
    }

    private async Task<LearnerFootprint> FootprintAsync(IEnumerable<LearnerKey> keys, CancellationToken cancellationToken)
    {
        var all = new List<LearnerFootprint>();
        foreach (var key in keys)
        {
            foreach (var eraser in erasers)
            {
                all.Add(await eraser.DescribeAsync(key, cancellationToken).ConfigureAwait(false));
            }
        }

        return LearnerFootprint.Combine(all);
    }

    /// <summary>The learner's key, and the Teams user id too when an Entra id was used (records made before it was known).</summary>
    private static IEnumerable<LearnerKey> KeysOf(IncomingTurn incoming)
    {
        yield return incoming.LearnerKey;
        if (!string.IsNullOrEmpty(incoming.From.Id) && !string.Equals(incoming.From.Id, incoming.LearnerKey.LearnerId, StringComparison.Ordinal))
        {
            yield return new LearnerKey(incoming.TenantId, incoming.From.Id);
        }
    }

    private static async Task SendPrivatelyAsync(ITurnContext turn, AdaptiveCard card, CancellationToken cancellationToken)
    {
        if (turn.Incoming.IsPersonal)
        {
            await turn.SendAsync(OutgoingMessage.FromCard(card), cancellationToken).ConfigureAwait(false);
            return;
        }

        await turn.SendPersonalAsync(turn.Incoming.From.Id, OutgoingMessage.FromCard(card), cancellationToken).ConfigureAwait(false);
        await turn.SendAsync(OutgoingMessage.FromText("I've sent that to our private chat."), cancellationToken).ConfigureAwait(false);
    }
}
