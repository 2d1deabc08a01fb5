namespace Beacon.Tests.Quiz;

using Beacon.Cards;
using Beacon.Cards.Model;
using Beacon.Tests.Scheduler;
using Beacon.Training.Answers;
using Beacon.Training.Content;

/// <summary>
/// Issue 22: a question's options are shuffled each time it is issued, the order is stored with
/// the issued question, the card shows that order, and the answer is checked by option id, so the
/// right answer is found wherever it was shown.
/// </summary>
public sealed class OptionOrderTests : IAsyncDisposable
{
    private const int Prompts = 200;

    private static readonly Question Only = new(
        "only-1", 1, Topic.All[0], [Track.Core], Difficulty.Recognition, "en", null, "Which one?",
        [new QuestionOption("a", "First", "fa"), new QuestionOption("b", "Second", "fb"), new QuestionOption("c", "Third", "fc"), new QuestionOption("d", "Fourth", "fd")],
        ["b"], "Because.", "Do this.", SchedulerTestData.Src);

    private readonly QuizOnSqlite quiz = new(SchedulerTestData.Pack([Only]));

    public ValueTask DisposeAsync() => quiz.DisposeAsync();

    [Fact]
    public async Task Across_200_issued_prompts_of_one_question_the_right_option_is_shown_in_every_position()
    {
        var rightAt = new int[Only.Options.Count];
        for (var i = 0; i < Prompts; i++)
        {
            var card = Assert.Single(await quiz.Quiz.NextQuestionAsync(quiz.Learner, CancellationToken.None));
            var shown = QuizOnSqlite.AnswerButtons(card).Select(data => data[CardData.OptionId]).ToList();
            var issued = await quiz.Harness.Answers.GetIssuedAsync(quiz.Learner.Key, QuizOnSqlite.AnswerButtons(card)[0][CardData.PromptId], CancellationToken.None);

            Assert.Equal(issued!.OptionOrder!.Ids, shown);
            Assert.Equal(["a", "b", "c", "d"], shown.Order(StringComparer.Ordinal));
            rightAt[shown.IndexOf("b")]++;
        }

        // Expected 50 each; the bounds are more than three standard deviations (about 6.1) away.
        Assert.All(rightAt, count => Assert.InRange(count, 30, 70));
    }

    [Fact]
    public async Task The_answer_is_judged_by_option_id_wherever_the_option_was_shown_and_feedback_names_it()
    {
        for (var i = 0; i < 12; i++)
        {
            var card = Assert.Single(await quiz.Quiz.NextQuestionAsync(quiz.Learner, CancellationToken.None));
            var right = await quiz.AnswerAsync(card, data => data[CardData.OptionId] == "b");
            var next = Assert.Single(await quiz.Quiz.NextQuestionAsync(quiz.Learner, CancellationToken.None));
            var wrong = await quiz.AnswerAsync(next, data => data[CardData.OptionId] == "d");

            Assert.Contains("Second", CardJson.Serialize(right), StringComparison.Ordinal);
            Assert.Contains("Correct", right.FallbackText, StringComparison.Ordinal);
            Assert.Contains("Not quite", wrong.FallbackText, StringComparison.Ordinal);
            Assert.Contains("Fourth", CardJson.Serialize(wrong), StringComparison.Ordinal);
        }

        var log = await quiz.Harness.Answers.ListAnswersAsync(quiz.Learner.Key, CancellationToken.None);
        Assert.Equal(24, log.Count);
        Assert.All(log, answer => Assert.Equal(answer.OptionId == "b", answer.Correct));
    }

    [Fact]
    public void A_record_issued_before_shuffling_shows_and_accepts_the_pack_order()
    {
        var old = new IssuedQuestion(SchedulerTestData.Key, "p-old", Only.Id, 1, DateTimeOffset.UnixEpoch, OnDemand: true);

        Assert.Equal(["a", "b", "c", "d"], old.OrderOf(Only).Ids);
        Assert.All(Only.Options, option => Assert.True(old.OrderOf(Only).Offers(option.Id)));
    }

    [Fact]
    public void An_order_of_repeated_or_blank_ids_is_refused()
    {
        Assert.Throws<ArgumentException>(() => OptionOrder.Of(["a", "a", "b"]));
        Assert.Throws<ArgumentException>(() => OptionOrder.Of(["a", " "]));
        Assert.Equal(OptionOrder.Of(["c", "a"]), OptionOrder.FromStored(OptionOrder.Of(["c", "a"]).ToStored()));
        Assert.Null(OptionOrder.FromStored(null));
    }
}
