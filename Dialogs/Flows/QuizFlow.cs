namespace Beacon.Dialogs.Flows;

using System.Globalization;
using Beacon.Cards;
using Beacon.Cards.Builders;
using Beacon.Cards.Model;
using Beacon.Cards.Views;
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
    OptionShuffler shuffler,
    TimeProvider clock)
{
    private const int SaveAttempts = 3;

    /// <summary>
    /// How long a question card stays open. After this an answer is refused politely and stored
    /// nowhere (the session is closed); an answer already stored still gets its feedback again.
    /// </summary>
    public static readonly TimeSpan AnswerWindow = TimeSpan.FromHours(24);

    /// <summary>
    /// The cards for an on-demand question. The first time the learner meets a topic its
    /// refresher comes first, followed by a question of another topic, since the refresher states
    /// the answers of its own topic's questions; that topic's question comes once one other
    /// question has been answered (or at once when no other question is left). The question is
    /// recorded as issued, with the order its options are shown in, before it is sent, so its
    /// answer can be checked against it.
    /// </summary>
    public async Task<IReadOnlyList<AdaptiveCard>> NextQuestionAsync(Learner learner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        var now = clock.GetUtcNow();
        var states = await reviews.ListAsync(learner.Key, cancellationToken).ConfigureAwait(false);
        var day = LearnerDay.Of(now, learner.TimeZone);
        var answered = await answers.ListAnsweredQuestionsAsync(learner.Key, day.Start, day.End, cancellationToken).ConfigureAwait(false);
        var request = new SessionRequest(learner, pack, states, [], now, Size: 1, OnDemand: true)
        {
            Answered = answered,
            TenantDefaultRegion = regions.TenantDefault(learner.Key.TenantId),
        };
        var plan = composer.Compose(request);
        if (plan.Questions.Count == 0)
        {
            return [NoticeCard.Build(
                "You're all caught up",
                "You have answered every question available to you today. Come back tomorrow, or read a refresher.",
                new ExecuteAction("Read a refresher", Verbs.Refresher) { AssociatedInputs = "none" })];
        }

        var question = plan.Questions[0];
        Refresher? opening = null;
        string? readBefore = null;
        if (plan.OpeningRefresher is { } refresher)
        {
            readBefore = await RefresherReadWithLastAnswerAsync(learner.Key, cancellationToken).ConfigureAwait(false);
            if (!IsOfTopic(readBefore, refresher.Topic))
            {
                opening = refresher;
                readBefore = refresher.Id;
                if (OtherTopics(refresher.Topic) is { } others)
                {
                    var elsewhere = composer.Compose(request with { Filter = others }).Questions;
                    question = elsewhere.Count > 0 ? elsewhere[0] : question;
                }
            }
        }

        var issued = new IssuedQuestion(learner.Key, Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture), question.Id, question.Version, now, OnDemand: true)
        {
            OptionOrder = shuffler.Shuffle(question),
            RefresherId = readBefore,
        };
        await answers.RecordIssuedAsync(issued, cancellationToken).ConfigureAwait(false);

        var cards = new List<AdaptiveCard>();
        if (opening is not null)
        {
            cards.Add(RefresherCard.Build(CardViews.Refresher(opening)));
        }

        cards.Add(QuestionCard.Build(CardViews.Question(question, issued)));
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

        // Only an option this prompt showed: the pack's options as they are now, in the order stored with the prompt.
        if (question.FindOption(optionId) is null || !issued.OrderOf(question).Offers(optionId))
        {
            return Unmatched();
        }

        if (clock.GetUtcNow() - issued.IssuedAt > AnswerWindow)
        {
            var earlier = (await answers.ListAnswersAsync(learner, cancellationToken).ConfigureAwait(false))
                .FirstOrDefault(a => string.Equals(a.PromptId, promptId, StringComparison.Ordinal));
            return earlier is null ? Closed() : FeedbackOrRefusal(question, issued, earlier, optionId, next: null);
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

        var next = await campaignQuiz.NextStepAsync(learner, promptId, cancellationToken).ConfigureAwait(false);
        return FeedbackOrRefusal(question, issued, stored, optionId, next);
    }

    /// <summary>
    /// The feedback on the answer stored for the prompt, when <paramref name="optionId"/> is that
    /// answer (a redelivery gets the same card); a different option for a prompt already answered
    /// is refused, and the first answer stands.
    /// </summary>
    private AdaptiveCard FeedbackOrRefusal(Question question, IssuedQuestion issued, AnswerRecord stored, string optionId, SessionStep? next)
    {
        if (!string.Equals(stored.OptionId, optionId, StringComparison.Ordinal))
        {
            return NoticeCard.Build(
                "You've already answered this question",
                "Your first answer to it stands, so I haven't recorded this one. Type **quiz** for a new question.",
                CommonActions.StartQuiz("New question"));
        }

        var offerRefresher = !stored.Correct && pack.Refreshers.Any(r => r.Topic == question.Topic);
        var justRead = IsOfTopic(issued.RefresherId, question.Topic) ? issued.RefresherId : null;
        return FeedbackCard.Build(CardViews.Feedback(question, stored, offerRefresher) with { Next = next, JustReadRefresherId = justRead });
    }

    /// <summary>The refresher read right before the learner's latest answer (see <see cref="IssuedQuestion.RefresherId"/>), if any.</summary>
    private async Task<string?> RefresherReadWithLastAnswerAsync(LearnerKey learner, CancellationToken cancellationToken)
    {
        var history = await answers.ListAnswersAsync(learner, cancellationToken).ConfigureAwait(false);
        return history.Count == 0
            ? null
            : (await answers.GetIssuedAsync(learner, history[^1].PromptId, cancellationToken).ConfigureAwait(false))?.RefresherId;
    }

    private bool IsOfTopic(string? refresherId, string topic) =>
        refresherId is not null && pack.FindRefresher(refresherId) is { } refresher && string.Equals(refresher.Topic, topic, StringComparison.Ordinal);

    /// <summary>A filter to every topic of the pack but <paramref name="topic"/>; null when there is no other.</summary>
    private QuestionFilter? OtherTopics(string topic)
    {
        var others = pack.Questions.Select(q => q.Topic).Distinct(StringComparer.Ordinal)
            .Where(t => !string.Equals(t, topic, StringComparison.Ordinal)).ToList();
        return others.Count == 0 ? null : new QuestionFilter(others, []);
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
