namespace Beacon.Tests.Scheduler;

using Beacon.Scheduler.Sessions;
using Beacon.Training.Content;
using static SchedulerTestData;

public class RefresherPickerTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 10, 8, 0, 0, TimeSpan.Zero);

    private static readonly ContentPack Pack = SchedulerTestData.Pack(
        [
            Question("def1", Topic.Definition), Question("def2", Topic.Definition),
            Question("ind1", Topic.Indicators, indicator: "debt"), Question("ind2", Topic.Indicators, indicator: "documents"),
        ],
        [
            Refresher("r-def", Topic.Definition),
            Refresher("r-ind-debt", Topic.Indicators, Track.Core, "debt"),
            Refresher("r-ind-docs", Topic.Indicators, Track.Core, "documents"),
            Refresher("r-ind-hc", Topic.Indicators, Track.Healthcare),
        ]);

    [Fact]
    public void Picks_from_the_topic_with_the_lowest_share_correct()
    {
        var answers = new[]
        {
            Answer("def1", Now.AddDays(-3), correct: true), Answer("def2", Now.AddDays(-3), correct: false), // 50%
            Answer("ind1", Now.AddDays(-2), correct: true), Answer("ind2", Now.AddDays(-2), correct: false),
            Answer("ind2", Now.AddDays(-1), correct: false), // 33%
        };

        Assert.Equal(Topic.Indicators, RefresherPicker.WeakestTopic(Learner(), Pack, answers));
        Assert.Equal("r-ind-docs", RefresherPicker.PickWeakest(Learner(), Pack, answers)?.Id); // covers the missed indicator
    }

    [Fact]
    public void With_no_answers_picks_the_first_topic()
    {
        Assert.Equal("r-def", RefresherPicker.PickWeakest(Learner(), Pack, [])?.Id);
    }

    [Fact]
    public void Offers_the_refresher_for_a_missed_questions_indicator()
    {
        Assert.Equal("r-ind-debt", RefresherPicker.ForQuestion(Pack.FindQuestion("ind1")!, Pack, null)?.Id);
        Assert.Equal("r-def", RefresherPicker.ForQuestion(Pack.FindQuestion("def1")!, Pack, null)?.Id);
    }
}
