namespace Beacon.Tests.Campaigns;

using Beacon.Bot.Campaigns;

public class CampaignReportCsvTests
{
    [Fact]
    public void Figures_carry_their_learner_count_and_a_suppressed_figure_has_no_value()
    {
        var lines = Lines(new ReportScenario(answering: 5, silent: 1).Compute());

        Assert.Equal(CampaignReportCsv.Header, lines[0]);
        Assert.Contains("campaign,Spring refresher,audience,6,6,false,", lines);
        Assert.Contains("participation,Week 1 (2 Mar),took_part_percent,,6,false,all or nearly all", lines);
        Assert.Contains("proficiency,All topics,first_answer_right_percent,57.1,5,false,", lines);
        Assert.Contains("proficiency,All topics,latest_answer_right_percent,,5,false,all or nearly all", lines);
        Assert.Contains("assessment,All topics,before_percent,40.0,5,false,", lines);
        Assert.Contains("assessment,All topics,after_percent,,5,false,all or nearly all", lines);
        Assert.Contains("assessment,All topics,change_points,,5,false,not shown: a score is given in words", lines);
        Assert.Contains("assessment,All topics,learners_who_took_both,5,5,false,", lines);
        Assert.Contains("gap_by_topic,Responding safely,answered_right_percent,,,true,fewer than 5 learners", lines);
        Assert.Contains("gap_by_indicator,Debt bondage,answered_right_percent,80.0,5,false,", lines);
        Assert.Contains("retention,Campaign questions,estimated_retention_now_percent,90.0,5,false,", lines);
        Assert.DoesNotContain(lines, line => line.StartsWith("individual,", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains("learner-", StringComparison.Ordinal));
    }

    [Fact]
    public void With_four_learners_every_figure_row_is_suppressed()
    {
        var rows = Lines(new ReportScenario(answering: 4).Compute()).Skip(1).Select(line => line.Split(',')).ToList();

        var figures = rows.Where(cells => cells[2] is not ("period" or "generated_at")).ToList();
        Assert.True(figures.Count > 20);
        Assert.All(figures, cells =>
        {
            Assert.Equal(string.Empty, cells[3]);
            Assert.Equal(string.Empty, cells[4]);
            Assert.Equal("true", cells[5]);
            Assert.Equal("fewer than 5 learners", cells[6]);
        });
    }

    [Fact]
    public void The_individual_section_appears_only_when_the_report_holds_individual_results()
    {
        var lines = Lines(new ReportScenario(answering: 5, silent: 1).Compute(individualsAllowed: true));

        Assert.Contains("individual,Person learner-1,answered,6,1,false,", lines);
        Assert.Contains("individual,Person learner-1,pre_assessment_percent,0.0,1,false,", lines);
        Assert.Contains("individual,Person learner-6,answered,0,1,false,", lines);
        Assert.Contains("participation,Week 1 (2 Mar),took_part_percent,83.3,6,false,", lines);
        Assert.Contains("assessment,All topics,change_points,60.0,5,false,", lines);
    }

    [Fact]
    public void Text_that_a_spreadsheet_would_run_as_a_formula_is_neutralised_and_commas_are_quoted()
    {
        var scenario = new ReportScenario(answering: 5);
        var report = scenario.Compute() with { Name = "=HYPERLINK(\"http://evil\",\"x\")" };

        var lines = Lines(report);

        Assert.Contains("campaign,\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",audience,5,5,false,", lines);
    }

    private static List<string> Lines(Beacon.Training.Campaigns.Reports.CampaignReport report) =>
        [.. CampaignReportCsv.Write(report).Split("\r\n", StringSplitOptions.RemoveEmptyEntries)];
}
