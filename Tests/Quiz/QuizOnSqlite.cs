namespace Beacon.Tests.Quiz;

using Beacon.Cards;
using Beacon.Cards.Model;
using Beacon.Dialogs.Flows;
using Beacon.Dialogs.Learners;
using Beacon.Dialogs.Reporting;
using Beacon.Scheduler.Memory;
using Beacon.Scheduler.Sessions;
using Beacon.Tests.Delivery;
using Beacon.Training.Content;
using Beacon.Training.Learners;
using Microsoft.Extensions.Time.Testing;
using Moq;

/// <summary>
/// The quiz and refresher flows over a pack of the test's choice, on the real SQLite stores of a
/// <see cref="DeliveryHarness"/>, with a fake clock and a seeded option shuffler.
/// </summary>
internal sealed class QuizOnSqlite : IAsyncDisposable
{
    private readonly DeliveryHarness harness;

    public QuizOnSqlite(ContentPack pack)
    {
        harness = new DeliveryHarness(Clock);
        var composer = new SessionComposer(new FsrsMemoryModel());
        var campaignQuiz = new CampaignQuiz(pack, harness.Campaigns, harness.Learners, harness.Answers, harness.Reviews, harness.Sessions, harness.Shuffler, Clock);
        var regions = new LearnerRegions(pack, Mock.Of<ISafeguardingDirectory>(), harness.Learners);
        Quiz = new QuizFlow(pack, harness.Answers, harness.Reviews, composer, new FsrsMemoryModel(), new RatingPolicy(), campaignQuiz, regions, harness.Shuffler, Clock);
        Refreshers = new RefresherFlow(pack, harness.Answers, regions);
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public Learner Learner { get; } = new() { Key = DeliveryHarness.Key(1) };

    public QuizFlow Quiz { get; }

    public RefresherFlow Refreshers { get; }

    public DeliveryHarness Harness => harness;

    /// <summary>The answer buttons of a question card, in the order shown: each one's card data.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> AnswerButtons(AdaptiveCard card) =>
        [.. card.Body.OfType<ActionSet>().SelectMany(set => set.Actions).OfType<ExecuteAction>()
            .Where(action => action.Verb == Verbs.Answer).Select(action => action.Data!)];

    /// <summary>Answers the question card with the first option <paramref name="choose"/> picks.</summary>
    public Task<AdaptiveCard> AnswerAsync(AdaptiveCard question, Func<IReadOnlyDictionary<string, string>, bool> choose)
    {
        var data = AnswerButtons(question).First(choose);
        Clock.Advance(TimeSpan.FromSeconds(20));
        return Quiz.AnswerAsync(Learner.Key, data, CancellationToken.None);
    }

    public ValueTask DisposeAsync() => harness.DisposeAsync();
}
