namespace Beacon.Tests.Campaigns;

using Beacon.Training.Campaigns.Reports;
using Beacon.Training.Content;

public class CampaignReportCalculatorTests
{
    private const int Precision = 3;

    [Fact]
    public void Five_answering_learners_get_every_figure_worked_out_by_hand()
    {
        // Exact figures (a tenant with individual results on); the bands of the default report are tested below.
        var report = new ReportScenario(answering: 5, silent: 1).Compute(individualsAllowed: true);

        Assert.Equal(6, report.AudienceSize);

        // Week 1: five of six answered; 5 pre-assessment days and 2 session days of 5 x 6 were completed.
        // Week 2: five of six answered; 5 post-assessment days of 5 x 6.
        Assert.Equal([1, 2], report.Weeks.Select(w => w.Number));
        Assert.Equal(5.0 / 6, report.Weeks[0].Participation.Value!.Value, Precision);
        Assert.Equal(7.0 / 30, report.Weeks[0].Completion.Value!.Value, Precision);
        Assert.Equal(5.0 / 6, report.Weeks[1].Participation.Value!.Value, Precision);
        Assert.Equal(5.0 / 30, report.Weeks[1].Completion.Value!.Value, Precision);
        Assert.Equal(new DateOnly(2026, 3, 13), report.Weeks[1].To);

        // 14 learner-items: 8 right at the first answer, all 14 at the latest.
        Assert.Equal(8.0 / 14, report.OverallProficiency.FirstAnswer.Value!.Value, Precision);
        Assert.Equal(1.0, report.OverallProficiency.Now.Value!.Value, Precision);
        var indicators = report.Proficiency.Single(p => p.Topic == Topic.Indicators);
        Assert.Equal(5.0 / 7, indicators.FirstAnswer.Value!.Value, Precision);
        var legal = report.Proficiency.Single(p => p.Topic == Topic.Legal);
        Assert.Equal(0.2, legal.FirstAnswer.Value!.Value, Precision);
        Assert.Equal(5, legal.FirstAnswer.Learners);
        Assert.True(report.Proficiency.Single(p => p.Topic == Topic.Responding).FirstAnswer.IsSuppressed);

        // Pre 4 of 10 right, post 10 of 10; per topic 3/5 -> 5/5 and 1/5 -> 5/5.
        Assert.Equal(0.4, report.OverallAssessment.Before!.Value, Precision);
        Assert.Equal(1.0, report.OverallAssessment.After!.Value, Precision);
        Assert.Equal(60, report.OverallAssessment.ChangePoints!.Value, Precision);
        Assert.Equal(5, report.OverallAssessment.LearnersWithBoth);
        Assert.Equal([Topic.Indicators, Topic.Legal], report.Assessment.Select(a => a.Topic));
        Assert.Equal(40, report.Assessment[0].Change.ChangePoints!.Value, Precision);
        Assert.Equal(80, report.Assessment[1].Change.ChangePoints!.Value, Precision);

        // Gaps, lowest first, suppressed last: law 6/10, indicators 10/12, responding (two learners).
        Assert.Equal([Topic.Legal, Topic.Indicators, Topic.Responding], report.TopicGaps.Select(g => g.Id));
        Assert.Equal(0.6, report.TopicGaps[0].Correct.Value!.Value, Precision);
        Assert.Equal(10.0 / 12, report.TopicGaps[1].Correct.Value!.Value, Precision);
        Assert.True(report.TopicGaps[2].Correct.IsSuppressed);
        Assert.Equal(["debt-bondage", "isolation"], report.IndicatorGaps.Select(g => g.Id));
        Assert.Equal(0.8, report.IndicatorGaps[0].Correct.Value!.Value, Precision);
        Assert.True(report.IndicatorGaps[1].Correct.IsSuppressed);

        // Learner 1's two sure-but-wrong answers among 24 campaign answers; other campaigns and quizzes ignored.
        Assert.Equal(2.0 / 24, report.ConfidentButWrong.Value!.Value, Precision);
        Assert.Equal(5, report.ConfidentButWrong.Learners);

        // Each learner reviewed the campaign question one stability ago: R = 0.9. New and non-campaign items are left out.
        Assert.Equal(0.9, report.RetentionNow.Value!.Value, Precision);
        Assert.Equal(5, report.RetentionNow.Learners);
    }

    [Fact]
    public void Shares_at_or_next_to_none_and_all_of_a_group_are_banded_unless_individual_results_are_on()
    {
        var report = new ReportScenario(answering: 5, silent: 1).Compute();

        // 5 of 6 took part; 14 of 14 latest answers right; law pre-assessment 1 of 5 right, post 5 of 5.
        Assert.Equal(ReportBand.AllOrNearlyAll, report.Weeks[0].Participation.Band);
        Assert.Null(report.Weeks[0].Participation.Value);
        Assert.Equal(6, report.Weeks[0].Participation.Learners);
        Assert.Equal(ReportBand.AllOrNearlyAll, report.OverallProficiency.Now.Band);
        Assert.Null(report.OverallProficiency.Now.Value);
        var legal = report.Assessment.Single(a => a.Topic == Topic.Legal).Change;
        Assert.Equal(ReportBand.NoneOrAlmostNone, legal.BeforeShare.Band);
        Assert.Equal(ReportBand.AllOrNearlyAll, legal.AfterShare.Band);
        Assert.Null(legal.ChangePoints);
        Assert.Equal(5, legal.LearnersWithBoth);

        // Away from the ends, numbers stay: 8 of 14 first answers, 7 of 30 sessions, 2 of 24 answers sure but wrong.
        Assert.Equal(8.0 / 14, report.OverallProficiency.FirstAnswer.Value!.Value, Precision);
        Assert.Equal(7.0 / 30, report.Weeks[0].Completion.Value!.Value, Precision);
        Assert.Equal(2.0 / 24, report.ConfidentButWrong.Value!.Value, Precision);
        Assert.Empty(report.Individuals);

        var exact = new ReportScenario(answering: 5, silent: 1).Compute(individualsAllowed: true);
        Assert.Equal(1.0, exact.OverallProficiency.Now.Value);
        Assert.Equal(ReportBand.None, exact.OverallProficiency.Now.Band);
    }

    [Theory]
    [InlineData(0, 20, ReportBand.NoneOrAlmostNone)]
    [InlineData(1, 20, ReportBand.NoneOrAlmostNone)]
    [InlineData(2, 20, ReportBand.None)]
    [InlineData(18, 20, ReportBand.None)]
    [InlineData(19, 20, ReportBand.AllOrNearlyAll)]
    [InlineData(20, 20, ReportBand.AllOrNearlyAll)]
    [InlineData(0, 5, ReportBand.NoneOrAlmostNone)]
    [InlineData(5, 5, ReportBand.AllOrNearlyAll)]
    public void A_band_covers_the_end_of_the_scale_and_its_neighbour_so_it_never_means_exactly_everyone(int part, int whole, ReportBand band)
    {
        var share = ReportShare.Of(part, whole, learners: 5, ReportDetail.Banded);

        Assert.Equal(band, share.Band);
        Assert.Equal(band == ReportBand.None ? (double)part / whole : null, share.Value);
        Assert.Equal(5, share.Learners);
        Assert.False(share.IsSuppressed);
        Assert.Equal((double)part / whole, ReportShare.Of(part, whole, learners: 5, ReportDetail.Exact).Value);
    }

    [Fact]
    public void Four_learners_get_no_figure_at_all()
    {
        var report = new ReportScenario(answering: 4).Compute(individualsAllowed: false);

        Assert.Null(report.AudienceSize);
        Assert.NotEmpty(report.Weeks);
        Assert.All(AllShares(report), share =>
        {
            Assert.True(share.IsSuppressed);
            Assert.Null(share.Value);
            Assert.Null(share.Learners);
        });
        Assert.All(report.Assessment.Select(a => a.Change).Append(report.OverallAssessment), change =>
        {
            Assert.Null(change.Before);
            Assert.Null(change.After);
            Assert.Null(change.ChangePoints);
            Assert.Null(change.LearnersWithBoth);
        });
        Assert.Empty(report.Individuals);
    }

    [Fact]
    public void Five_in_the_audience_with_four_answering_shows_participation_but_no_answer_figures()
    {
        var report = new ReportScenario(answering: 4, silent: 1).Compute();

        Assert.Equal(5, report.AudienceSize);
        Assert.Equal(ReportBand.AllOrNearlyAll, report.Weeks[0].Participation.Band);
        Assert.Equal(5, report.Weeks[0].Participation.Learners);
        Assert.True(report.OverallProficiency.FirstAnswer.IsSuppressed);
        Assert.True(report.OverallAssessment.IsSuppressed);
        Assert.True(report.ConfidentButWrong.IsSuppressed);
        Assert.True(report.RetentionNow.IsSuppressed);
        Assert.All(report.TopicGaps, gap => Assert.True(gap.Correct.IsSuppressed));
    }

    [Fact]
    public void Learners_who_took_only_one_assessment_are_left_out_of_the_change()
    {
        var scenario = new ReportScenario(answering: 6);
        var data = scenario.Data()
            .Select(d => d.Learner.LearnerId == "learner-6"
                ? d with { Answers = [.. d.Answers.Where(a => !a.PromptId.Contains(".post.", StringComparison.Ordinal))] }
                : d)
            .ToList();

        var report = CampaignReportCalculator.Compute(scenario.Campaign, ReportScenario.Pack, data, _ => 0.5, ReportScenario.Now, individualsAllowed: false);

        Assert.Equal(5, report.OverallAssessment.LearnersWithBoth);
        Assert.Equal(0.4, report.OverallAssessment.Before!.Value, Precision);
    }

    [Fact]
    public void Individual_results_appear_only_when_allowed_and_then_for_everyone_in_the_audience()
    {
        var scenario = new ReportScenario(answering: 5, silent: 1);

        var allowed = scenario.Compute(individualsAllowed: true);

        Assert.Empty(scenario.Compute(individualsAllowed: false).Individuals);
        Assert.Equal(6, allowed.Individuals.Count);
        var first = allowed.Individuals.Single(p => p.LearnerId == "learner-1");
        Assert.Equal("Person learner-1", first.DisplayName);
        Assert.Equal(6, first.Answered);
        Assert.Equal(4, first.Correct);
        Assert.Equal(2, first.ConfidentButWrong);
        Assert.Equal(3, first.SessionsCompleted);
        Assert.Equal(0.0, first.PreScore);
        Assert.Equal(1.0, first.PostScore);
        var silent = allowed.Individuals.Single(p => p.LearnerId == "learner-6");
        Assert.Equal(0, silent.Answered);
        Assert.Null(silent.PreScore);
    }

    [Fact]
    public void Weeks_that_have_not_started_are_not_reported()
    {
        var scenario = new ReportScenario(answering: 5);
        var midway = new DateTimeOffset(2026, 3, 5, 12, 0, 0, TimeSpan.Zero);

        var report = CampaignReportCalculator.Compute(scenario.Campaign, ReportScenario.Pack, scenario.Data(), _ => 0.5, midway, individualsAllowed: false);

        var week = Assert.Single(report.Weeks);
        Assert.Equal(new DateOnly(2026, 3, 8), week.To);
    }

    [Fact]
    public void The_threshold_is_five_distinct_learners()
    {
        Assert.Equal(5, ReportPrivacy.MinimumLearners);
        Assert.True(ReportShare.Of(1, 2, learners: 4, ReportDetail.Exact).IsSuppressed);
        Assert.Equal(0.5, ReportShare.Of(1, 2, learners: 5, ReportDetail.Exact).Value);
        Assert.True(ReportChange.Of(1, 2, 2, 2, learnersWithBoth: 4, ReportDetail.Exact).IsSuppressed);
        Assert.Equal(50, ReportChange.Of(1, 2, 2, 2, learnersWithBoth: 5, ReportDetail.Exact).ChangePoints);
    }

    private static IEnumerable<ReportShare> AllShares(CampaignReport report) =>
        report.Weeks.SelectMany(w => new[] { w.Participation, w.Completion })
            .Concat(report.Proficiency.Append(report.OverallProficiency).SelectMany(p => new[] { p.FirstAnswer, p.Now }))
            .Concat(report.TopicGaps.Concat(report.IndicatorGaps).Select(g => g.Correct))
            .Append(report.ConfidentButWrong)
            .Append(report.RetentionNow);
}
