namespace Beacon.Bot.Campaigns;

using System.Globalization;
using System.Text;
using Beacon.Dialogs.Presentation;
using Beacon.Training.Campaigns.Reports;
using Beacon.Training.Content;

/// <summary>
/// A campaign report as one long CSV table (section, item, measure, value, learners, suppressed, note),
/// easy to filter and pivot in a spreadsheet. A suppressed figure has an empty value and learner count,
/// suppressed = true and the note "fewer than 5 learners"; a banded share (at or next to 0% or 100%) has an
/// empty value, its learner count and the band's words as the note. The individual section is written only when
/// the report holds individual results (the tenant allowed them).
/// </summary>
public static class CampaignReportCsv
{
    public const string Header = "section,item,measure,value,learners,suppressed,note";

    /// <summary>The note of a change not shown because a score it comes from is banded.</summary>
    public const string BandedChange = "not shown: a score is given in words";

    public static string Write(CampaignReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new StringBuilder().Append(Header).Append("\r\n");
        var rows = new Rows(csv);

        rows.Text("campaign", report.Name, "period", $"{Iso(report.StartDate)} to {Iso(report.EndDate)}");
        rows.Text("campaign", report.Name, "generated_at", report.GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        rows.Count("campaign", report.Name, "audience", report.AudienceSize);
        foreach (var week in report.Weeks)
        {
            var label = CampaignReportViews.WeekLabel(week);
            rows.Share("participation", label, "took_part_percent", week.Participation);
            rows.Share("participation", label, "sessions_completed_percent", week.Completion);
        }

        foreach (var row in report.Proficiency.Append(report.OverallProficiency))
        {
            var label = row.Topic is null ? "All topics" : Topic.DisplayName(row.Topic);
            rows.Share("proficiency", label, "first_answer_right_percent", row.FirstAnswer);
            rows.Share("proficiency", label, "latest_answer_right_percent", row.Now);
        }

        foreach (var (label, change) in report.Assessment.Select(t => (Topic.DisplayName(t.Topic), t.Change)).Append(("All topics", report.OverallAssessment)))
        {
            rows.Share("assessment", label, "before_percent", change.BeforeShare);
            rows.Share("assessment", label, "after_percent", change.AfterShare);
            rows.Change("assessment", label, "change_points", change);
            rows.Count("assessment", label, "learners_who_took_both", change.LearnersWithBoth);
        }

        foreach (var gap in report.TopicGaps)
        {
            rows.Share("gap_by_topic", Topic.DisplayName(gap.Id), "answered_right_percent", gap.Correct);
        }

        foreach (var gap in report.IndicatorGaps)
        {
            rows.Share("gap_by_indicator", CampaignReportViews.IndicatorName(gap.Id), "answered_right_percent", gap.Correct);
        }

        rows.Share("confidence", "All answers", "sure_but_wrong_percent", report.ConfidentButWrong);
        rows.Share("retention", "Campaign questions", "estimated_retention_now_percent", report.RetentionNow);

        foreach (var person in report.Individuals)
        {
            var name = person.DisplayName ?? person.LearnerId;
            rows.Individual(name, "answered", person.Answered);
            rows.Individual(name, "answered_right", person.Correct);
            rows.Individual(name, "sure_but_wrong", person.ConfidentButWrong);
            rows.Individual(name, "sessions_completed", person.SessionsCompleted);
            rows.Individual(name, "pre_assessment_percent", person.PreScore * 100);
            rows.Individual(name, "post_assessment_percent", person.PostScore * 100);
        }

        return csv.ToString();
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed class Rows(StringBuilder csv)
    {
        public void Text(string section, string item, string measure, string value) =>
            Add(section, item, measure, Cell(value), string.Empty, suppressed: false);

        public void Count(string section, string item, string measure, int? count) =>
            Figure(section, item, measure, count?.ToString(CultureInfo.InvariantCulture), count);

        public void Share(string section, string item, string measure, ReportShare share)
        {
            if (ReportPrivacy.Text(share.Band) is { } band)
            {
                Add(section, item, measure, string.Empty, Learners(share.Learners), suppressed: false, band);
            }
            else
            {
                Figure(section, item, measure, Number(share.Percent), share.Learners);
            }
        }

        public void Change(string section, string item, string measure, ReportChange change)
        {
            if (change.BeforeShare.IsBanded || change.AfterShare.IsBanded)
            {
                Add(section, item, measure, string.Empty, Learners(change.LearnersWithBoth), suppressed: false, BandedChange);
            }
            else
            {
                Figure(section, item, measure, Number(change.ChangePoints), change.LearnersWithBoth);
            }
        }

        public void Individual(string name, string measure, int count) =>
            Add("individual", name, measure, count.ToString(CultureInfo.InvariantCulture), "1", suppressed: false);

        public void Individual(string name, string measure, double? percent) =>
            Add("individual", name, measure, Number(percent) ?? string.Empty, "1", suppressed: false);

        private void Figure(string section, string item, string measure, string? value, int? learners)
        {
            if (string.IsNullOrEmpty(value) || learners is null)
            {
                Add(section, item, measure, string.Empty, string.Empty, suppressed: true);
            }
            else
            {
                Add(section, item, measure, value, learners.Value.ToString(CultureInfo.InvariantCulture), suppressed: false);
            }
        }

        private void Add(string section, string item, string measure, string value, string learners, bool suppressed, string? note = null) =>
            csv.AppendJoin(',', section, Cell(item), measure, value, learners, suppressed ? "true" : "false", suppressed ? ReportPrivacy.SuppressedText : note ?? string.Empty)
               .Append("\r\n");

        private static string Learners(int? learners) => learners?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

        private static string? Number(double? value) =>
            value is { } v ? Math.Round(v, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture) : null;

        /// <summary>
        /// A text cell: quoted when it holds a comma, quote or line break; a leading =, +, -, @ or tab
        /// is neutralised with an apostrophe so a spreadsheet never runs it as a formula.
        /// </summary>
        private static string Cell(string text)
        {
            var safe = text.Length > 0 && "=+-@\t\r".Contains(text[0], StringComparison.Ordinal) ? "'" + text : text;
            return safe.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
        }
    }
}
