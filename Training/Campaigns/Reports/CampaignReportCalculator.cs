namespace Beacon.Training.Campaigns.Reports;

using Beacon.Training.Answers;
using Beacon.Training.Content;
using Beacon.Training.Reviews;

/// <summary>
/// Computes a <see cref="CampaignReport"/> from the answer log. Only answers whose prompt id names the
/// campaign (<see cref="CampaignPrompt"/>) count; every figure goes through <see cref="ReportShare"/> or
/// <see cref="ReportChange"/>, which drop it when it covers fewer than <see cref="ReportPrivacy.MinimumLearners"/> learners
/// and, unless individual results are allowed, show a share at or next to 0% or 100% as a band.
/// The audience passed in must hold only real people of the report's group (see <c>CampaignReportService</c>).
/// </summary>
public static class CampaignReportCalculator
{
    /// <param name="retrievability">The memory model's probability of recall for a reviewed item at <paramref name="now"/>.</param>
    public static CampaignReport Compute(
        Campaign campaign,
        ContentPack pack,
        IReadOnlyList<LearnerCampaignData> audience,
        Func<ReviewState, double> retrievability,
        DateTimeOffset now,
        bool individualsAllowed)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(audience);
        ArgumentNullException.ThrowIfNull(retrievability);

        var learners = audience
            .DistinctBy(data => data.Learner)
            .Select(data => LearnerAnswers.Of(campaign, pack, data))
            .ToList();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var detail = individualsAllowed ? ReportDetail.Exact : ReportDetail.Banded;
        var answers = learners.SelectMany(l => l.Answers).ToList();

        return new CampaignReport
        {
            Key = campaign.Key,
            Name = campaign.Name,
            StartDate = campaign.StartDate,
            EndDate = campaign.EndDate,
            GeneratedAt = now,
            AudienceSize = ReportPrivacy.CanShow(learners.Count) ? learners.Count : null,
            Weeks = Weeks(campaign, learners, today, detail),
            Proficiency = Topic.All.Select(topic => Proficiency(topic, answers, detail)).Where(HasAnswers(answers)).ToList(),
            OverallProficiency = Proficiency(null, answers, detail),
            Assessment = Topic.All
                .Where(topic => answers.Any(a => a.Question.Topic == topic && a.Prompt.Phase != SessionPhase.Session))
                .Select(topic => new TopicChange(topic, Assessment(learners, topic, detail)))
                .ToList(),
            OverallAssessment = Assessment(learners, null, detail),
            TopicGaps = Gaps(answers, a => a.Question.Topic, detail),
            IndicatorGaps = Gaps(answers, a => a.Question.Indicator, detail),
            ConfidentButWrong = ReportShare.Of(
                answers.Count(a => !a.Record.Correct && a.Record.Confidence == Confidence.Sure),
                answers.Count,
                DistinctLearners(answers),
                detail),
            RetentionNow = Retention(learners, retrievability),
            Individuals = individualsAllowed ? learners.Select(l => Individual(campaign, l, today)).ToList() : [],
        };
    }

    private static Func<TopicProficiency, bool> HasAnswers(List<CampaignAnswer> answers) =>
        row => answers.Any(a => a.Question.Topic == row.Topic);

    private static List<WeekActivity> Weeks(Campaign campaign, List<LearnerAnswers> learners, DateOnly today, ReportDetail detail)
    {
        var weeks = new List<WeekActivity>();
        for (var (number, from) = (1, campaign.StartDate); from <= campaign.EndDate && from <= today; number++, from = from.AddDays(7))
        {
            var to = Min(from.AddDays(6), campaign.EndDate);
            var sessionDates = campaign.SessionDates(from).TakeWhile(date => date <= to && date <= today).ToList();
            var participants = learners.Count(l => l.Answers.Any(a => a.Prompt.LocalDate >= from && a.Prompt.LocalDate <= to));
            var completed = learners.Sum(l => sessionDates.Count(date => l.CompletedSession(date, campaign.QuestionsPerSession)));
            weeks.Add(new WeekActivity(
                number,
                from,
                to,
                ReportShare.Of(participants, learners.Count, learners.Count, detail),
                ReportShare.Of(completed, sessionDates.Count * learners.Count, learners.Count, detail)));
        }

        return weeks;
    }

    private static TopicProficiency Proficiency(string? topic, List<CampaignAnswer> answers, ReportDetail detail)
    {
        var items = answers
            .Where(a => topic is null || a.Question.Topic == topic)
            .GroupBy(a => (a.Record.Learner, a.Record.QuestionId))
            .Select(item => item.OrderBy(a => a.Record.AnsweredAt).ToList())
            .ToList();
        var learners = items.Select(item => item[0].Record.Learner).Distinct().Count();
        return new TopicProficiency(
            topic,
            ReportShare.Of(items.Count(item => item[0].Record.Correct), items.Count, learners, detail),
            ReportShare.Of(items.Count(item => item[^1].Record.Correct), items.Count, learners, detail));
    }

    /// <summary>Pooled pre and post scores of the learners who answered both assessments (in the topic, if given).</summary>
    private static ReportChange Assessment(List<LearnerAnswers> learners, string? topic, ReportDetail detail)
    {
        var paired = learners
            .Select(l => (
                Pre: l.Answers.Where(a => a.Prompt.Phase == SessionPhase.PreAssessment && (topic is null || a.Question.Topic == topic)).ToList(),
                Post: l.Answers.Where(a => a.Prompt.Phase == SessionPhase.PostAssessment && (topic is null || a.Question.Topic == topic)).ToList()))
            .Where(p => p.Pre.Count > 0 && p.Post.Count > 0)
            .ToList();
        return ReportChange.Of(
            paired.Sum(p => p.Pre.Count(a => a.Record.Correct)),
            paired.Sum(p => p.Pre.Count),
            paired.Sum(p => p.Post.Count(a => a.Record.Correct)),
            paired.Sum(p => p.Post.Count),
            paired.Count,
            detail);
    }

    private static List<KnowledgeGap> Gaps(List<CampaignAnswer> answers, Func<CampaignAnswer, string?> key, ReportDetail detail) =>
        answers
            .Where(a => key(a) is not null)
            .GroupBy(a => key(a)!, StringComparer.Ordinal)
            .Select(group => new KnowledgeGap(group.Key, ReportShare.Of(group.Count(a => a.Record.Correct), group.Count(), DistinctLearners(group), detail)))
            .OrderBy(gap => gap.Correct.IsSuppressed)
            .ThenBy(gap => gap.Correct.SortValue)
            .ThenBy(gap => gap.Id, StringComparer.Ordinal)
            .ToList();

    private static ReportShare Retention(List<LearnerAnswers> learners, Func<ReviewState, double> retrievability)
    {
        var perLearner = learners
            .Select(l => l.ReviewedItems.Select(retrievability).ToList())
            .Where(values => values.Count > 0)
            .ToList();
        return ReportShare.Mean(perLearner.SelectMany(values => values).ToList(), perLearner.Count);
    }

    private static LearnerResult Individual(Campaign campaign, LearnerAnswers learner, DateOnly today)
    {
        var pre = learner.Answers.Where(a => a.Prompt.Phase == SessionPhase.PreAssessment).ToList();
        var post = learner.Answers.Where(a => a.Prompt.Phase == SessionPhase.PostAssessment).ToList();
        return new LearnerResult(
            learner.Data.Learner.LearnerId,
            learner.Data.DisplayName,
            learner.Answers.Count,
            learner.Answers.Count(a => a.Record.Correct),
            learner.Answers.Count(a => !a.Record.Correct && a.Record.Confidence == Confidence.Sure),
            campaign.SessionDates().TakeWhile(date => date <= today).Count(date => learner.CompletedSession(date, campaign.QuestionsPerSession)),
            pre.Count == 0 ? null : (double)pre.Count(a => a.Record.Correct) / pre.Count,
            post.Count == 0 ? null : (double)post.Count(a => a.Record.Correct) / post.Count);
    }

    private static int DistinctLearners(IEnumerable<CampaignAnswer> answers) => answers.Select(a => a.Record.Learner).Distinct().Count();

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    /// <summary>A campaign answer with its parsed prompt and its question.</summary>
    private sealed record CampaignAnswer(AnswerRecord Record, CampaignPrompt Prompt, Question Question);

    private sealed record LearnerAnswers(LearnerCampaignData Data, IReadOnlyList<CampaignAnswer> Answers, IReadOnlyList<ReviewState> ReviewedItems)
    {
        public static LearnerAnswers Of(Campaign campaign, ContentPack pack, LearnerCampaignData data)
        {
            var answers = data.Answers
                .Where(a => a.Learner == data.Learner)
                .Select(a => (Record: a, Prompt: CampaignPrompt.TryParse(a.PromptId), Question: pack.FindQuestion(a.QuestionId)))
                .Where(a => a.Prompt?.CampaignId == campaign.Id && a.Question is not null)
                .Select(a => new CampaignAnswer(a.Record, a.Prompt!, a.Question!))
                .ToList();
            var items = answers.Select(a => a.Record.QuestionId).ToHashSet(StringComparer.Ordinal);
            var reviewed = data.Reviews
                .Where(r => r.Learner == data.Learner && r.Phase != ReviewPhase.New && r.LastReview is not null && items.Contains(r.QuestionId))
                .ToList();
            return new LearnerAnswers(data, answers, reviewed);
        }

        /// <summary>A session day counts as completed once the learner answered a full session's worth of that day's campaign questions.</summary>
        public bool CompletedSession(DateOnly date, int questionsPerSession) =>
            Answers.Count(a => a.Prompt.LocalDate == date) >= questionsPerSession;
    }
}
