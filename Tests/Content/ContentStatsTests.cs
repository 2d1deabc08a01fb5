namespace Beacon.Tests.Content;

using Beacon.Training.Content;

public class ContentStatsTests
{
    private static readonly ContentStats Stats = ContentStats.From(Fixtures.Load("valid").Pack!);

    [Fact]
    public void Counts_questions_per_topic_track_and_difficulty()
    {
        Assert.Equal(8, Stats.QuestionCount);
        Assert.Equal(8, Stats.RefresherCount);
        Assert.Equal(3, Stats.QuestionsByTrack[Track.Core]);
        Assert.All(Track.Roles, t => Assert.Equal(1, Stats.QuestionsByTrack[t]));
        Assert.Equal(1, Stats.QuestionsByTopicAndTrack[Topic.Legal][Track.LawEnforcement]);
        Assert.Equal(0, Stats.QuestionsByTopicAndTrack[Topic.Legal][Track.Core]);
        Assert.Equal(3, Stats.QuestionsByDifficulty[Difficulty.Recognition]);
        Assert.Equal(3, Stats.QuestionsByDifficulty[Difficulty.Application]);
        Assert.Equal(2, Stats.QuestionsByDifficulty[Difficulty.Judgement]);
        Assert.All(Topic.All, t => Assert.Equal(1, Stats.RefreshersByTopic[t]));
    }

    [Fact]
    public void Renders_fixed_width_tables()
    {
        var lines = Stats.Render().Split('\n').Select(l => l.TrimEnd('\r')).ToList();

        Assert.Equal("Questions: 8   Refreshers: 8   Regions: 2", lines[0]);
        var header = lines.FindIndex(l => l.StartsWith("topic ", StringComparison.Ordinal));
        Assert.Equal("topic          core  law-enforcement  healthcare  social-work  education  community  total", lines[header]);
        Assert.Equal("definition        1                0           0            0          0          0      1", lines[header + 2]);
        Assert.Contains("total             3                1           1            1          1          1      8", lines);
        Assert.Contains(lines, l => l.StartsWith("INTL (default)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("questions ", StringComparison.Ordinal) && l.EndsWith("below", StringComparison.Ordinal));
    }
}
