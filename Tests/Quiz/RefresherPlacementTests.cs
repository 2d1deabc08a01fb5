namespace Beacon.Tests.Quiz;

using Beacon.Cards;
using Beacon.Cards.Model;
using Beacon.Tests.Scheduler;
using Beacon.Training.Content;

/// <summary>
/// Issue 22: a topic's refresher states the answers of that topic's questions, so a refresher and
/// a question of its topic are separated by at least one other question; "Refresh this topic"
/// right after a refresher gives another refresher of the topic, or says there is none.
/// </summary>
public sealed class RefresherPlacementTests
{
    private static readonly string First = Topic.All[0];
    private static readonly string Second = Topic.All[1];

    // In SchedulerTestData every question's right option is "a".
    private static readonly ContentPack TwoTopics = SchedulerTestData.Pack(
        [
            SchedulerTestData.Question("first-1", First),
            SchedulerTestData.Question("first-2", First),
            SchedulerTestData.Question("second-1", Second),
            SchedulerTestData.Question("second-2", Second),
        ],
        [
            SchedulerTestData.Refresher("r-first-a", First),
            SchedulerTestData.Refresher("r-first-b", First),
            SchedulerTestData.Refresher("r-second", Second),
        ]);

    [Fact]
    public async Task The_opening_refresher_is_followed_by_another_topics_question_and_its_own_topic_comes_one_question_later()
    {
        await using var quiz = new QuizOnSqlite(TwoTopics);

        var opening = await quiz.Quiz.NextQuestionAsync(quiz.Learner, CancellationToken.None);
        Assert.Equal(2, opening.Count);
        Assert.Contains("Title r-first-a", CardJson.Serialize(opening[0]), StringComparison.Ordinal);
        Assert.Equal(Second, TopicOf(opening[1]));
        await quiz.AnswerAsync(opening[1], data => data[CardData.OptionId] == "a");

        var later = Assert.Single(await quiz.Quiz.NextQuestionAsync(quiz.Learner, CancellationToken.None));
        Assert.Equal(First, TopicOf(later));
    }

    [Fact]
    public async Task An_opening_refresher_not_followed_by_an_answer_is_shown_again_before_its_topic()
    {
        await using var quiz = new QuizOnSqlite(TwoTopics);

        var first = await quiz.Quiz.NextQuestionAsync(quiz.Learner, CancellationToken.None);
        var again = await quiz.Quiz.NextQuestionAsync(quiz.Learner, CancellationToken.None);

        Assert.Equal(2, first.Count);
        Assert.Equal(2, again.Count);
        Assert.Equal(Second, TopicOf(again[1]));
    }

    [Fact]
    public async Task Refresh_this_topic_after_the_opening_refresher_gives_the_topics_other_refresher()
    {
        await using var quiz = new QuizOnSqlite(TwoTopics);
        var opening = await quiz.Quiz.NextQuestionAsync(quiz.Learner, CancellationToken.None);
        await quiz.AnswerAsync(opening[1], data => data[CardData.OptionId] == "a");
        var question = Assert.Single(await quiz.Quiz.NextQuestionAsync(quiz.Learner, CancellationToken.None));

        var feedback = await quiz.AnswerAsync(question, data => data[CardData.OptionId] == "b");
        var refresh = RefreshAction(feedback);
        var card = await quiz.Refreshers.ShowAsync(quiz.Learner, refresh[CardData.Topic], refresh.GetValueOrDefault(CardData.RefresherId), CancellationToken.None);

        Assert.Equal(First, refresh[CardData.Topic]);
        Assert.Equal("r-first-a", refresh[CardData.RefresherId]);
        Assert.Contains("Title r-first-b", CardJson.Serialize(card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refresh_this_topic_when_the_topic_has_no_other_refresher_says_so_and_offers_a_question()
    {
        await using var quiz = new QuizOnSqlite(TwoTopics);

        var card = await quiz.Refreshers.ShowAsync(quiz.Learner, Second, "r-second", CancellationToken.None);
        var json = CardJson.Serialize(card);

        Assert.Contains("No other refresher on this topic", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Title r-second", json, StringComparison.Ordinal);
        Assert.Contains($"\"verb\":\"{Verbs.Quiz}\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_answer_whose_topic_refresher_was_not_just_read_offers_any_refresher_of_the_topic()
    {
        await using var quiz = new QuizOnSqlite(TwoTopics);
        var opening = await quiz.Quiz.NextQuestionAsync(quiz.Learner, CancellationToken.None);

        var feedback = await quiz.AnswerAsync(opening[1], data => data[CardData.OptionId] == "b");
        var refresh = RefreshAction(feedback);

        Assert.Equal(Second, refresh[CardData.Topic]);
        Assert.False(refresh.ContainsKey(CardData.RefresherId));
    }

    [Fact]
    public async Task With_no_other_topic_left_the_refresher_comes_with_its_own_topics_question()
    {
        await using var quiz = new QuizOnSqlite(SchedulerTestData.Pack(
            [SchedulerTestData.Question("first-1", First)], [SchedulerTestData.Refresher("r-first-a", First)]));

        var cards = await quiz.Quiz.NextQuestionAsync(quiz.Learner, CancellationToken.None);

        Assert.Equal(2, cards.Count);
        Assert.Equal(First, TopicOf(cards[1]));
    }

    private static string TopicOf(AdaptiveCard question)
    {
        var questionId = QuizOnSqlite.AnswerButtons(question)[0][CardData.QuestionId];
        return TwoTopics.FindQuestion(questionId)!.Topic;
    }

    private static IReadOnlyDictionary<string, string> RefreshAction(AdaptiveCard feedback) =>
        (feedback.Actions ?? []).OfType<ExecuteAction>().Single(action => action.Verb == Verbs.Refresher).Data!;
}
