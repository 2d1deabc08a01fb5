namespace Beacon.Tests.Campaigns;

using System.Text.Json.Nodes;
using Beacon.Cards.Builders;
using Beacon.Cards.Model;
using Beacon.Dialogs.Presentation;
using Beacon.Tests.Cards;

public class CampaignReportCardTests
{
    private static readonly Uri CsvLink = new("https://beacon.example.org/campaigns/t/7k2m9q4x1c/report.csv?expires=1&sig=x");

    [Fact]
    public void With_four_learners_the_card_shows_no_figure_and_no_chart()
    {
        var card = Card(new ReportScenario(answering: 4), csvLink: null);
        var text = card.ToJsonString();

        Assert.Empty(Charts(card));
        Assert.DoesNotContain("%", text, StringComparison.Ordinal);
        Assert.DoesNotContain("points", text, StringComparison.Ordinal);
        Assert.Contains("Audience: fewer than 5 learners.", text, StringComparison.Ordinal);
        var tables = CardTree.OfType(card, "Table").ToList();
        Assert.Equal(7, tables.Count);
        Assert.All(
            tables.SelectMany(table => CardTree.OfType(table, "TableRow").Skip(1)),
            row => Assert.All(Cells(row).Skip(1), cell => Assert.Equal("fewer than 5 learners", cell)));
    }

    [Fact]
    public void With_five_learners_every_chart_has_a_table_fallback_with_the_same_numbers()
    {
        var card = Card(new ReportScenario(answering: 5, silent: 1), CsvLink);

        var charts = Charts(card).ToList();
        Assert.Equal(
            ["Chart.Line", "Chart.VerticalBar.Grouped", "Chart.VerticalBar.Grouped", "Chart.HorizontalBar", "Chart.HorizontalBar", "Chart.Pie", "Chart.Gauge"],
            charts.Select(c => (string)c["type"]!));
        foreach (var chart in charts)
        {
            var table = chart["fallback"]!.AsObject();
            Assert.Equal("Table", (string?)table["type"]);
            var rows = CardTree.OfType(table, "TableRow").Select(Cells).ToList();
            foreach (var (label, value) in ChartPoints(chart))
            {
                Assert.Contains(rows, row => row[0] == label && row.Contains($"{Math.Round(value, MidpointRounding.AwayFromZero):0}%"));
            }
        }
    }

    [Fact]
    public void A_suppressed_figure_is_left_out_of_the_chart_and_named_in_the_table()
    {
        var card = Card(new ReportScenario(answering: 5, silent: 1), CsvLink);

        var gaps = Charts(card).First(c => (string?)c["type"] == "Chart.HorizontalBar");
        Assert.DoesNotContain(ChartPoints(gaps), point => point.Label == "Responding safely");
        var row = CardTree.OfType(gaps["fallback"]!, "TableRow").Select(Cells).Single(r => r[0] == "Responding safely");
        Assert.Equal("fewer than 5 learners", row[1]);
        Assert.Contains(CardTree.TextBlocks(card), block => ((string)block["text"]!).Contains("Hidden to protect privacy", StringComparison.Ordinal));
    }

    [Fact]
    public void A_share_of_none_or_all_is_given_in_words_and_left_out_of_the_chart()
    {
        var card = Card(new ReportScenario(answering: 5, silent: 1), CsvLink);

        var weeks = Charts(card).Single(c => (string?)c["type"] == "Chart.Line");
        Assert.DoesNotContain(weeks["data"]!.AsArray(), series => (string?)series!["legend"] == "Took part" && series["values"]!.AsArray().Count > 0);
        var week = CardTree.OfType(weeks["fallback"]!, "TableRow").Select(Cells).Single(r => r[0] == "Week 1 (2 Mar)");
        Assert.Equal("all or nearly all", week[1]);
        var text = card.ToJsonString();
        Assert.DoesNotContain("100%", text, StringComparison.Ordinal);
        Assert.Contains("scored 40% before and all or nearly all after (change not shown: a score is given in words)", text, StringComparison.Ordinal);
        Assert.DoesNotContain(CardTree.TextBlocks(card), block => ((string)block["text"]!).Contains("Week 1", StringComparison.Ordinal) && ((string)block["text"]!).Contains("Hidden", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_a_csv_link_the_card_says_why()
    {
        var card = Card(new ReportScenario(answering: 5, silent: 1), csvLink: null);

        Assert.Contains(CardTree.TextBlocks(card), block => (string?)block["text"] == CampaignReportCard.NoCsvLink);
    }

    [Fact]
    public void The_card_offers_the_csv_download_and_never_names_a_person()
    {
        var scenario = new ReportScenario(answering: 5, silent: 1);
        var report = scenario.Compute(individualsAllowed: true);
        var card = CardJson.ToJsonObject(CampaignReportCard.Build(CampaignReportViews.From(report), CsvLink));

        Assert.Contains(CardTree.Actions(card), a => (string?)a["type"] == "Action.OpenUrl" && (string?)a["title"] == "Download CSV" && (string?)a["url"] == CsvLink.AbsoluteUri);
        Assert.DoesNotContain("Person learner", card.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("learner-1", card.ToJsonString(), StringComparison.Ordinal);
        var withoutLink = Card(scenario, csvLink: null);
        Assert.DoesNotContain(CardTree.Actions(withoutLink), a => (string?)a["type"] == "Action.OpenUrl");
    }

    private static JsonObject Card(ReportScenario scenario, Uri? csvLink) =>
        CardJson.ToJsonObject(CampaignReportCard.Build(CampaignReportViews.From(scenario.Compute()), csvLink));

    private static IEnumerable<JsonObject> Charts(JsonObject card) =>
        CardTree.Objects(card).Where(node => ((string?)node["type"])?.StartsWith("Chart.", StringComparison.Ordinal) == true);

    private static List<string> Cells(JsonObject row) =>
        [.. row["cells"]!.AsArray().Select(cell => (string)cell!["items"]![0]!["text"]!)];

    /// <summary>Every (label, value) a chart draws; a line or grouped chart's points, a bar's bars, a pie's slices, the gauge's value.</summary>
    private static IEnumerable<(string Label, double Value)> ChartPoints(JsonObject chart) => (string?)chart["type"] switch
    {
        "Chart.Gauge" => [("Chance of recalling a campaign question today", (double)chart["value"]!)],
        "Chart.Pie" => chart["data"]!.AsArray().Select(s => ((string)s!["legend"]!, (double)s["value"]!)),
        "Chart.HorizontalBar" or "Chart.VerticalBar" => chart["data"]!.AsArray().Select(b => ((string)b!["x"]!, (double)b["y"]!)),
        _ => chart["data"]!.AsArray().SelectMany(series => series!["values"]!.AsArray().Select(p => ((string)p!["x"]!, (double)p["y"]!))),
    };
}
