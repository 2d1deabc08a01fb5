namespace Beacon.Tests.Campaigns;

using Beacon.Scheduler.Memory;
using Beacon.Tests.Scheduler;
using Beacon.Training.Answers;
using Beacon.Training.Campaigns;
using Beacon.Training.Campaigns.Reports;
using Beacon.Training.Content;
using Beacon.Training.Learners;
using Beacon.Training.Reviews;

/// <summary>
/// A two-week campaign (2 to 13 March 2026, weekdays, two questions a session) whose expected figures
/// are worked out by hand in the tests. Learners 1 to N answer the pre- and post-assessment (the
/// indicators question and the law question); learners 1 and 2 also answer one session; learner 1 is
/// sure of both wrong pre-assessment answers. Each answering learner has reviewed the indicators
/// question exactly one stability ago, so its retrievability is 0.9.
/// </summary>
internal sealed class ReportScenario
{
    public const string Tenant = "tenant-r";
    public const string CampaignId = "7k2m9q4x1c";
    public const string OtherCampaignId = "9z8y7x6w5v";

    public static readonly DateTimeOffset Now = new(2026, 3, 16, 12, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly PreDay = new(2026, 3, 2);
    public static readonly DateOnly SessionDay = new(2026, 3, 3);
    public static readonly DateOnly PostDay = new(2026, 3, 13);

    public static readonly ContentPack Pack = SchedulerTestData.Pack(
    [
        SchedulerTestData.Question("q-sig-1", Topic.Indicators, indicator: "debt-bondage"),
        SchedulerTestData.Question("q-sig-2", Topic.Indicators, indicator: "isolation"),
        SchedulerTestData.Question("q-law-1", Topic.Legal),
        SchedulerTestData.Question("q-res-1", Topic.Responding),
        SchedulerTestData.Question("q-other", Topic.Forms),
    ]);

    public ReportScenario(int answering, int silent = 0)
    {
        Answering = Enumerable.Range(1, answering).Select(n => new LearnerKey(Tenant, $"learner-{n}")).ToList();
        Silent = Enumerable.Range(answering + 1, silent).Select(n => new LearnerKey(Tenant, $"learner-{n}")).ToList();
        Campaign = new Campaign
        {
            TenantId = Tenant,
            Id = CampaignId,
            Name = "Spring refresher",
            CreatedBy = "manager-1",
            Status = CampaignStatus.Active,
            Audience = new CampaignAudience { Kind = AudienceKind.Picked, LearnerIds = [.. Answering.Concat(Silent).Select(k => k.LearnerId)] },
            StartDate = PreDay,
            EndDate = PostDay,
            QuestionsPerSession = 2,
        };
    }

    public IReadOnlyList<LearnerKey> Answering { get; }

    public IReadOnlyList<LearnerKey> Silent { get; }

    public Campaign Campaign { get; }

    public static AnswerRecord Answer(
        LearnerKey learner, SessionPhase phase, DateOnly day, int index, string questionId, bool correct, bool sure = false, string campaignId = CampaignId)
    {
        var answeredAt = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 5 + index)), TimeSpan.Zero);
        return new AnswerRecord(
            learner, new CampaignPrompt(campaignId, phase, day, index).Id, questionId, 1, correct ? "a" : "b", correct,
            sure ? Confidence.Sure : Confidence.Unsure, answeredAt.AddMinutes(-1), answeredAt);
    }

    public IReadOnlyList<AnswerRecord> AnswersOf(LearnerKey learner)
    {
        var n = Answering.ToList().IndexOf(learner) + 1;
        if (n == 0)
        {
            return [];
        }

        var answers = new List<AnswerRecord>
        {
            Answer(learner, SessionPhase.PreAssessment, PreDay, 0, "q-sig-1", correct: n >= 3, sure: n == 1),
            Answer(learner, SessionPhase.PreAssessment, PreDay, 1, "q-law-1", correct: n == 2, sure: n == 1),
            Answer(learner, SessionPhase.PostAssessment, PostDay, 0, "q-sig-1", correct: true),
            Answer(learner, SessionPhase.PostAssessment, PostDay, 1, "q-law-1", correct: true),

            // Not this campaign's: another campaign, and a quiz the learner asked for.
            Answer(learner, SessionPhase.Session, SessionDay, 5, "q-res-1", correct: false, sure: true, campaignId: OtherCampaignId),
            new(learner, "quiz-" + n, "q-other", 1, "b", false, Confidence.Sure, Now.AddDays(-3), Now.AddDays(-3)),
        };
        if (n <= 2)
        {
            answers.Add(Answer(learner, SessionPhase.Session, SessionDay, 0, "q-sig-2", correct: true, sure: true));
            answers.Add(Answer(learner, SessionPhase.Session, SessionDay, 1, "q-res-1", correct: true, sure: true));
        }

        return answers;
    }

    public IReadOnlyList<ReviewState> ReviewsOf(LearnerKey learner) => !Answering.Contains(learner)
        ? []
        :
        [
            new ReviewState { Learner = learner, QuestionId = "q-sig-1", Phase = ReviewPhase.Review, Stability = 10, Difficulty = 5, LastReview = Now.AddDays(-10), Due = Now, Reps = 2 },
            new ReviewState { Learner = learner, QuestionId = "q-law-1", Phase = ReviewPhase.New },
            new ReviewState { Learner = learner, QuestionId = "q-other", Phase = ReviewPhase.Review, Stability = 1, Difficulty = 5, LastReview = Now.AddDays(-30), Due = Now, Reps = 2 },
        ];

    public IReadOnlyList<LearnerCampaignData> Data() =>
        [.. Answering.Concat(Silent).Select(k => new LearnerCampaignData(k, "Person " + k.LearnerId, AnswersOf(k), ReviewsOf(k)))];

    public CampaignReport Compute(bool individualsAllowed = false)
    {
        var memory = new FsrsMemoryModel();
        return CampaignReportCalculator.Compute(Campaign, Pack, Data(), state => memory.Retrievability(state, Now), Now, individualsAllowed);
    }
}
