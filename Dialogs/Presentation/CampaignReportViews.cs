namespace Beacon.Dialogs.Presentation;

using System.Globalization;
using Beacon.Cards.Views;
using Beacon.Training.Campaigns.Reports;
using Beacon.Training.Content;

/// <summary>Maps a computed <see cref="CampaignReport"/> to what the report card shows (never the individual results).</summary>
public static class CampaignReportViews
{
    public static CampaignReportView From(CampaignReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new CampaignReportView(
            report.Name,
            $"{Date(report.StartDate)} to {Date(report.EndDate)}",
            report.AudienceSize,
            report.Weeks.Select(w => new ReportWeekView(WeekLabel(w), w.Participation.Percent, w.Completion.Percent)).ToList(),
            report.Proficiency.Select(Comparison).ToList(),
            Comparison(report.OverallProficiency),
            report.Assessment.Select(t => Change(Topic.DisplayName(t.Topic), t.Change)).ToList(),
            Change("All topics", report.OverallAssessment),
            report.TopicGaps.Select(g => new ReportValueView(Topic.DisplayName(g.Id), g.Correct.Percent)).ToList(),
            report.IndicatorGaps.Select(g => new ReportValueView(IndicatorName(g.Id), g.Correct.Percent)).ToList(),
            report.ConfidentButWrong.Percent,
            report.RetentionNow.Percent);
    }

    public static string WeekLabel(WeekActivity week)
    {
        ArgumentNullException.ThrowIfNull(week);
        return $"Week {week.Number.ToString(CultureInfo.InvariantCulture)} ({week.From.ToString("d MMM", CultureInfo.InvariantCulture)})";
    }

    /// <summary>An indicator id such as <c>debt-bondage</c> as words: "Debt bondage".</summary>
    public static string IndicatorName(string indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        var words = indicator.Replace('-', ' ').Replace('_', ' ').Trim();
        return words.Length == 0 ? indicator : char.ToUpperInvariant(words[0]) + words[1..];
    }

    private static ReportComparisonView Comparison(TopicProficiency row) =>
        new(row.Topic is null ? "All topics" : Topic.DisplayName(row.Topic), row.FirstAnswer.Percent, row.Now.Percent);

    private static ReportChangeView Change(string label, ReportChange change) =>
        new(label, change.Before * 100, change.After * 100, change.ChangePoints, change.LearnersWithBoth);

    private static string Date(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
