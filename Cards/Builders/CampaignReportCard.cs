namespace Beacon.Cards.Builders;

using System.Globalization;
using Beacon.Cards.Model;
using Beacon.Cards.Views;

/// <summary>
/// A manager's campaign report: Teams charts, each with a table of the same numbers as its fallback
/// for clients without charts. Figures covering fewer than 5 learners are left out of the charts
/// and named as such in the tables; no person's own answers ever appear.
/// </summary>
public static class CampaignReportCard
{
    public const string DownloadCsvTitle = "Download CSV";
    public const string NotShown = "fewer than 5 learners";

    /// <summary>Said on the card when the bot has no public address for the CSV download link.</summary>
    public const string NoCsvLink = "The CSV download isn't available: Beacon's public address (Bot:PublicBaseUrl) is not configured. Please ask your Beacon administrator.";

    private const int IndicatorRows = 5;

    public static AdaptiveCard Build(CampaignReportView report, Uri? csvUrl)
    {
        ArgumentNullException.ThrowIfNull(report);
        var audience = report.AudienceSize is { } size ? $"{size} people" : NotShown;
        var body = new List<CardElement>
        {
            Blocks.Heading("Campaign report: " + report.CampaignName),
            Blocks.Paragraph($"{report.Period}. Audience: {audience}."),
            Blocks.Subtle("To protect people's privacy, any figure that covers fewer than 5 learners is not shown, one at either end of the scale is given in words (\"all or nearly all\"), and no one's own answers are shown."),
        };
        body.AddRange(TakingPart(report.Weeks));
        body.AddRange(FirstAndNow(report.Proficiency, report.OverallProficiency));
        body.AddRange(BeforeAndAfter(report.Assessment, report.OverallAssessment));
        body.AddRange(Gaps(report.TopicGaps, report.IndicatorGaps));
        body.AddRange(SureButWrong(report.ConfidentButWrongPercent, report.ConfidentButWrongBand));
        body.AddRange(Remembered(report.RetentionPercent));

        if (csvUrl is null)
        {
            body.Add(Blocks.Subtle(NoCsvLink));
        }

        var actions = csvUrl is null
            ? CommonActions.WithReportConcern()
            : CommonActions.WithReportConcern(new OpenUrlAction(DownloadCsvTitle, csvUrl) { Tooltip = "The same figures as a CSV file; the link works for a short time." });
        return new AdaptiveCard
        {
            Body = body,
            Actions = actions,
            Speak = $"Campaign report for {report.CampaignName}. Overall, {Percent(report.OverallProficiency.FirstPercent)} of first answers were right, and {Percent(report.OverallProficiency.NowPercent)} of latest answers.",
            FallbackText = $"Campaign report for {report.CampaignName}: first answers right {Percent(report.OverallProficiency.FirstPercent)}, now {Percent(report.OverallProficiency.NowPercent)}.",
        };
    }

    /// <summary>"80%", or "fewer than 5 learners" for a suppressed figure.</summary>
    public static string Percent(double? percent) =>
        percent is { } value ? Math.Round(value, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture) + "%" : NotShown;

    /// <summary>The band's words for a banded figure, else <see cref="Percent(double?)"/>.</summary>
    public static string Percent(double? percent, string? band) => band ?? Percent(percent);

    public static string Points(double? points) => points switch
    {
        null => NotShown,
        { } value when Math.Round(value) == 0 => "no change",
        { } value => (value > 0 ? "+" : "-") + Math.Abs(Math.Round(value, MidpointRounding.AwayFromZero)).ToString("0", CultureInfo.InvariantCulture) + " points",
    };

    private static IEnumerable<CardElement> TakingPart(IReadOnlyList<ReportWeekView> weeks)
    {
        yield return Blocks.SubHeading("Taking part");
        if (weeks.Count == 0)
        {
            yield return Blocks.Paragraph("The campaign hasn't started yet.");
            yield break;
        }

        var table = Blocks.Table(
            ["Week", "Took part", "Sessions completed"],
            weeks.Select(w => (IReadOnlyList<string>)[w.Label, Percent(w.ParticipationPercent, w.ParticipationBand), Percent(w.CompletionPercent, w.CompletionBand)]));
        yield return ChartOr(
            table,
            weeks.Any(w => w.ParticipationPercent is not null || w.CompletionPercent is not null),
            () => new LineChart(
            [
                new ChartSeries("Took part", Points(weeks, w => w.Label, w => w.ParticipationPercent)) { Color = "categoricalBlue" },
                new ChartSeries("Sessions completed", Points(weeks, w => w.Label, w => w.CompletionPercent)) { Color = "categoricalTeal" },
            ])
            {
                Title = "Share of the audience each week",
                XAxisTitle = "Campaign week",
                YAxisTitle = "Percent",
                Fallback = table,
            });
        foreach (var note in NotShownNote(weeks.Where(w => w.ParticipationPercent is null && w.ParticipationBand is null).Select(w => w.Label)))
        {
            yield return note;
        }
    }

    private static IEnumerable<CardElement> FirstAndNow(IReadOnlyList<ReportComparisonView> topics, ReportComparisonView overall)
    {
        yield return Blocks.SubHeading("First answer and now");
        yield return Blocks.Paragraph(overall.FirstPercent is null && overall.FirstBand is null
            ? "Fewer than 5 learners have answered so far, so no scores are shown yet."
            : $"Overall, {Percent(overall.FirstPercent, overall.FirstBand)} of first answers to a question were right. Now {Percent(overall.NowPercent, overall.NowBand)} of the latest answers are.");
        if (topics.Count == 0)
        {
            yield break;
        }

        var table = Blocks.Table(
            ["Topic", "First answer", "Now"],
            topics.Select(t => (IReadOnlyList<string>)[t.Label, Percent(t.FirstPercent, t.FirstBand), Percent(t.NowPercent, t.NowBand)]));
        yield return ChartOr(
            table,
            topics.Any(t => t.FirstPercent is not null),
            () => new GroupedVerticalBarChart(
            [
                new ChartSeries("First answer", Points(topics, t => t.Label, t => t.FirstPercent)) { Color = "categoricalLavender" },
                new ChartSeries("Now", Points(topics, t => t.Label, t => t.NowPercent)) { Color = "categoricalBlue" },
            ])
            {
                Title = "Answered right, by topic",
                YAxisTitle = "Percent",
                ShowBarValues = true,
                Fallback = table,
            });
        foreach (var note in NotShownNote(topics.Where(t => t.FirstPercent is null && t.FirstBand is null).Select(t => t.Label)))
        {
            yield return note;
        }
    }

    private static IEnumerable<CardElement> BeforeAndAfter(IReadOnlyList<ReportChangeView> topics, ReportChangeView overall)
    {
        yield return Blocks.SubHeading("Before and after");
        yield return Blocks.Paragraph(overall.LearnersWithBoth is { } both
            ? $"The {both} learners who took both assessments scored {Percent(overall.BeforePercent, overall.BeforeBand)} before and {Percent(overall.AfterPercent, overall.AfterBand)} after ({Change(overall)})."
            : "Fewer than 5 learners have taken both the first and the last assessment, so no scores are shown yet.");
        if (topics.Count == 0)
        {
            yield break;
        }

        var table = Blocks.Table(
            ["Topic", "Before", "After", "Change", "Took both"],
            topics.Select(t => (IReadOnlyList<string>)[
                t.Label,
                Percent(t.BeforePercent, t.BeforeBand),
                Percent(t.AfterPercent, t.AfterBand),
                Change(t),
                t.LearnersWithBoth?.ToString(CultureInfo.InvariantCulture) ?? NotShown]));
        yield return ChartOr(
            table,
            topics.Any(t => t.LearnersWithBoth is not null),
            () => new GroupedVerticalBarChart(
            [
                new ChartSeries("Before", Points(topics, t => t.Label, t => t.BeforePercent)) { Color = "categoricalLavender" },
                new ChartSeries("After", Points(topics, t => t.Label, t => t.AfterPercent)) { Color = "categoricalGreen" },
            ])
            {
                Title = "Assessment score by topic",
                YAxisTitle = "Percent",
                ShowBarValues = true,
                Fallback = table,
            });
        foreach (var note in NotShownNote(topics.Where(t => t.LearnersWithBoth is null).Select(t => t.Label)))
        {
            yield return note;
        }
    }

    private static IEnumerable<CardElement> Gaps(IReadOnlyList<ReportValueView> topics, IReadOnlyList<ReportValueView> indicators)
    {
        yield return Blocks.SubHeading("Knowledge gaps");
        if (topics.Count == 0)
        {
            yield return Blocks.Paragraph("No answers yet.");
            yield break;
        }

        yield return Blocks.Paragraph("Topics and signs with the fewest right answers come first.");
        yield return GapChart("Answered right, by topic", "Topic", topics);
        if (indicators.Count > 0)
        {
            yield return GapChart($"The {Math.Min(IndicatorRows, indicators.Count)} signs answered right least often", "Sign", indicators.Take(IndicatorRows).ToList());
        }
    }

    private static CardElement GapChart(string title, string header, IReadOnlyList<ReportValueView> rows)
    {
        var table = Blocks.Table([header, "Answered right"], rows.Select(r => (IReadOnlyList<string>)[r.Label, Percent(r.Percent, r.Band)]));
        return ChartOr(
            table,
            rows.Any(r => r.Percent is not null),
            () => new HorizontalBarChart(rows.Where(r => r.Percent is not null).Select(r => new ChartBar(r.Label, Round(r.Percent!.Value))).ToList())
            {
                Title = title,
                Fallback = table,
            });
    }

    private static IEnumerable<CardElement> SureButWrong(double? percent, string? band)
    {
        yield return Blocks.SubHeading("Sure but wrong");
        var table = Blocks.Table(["Answers", "Share"], [["Sure but wrong", Percent(percent, band)], ["All other answers", Percent(100 - percent, Opposite(band))]]);
        yield return ChartOr(
            table,
            percent is not null,
            () => new PieChart([new PieSlice("Sure but wrong", Round(percent!.Value)) { Color = "attention" }, new PieSlice("All other answers", Round(100 - percent!.Value)) { Color = "neutral" }])
            {
                Title = "Answers given with confidence that were wrong",
                Fallback = table,
            });
        yield return Blocks.Subtle("Confident mistakes are the misunderstandings most worth talking through with the team.");
    }

    private static IEnumerable<CardElement> Remembered(double? percent)
    {
        yield return Blocks.SubHeading("Remembered now");
        var table = Blocks.Table(["Measure", "Estimate"], [["Chance of recalling a campaign question today", Percent(percent)]]);
        yield return ChartOr(
            table,
            percent is not null,
            () => new GaugeChart(Round(percent!.Value))
            {
                Title = "Estimated retention now",
                Min = 0,
                Max = 100,
                ValueFormat = "Percentage",
                Segments = [new GaugeSegment("Low", 50) { Color = "attention" }, new GaugeSegment("Fair", 30) { Color = "warning" }, new GaugeSegment("Good", 20) { Color = "good" }],
                Fallback = table,
            });
        yield return Blocks.Subtle("Estimated from each learner's review history with the spaced-repetition model.");
    }

    /// <summary>The change in points; for a banded score, not shown (it would give the score away).</summary>
    private static string Change(ReportChangeView change) =>
        change.ChangePoints is null && change.LearnersWithBoth is not null ? "change not shown: a score is given in words" : Points(change.ChangePoints);

    /// <summary>"none or almost none" for "all or nearly all" and the other way round.</summary>
    private static string? Opposite(string? band) => band switch
    {
        null => null,
        _ when band.StartsWith("all", StringComparison.Ordinal) => "none or almost none",
        _ => "all or nearly all",
    };

    /// <summary>The chart (with the table as its fallback) when it has a point to show, else the table alone.</summary>
    private static CardElement ChartOr(Table table, bool anyShown, Func<Chart> chart) => anyShown ? chart() : table;

    private static List<ChartPoint> Points<T>(IEnumerable<T> rows, Func<T, string> label, Func<T, double?> value) =>
        rows.Where(r => value(r) is not null).Select(r => new ChartPoint(label(r), Round(value(r)!.Value))).ToList();

    private static IEnumerable<CardElement> NotShownNote(IEnumerable<string> labels)
    {
        var hidden = labels.ToList();
        if (hidden.Count > 0)
        {
            yield return Blocks.Subtle($"Hidden to protect privacy ({NotShown}): {string.Join(", ", hidden)}.");
        }
    }

    private static double Round(double value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);
}
