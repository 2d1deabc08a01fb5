namespace Beacon.Dialogs.Flows;

using System.Globalization;
using Beacon.Cards;
using Beacon.Cards.Builders;
using Beacon.Cards.Model;
using Beacon.Dialogs.Learners;
using Beacon.Dialogs.Presentation;
using Beacon.Scheduler.Memory;
using Beacon.Scheduler.Sessions;
using Beacon.Training.Answers;
using Beacon.Training.Content;
using Beacon.Training.Learners;
using Beacon.Training.Observability;
using Beacon.Training.Ports;
using Beacon.Training.Reviews;

/// <summary>Asking questions and taking answers.</summary>
public sealed class QuizFlow(
    ContentPack pack,
    IAnswerStore answers,
    IReviewStore reviews,
    ISessionComposer composer,
    IMemoryModel memory,
    RatingPolicy ratingPolicy,
    CampaignQuiz campaignQuiz,
    LearnerRegions regions,
    TimeProvider clock)
{
    private const int SaveAttempts = 3;

    /// <summary>
    /// How long a question card stays open. After this an answer is refused politely and stored
    /// nowhere (the session is closed); an answer already stored still gets its feedback again.
    /// </summary>
    public static readonly TimeSpan AnswerWindow = TimeSpan.FromHours(24);

    /// <summary>
    /// The cards for an on-demand question: the topic's refresher first when the learner meets a
    /// topic for the first time, then the question. The question is recorded as issued before it
    /// is sent, so its answer can be checked against it.
    /// </summary>
    public async Task<IReadOnlyList<AdaptiveCard>> NextQuestionAsync(Learner learner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        var now = clock.GetUtcNow();
        var states = await reviews.ListAsync(learner.Key, cancellationToken).ConfigureAwait(false);
        var day = LearnerDay.Of(now, learner.TimeZone);
        var answered = await answers.ListAnsweredQuestionsAsync(learner.Key, day.Start, day.End, cancellationToken).ConfigureAwait(false);
        var plan = composer.Compose(new SessionRequest(learner, pack, states, [], now, Size: 1, OnDemand: true)
        {
            Answered = answered,
            TenantDefaultRegion = regions.TenantDefault(learner.Key.TenantId),
        });
        if (plan.Questions.Count == 0)
        {
            return [NoticeCard.Build(
                "You're all caught up",
                "You have answered every question available to you today. Come back tomorrow, or read a refresher.",
                new ExecuteAction("Read a refresher", Verbs.Refresher) { AssociatedInputs = "none" })];
        }

        var question = plan.Questions[0];
        var promptId = Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);
        await answers.RecordIssuedAsync(
            new IssuedQuestion(learner.Key, promptId, question.Id, question.Version, now, OnDemand: true),
            cancellationToken).ConfigureAwait(false);

        var cards = new List<AdaptiveCard>();
        if (plan.OpeningRefresher is { } refresher)
        {
            cards.Add(RefresherCard.Build(CardViews.Refresher(refresher)));
        }

        cards.Add(QuestionCard.Build(CardViews.Question(question, promptId)));
        return cards;
    }

    /// <summary>
    /// The cards for a "Next question" or "Open my question" click: the campaign session's question
    /// the action names (see <see cref="CampaignQuiz"/>), else an on-demand question.
    /// </summary>
    public async Task<IReadOnlyList<AdaptiveCard>> NextQuestionAsync(Learner learner, string? promptId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        return promptId is not null && await campaignQuiz.OpenAsync(learner, promptId, cancellationToken).ConfigureAwait(false) is { } card
            ? [card]
            : await NextQuestionAsync(learner, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Takes an answer from a question card and returns the card that replaces it. The same
    /// answer delivered twice is stored once and gets the same feedback.
    /// </summary>
    public async Task<AdaptiveCard> AnswerAsync(LearnerKey learner, IReadOnlyDictionary<string, string> data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!data.TryGetValue(CardData.PromptId, out var promptId) ||
            !data.TryGetValue(CardData.QuestionId, out var questionId) ||
            !data.TryGetValue(CardData.OptionId, out var optionId))
        {
            return Unmatched();
        }

        var issued = await answers.GetIssuedAsync(learner, promptId, cancellationToken).ConfigureAwait(false);
        if (issued is null || !string.Equals(issued.QuestionId, questionId, StringComparison.Ordinal))
        {
            return Unmatched();
        }

        var question = pack.FindQuestion(issued.QuestionId) is { } found
            ? Placeholders.Fill(found, await regions.OfAsync(learner, cancellationToken).ConfigureAwait(false))
            : null;
        if (question is null)
        {
            return NoticeCard.Build(
                "This question has been retired",
                "The training team has removed this question. Type **quiz** for a new one.",
                CommonActions.StartQuiz("New question"));
        }

        if (question.FindOption(optionId) is null)
        {
            return Unmatched();
        }

        if (clock.GetUtcNow() - issued.IssuedAt > AnswerWindow)
        {
            var earlier = (await answers.ListAnswersAsync(learner, cancellationToken).ConfigureAwait(false))
                .FirstOrDefault(a => string.Equals(a.PromptId, promptId, StringComparison.Ordinal));
            return earlier is null
                ? Closed()
                : FeedbackCard.Build(CardViews.Feedback(question, earlier, !earlier.Correct && pack.Refreshers.Any(r => r.Topic == question.Topic)));
        }

        var sure = data.TryGetValue(CardData.Sure, out var sureValue) &&
                   string.Equals(sureValue, "true", StringComparison.OrdinalIgnoreCase);
        var answer = new AnswerRecord(
            learner,
            promptId,
            question.Id,
            issued.QuestionVersion,
            optionId,
            question.IsCorrect(optionId),
            sure ? Confidence.Sure : Confidence.Unsure,
            issued.IssuedAt,
            clock.GetUtcNow());
        var appended = await answers.AppendAsync(answer, cancellationToken).ConfigureAwait(false);
        var stored = appended.Stored;
        if (appended.Added)
        {
            BeaconTelemetry.Answers.Add(
                1,
                new KeyValuePair<string, object?>("correct", stored.Correct),
                new KeyValuePair<string, object?>("confidence", stored.Confidence.ToString()));
        }

        await ApplyToReviewAsync(stored, cancellationToken).ConfigureAwait(false);

        var offerRefresher = !stored.Correct && pack.Refreshers.Any(r => r.Topic == question.Topic);
        var next = await campaignQuiz.NextStepAsync(learner, promptId, cancellationToken).ConfigureAwait(false);
        return FeedbackCard.Build(CardViews.Feedback(question, stored, offerRefresher) with { Next = next });
    }

    /// <summary>
    /// Moves the item's memory state on by this answer, once: an answer already applied (a
    /// redelivery, or a retry after a crash between the two writes) leaves the state as it is.
    /// </summary>
    private async Task ApplyToReviewAsync(AnswerRecord answer, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await reviews.GetAsync(answer.Learner, answer.QuestionId, cancellationToken).ConfigureAwait(false)
                ?? new ReviewState { Learner = answer.Learner, QuestionId = answer.QuestionId };
            if (current.LastReview is { } last && last >= answer.AnsweredAt)
            {
                return;
            }

            // Earlier response times are read only when the rating looks at them (a correct, sure answer).
            var earlier = RatingPolicy.NeedsHistory(answer)
                ? await answers.ListResponseTimesBeforeAsync(answer.Learner, answer.AnsweredAt, answer.PromptId, ratingPolicy.HistoryWindow, cancellationToken).ConfigureAwait(false)
                : [];
            var rating = ratingPolicy.RateAgainst(answer, earlier);
            var next = memory.Review(current, rating, answer.AnsweredAt);
            try
            {
                await reviews.SaveAsync(next, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (ConcurrencyConflictException) when (attempt < SaveAttempts)
            {
                // Another instance applied an answer at the same moment: read again and retry.
            }
        }
    }

    private static AdaptiveCard Closed() => NoticeCard.Build(
        "This question has closed",
        "Questions stay open for a day, so I haven't recorded this answer. Type **quiz** for a fresh one.",
        CommonActions.StartQuiz("New question"));

    private static AdaptiveCard Unmatched() => NoticeCard.Build(
        "I can't match that answer",
        "That answer doesn't match a question I sent you, so I haven't recorded it. Type **quiz** for a new question.",
        CommonActions.StartQuiz("New question"));
}
