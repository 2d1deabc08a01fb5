namespace Beacon.Tests.Campaigns;

using Beacon.Scheduler.Memory;
using Beacon.Scheduler.Reports;
using Beacon.Storage.Sqlite;
using Beacon.Tests.Storage;
using Beacon.Training.Campaigns;
using Beacon.Training.Content;
using Beacon.Training.Learners;
using Microsoft.Extensions.Time.Testing;

/// <summary>The report service reading the audience's answer logs from SQLite.</summary>
public sealed class CampaignReportServiceTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TempDirectory directory = new();
    private readonly SqliteDatabase database;
    private readonly SqliteCampaignStore campaigns;
    private readonly SqliteLearnerStore learners;
    private readonly SqliteAnswerStore answers;
    private readonly CampaignReportService service;

    public CampaignReportServiceTests()
    {
        database = new SqliteDatabase(new SqliteStoreOptions { Path = directory.Combine("data", "beacon.db") });
        campaigns = new SqliteCampaignStore(database);
        learners = new SqliteLearnerStore(database);
        answers = new SqliteAnswerStore(database);
        service = new CampaignReportService(
            campaigns, learners, answers, new SqliteReviewStore(database), ReportScenario.Pack, new FsrsMemoryModel(), new FakeTimeProvider(ReportScenario.Now));
    }

    public void Dispose() => directory.Dispose();

    [Theory]
    [InlineData(5, 5)]
    [InlineData(4, null)]
    public async Task A_track_audience_is_whoever_is_on_the_track_not_an_empty_list(int onTrack, int? expectedAudience)
    {
        var scenario = new ReportScenario(answering: onTrack + 1);
        var campaign = scenario.Campaign with
        {
            Audience = new CampaignAudience { Kind = AudienceKind.Track },
            Tracks = [Track.Healthcare],
        };
        await campaigns.SaveAsync(campaign, None);
        for (var i = 0; i < scenario.Answering.Count; i++)
        {
            var key = scenario.Answering[i];
            var track = i < onTrack ? Track.Healthcare : Track.Education;
            await learners.UpsertAsync(new Learner { Key = key, Track = track, CreatedAt = ReportScenario.Now.AddDays(-30) }, None);
            foreach (var answer in scenario.AnswersOf(key))
            {
                await answers.AppendAsync(answer, None);
            }
        }

        var report = await service.BuildAsync(campaign.Key, individualsAllowed: false, None);

        Assert.NotNull(report);
        Assert.Equal(expectedAudience, report.AudienceSize);
        Assert.Equal(expectedAudience is null, report.OverallAssessment.Before is null);
    }

    [Fact]
    public async Task Made_up_picked_ids_count_as_no_one()
    {
        // One real person and four ids the manager made up (they never resolved to anyone, so Beacon holds no profile).
        var scenario = new ReportScenario(answering: 1);
        var campaign = scenario.Campaign with
        {
            Audience = new CampaignAudience { Kind = AudienceKind.Picked, LearnerIds = ["learner-1", "made-up-1", "made-up-2", "made-up-3", "made-up-4", "learner-1"] },
        };
        await campaigns.SaveAsync(campaign, None);
        await SeedAsync(scenario, scenario.Answering);

        var report = await service.BuildAsync(campaign.Key, individualsAllowed: false, None);

        Assert.NotNull(report);
        Assert.Null(report.AudienceSize);
        Assert.All(report.Weeks, week =>
        {
            Assert.True(week.Participation.IsSuppressed);
            Assert.True(week.Completion.IsSuppressed);
        });
        Assert.True(report.OverallProficiency.FirstAnswer.IsSuppressed);
        Assert.True(report.ConfidentButWrong.IsSuppressed);
        var withIndividuals = await service.BuildAsync(campaign.Key, individualsAllowed: true, None);
        Assert.Equal(["learner-1"], withIndividuals!.Individuals.Select(i => i.LearnerId));
    }

    [Fact]
    public async Task Taking_one_person_out_of_the_audience_after_a_report_shows_no_figure_for_the_smaller_group()
    {
        // Six people; learner-6 answers everything wrong. The manager reads the report, removes learner-6, reads it again.
        var scenario = new ReportScenario(answering: 6);
        await campaigns.SaveAsync(scenario.Campaign, None);
        await SeedAsync(scenario, scenario.Answering.Take(5));
        await learners.UpsertAsync(new Learner { Key = scenario.Answering[5], CreatedAt = ReportScenario.Now.AddDays(-30) }, None);
        foreach (var answer in scenario.AnswersOf(scenario.Answering[5]))
        {
            await answers.AppendAsync(answer with { OptionId = "b", Correct = false }, None);
        }

        var before = await service.BuildAsync(scenario.Campaign.Key, individualsAllowed: true, None);
        var stored = await campaigns.GetAsync(scenario.Campaign.Key, None);
        Assert.Equal(scenario.Answering.Select(k => k.LearnerId), stored!.ReportGroup);
        await campaigns.SaveAsync(stored with { Audience = stored.Audience with { LearnerIds = [.. scenario.Answering.Take(5).Select(k => k.LearnerId)] } }, None);

        var after = await service.BuildAsync(scenario.Campaign.Key, individualsAllowed: true, None);

        // The group stays the six counted before: every figure is the same, so comparing the reports tells nothing.
        Assert.Equal(5, (await campaigns.GetAsync(scenario.Campaign.Key, None))!.Audience.LearnerIds.Count);
        Assert.Equal(6, before!.AudienceSize);
        Assert.Equal(6, after!.AudienceSize);
        Assert.Equal(before.OverallAssessment.LearnersWithBoth, after.OverallAssessment.LearnersWithBoth);
        Assert.Equal(before.OverallAssessment.Before, after.OverallAssessment.Before);
        Assert.Equal(before.OverallProficiency.FirstAnswer.Value, after.OverallProficiency.FirstAnswer.Value);
        Assert.Equal(before.TopicGaps.Select(g => (g.Id, g.Correct.Value)), after.TopicGaps.Select(g => (g.Id, g.Correct.Value)));
        Assert.Equal(before.Weeks.Select(w => w.Participation.Value), after.Weeks.Select(w => w.Participation.Value));
    }

    [Fact]
    public async Task Before_the_start_the_group_is_not_fixed_yet()
    {
        var scenario = new ReportScenario(answering: 5);
        var early = new CampaignReportService(
            campaigns, learners, answers, new SqliteReviewStore(database), ReportScenario.Pack, new FsrsMemoryModel(),
            new FakeTimeProvider(new DateTimeOffset(ReportScenario.PreDay.AddDays(-1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)));
        await campaigns.SaveAsync(scenario.Campaign, None);
        await SeedAsync(scenario, scenario.Answering);

        Assert.Equal(5, (await early.BuildAsync(scenario.Campaign.Key, individualsAllowed: false, None))!.AudienceSize);
        Assert.Null((await campaigns.GetAsync(scenario.Campaign.Key, None))!.ReportGroup);
    }

    private async Task SeedAsync(ReportScenario scenario, IEnumerable<LearnerKey> people)
    {
        foreach (var key in people)
        {
            await learners.UpsertAsync(new Learner { Key = key, CreatedAt = ReportScenario.Now.AddDays(-30) }, None);
            foreach (var answer in scenario.AnswersOf(key))
            {
                await answers.AppendAsync(answer, None);
            }
        }
    }
}
