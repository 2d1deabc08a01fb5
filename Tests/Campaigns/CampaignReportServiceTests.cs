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
}
