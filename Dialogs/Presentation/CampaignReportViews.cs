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
            report.Weeks.Select(w => new ReportWeekView(
                WeekLabel(w), w.Participation.Percent, w.Completion.Percent, Band(w.Participation), Band(w.Completion))).ToList(),
            report.Proficiency.Select(Comparison).ToList(),
            Comparison(report.OverallProficiency),
            report.Assessment.Select(t => Change(Topic.DisplayName(t.Topic), t.Change)).ToList(),
            Change("All topics", report.OverallAssessment),
            report.TopicGaps.Select(g => new ReportValueView(Topic.DisplayName(g.Id), g.Correct.Percent, Band(g.Correct))).ToList(),
            report.IndicatorGaps.Select(g => new ReportValueView(IndicatorName(g.Id), g.Correct.Percent, Band(g.Correct))).ToList(),
            report.ConfidentButWrong.Percent,
            report.RetentionNow.Percent,
            Band(report.ConfidentButWrong));
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

    /// <summary>The words of a banded share ("all or nearly all"), null when it is a number or suppressed.</summary>
    public static string? Band(ReportShare share)
    {
        ArgumentNullException.ThrowIfNull(share);
        return ReportPrivacy.Text(share.Band);
    }

    private static ReportComparisonView Comparison(TopicProficiency row) =>
        new(row.Topic is null ? "All topics" : Topic.DisplayName(row.Topic), row.FirstAnswer.Percent, row.Now.Percent, Band(row.FirstAnswer), Band(row.Now));

    private static ReportChangeView Change(string label, ReportChange change) =>
        new(label, change.Before * 100, change.After * 100, change.ChangePoints, change.LearnersWithBoth, Band(change.BeforeShare), Band(change.AfterShare));

    private static string Date(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
