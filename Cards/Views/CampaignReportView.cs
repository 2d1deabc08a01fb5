namespace Beacon.Cards.Views;

/// <summary>
/// A campaign report as the card shows it. Percentages are 0 to 100; a null percentage is either a
/// band (its words in the matching <c>…Band</c> field: "all or nearly all", "none or almost none") or,
/// with no band, a figure covering fewer than 5 learners. No field ever names or counts one person.
/// </summary>
public sealed record CampaignReportView(
    string CampaignName,
    string Period,
    int? AudienceSize,
    IReadOnlyList<ReportWeekView> Weeks,
    IReadOnlyList<ReportComparisonView> Proficiency,
    ReportComparisonView OverallProficiency,
    IReadOnlyList<ReportChangeView> Assessment,
    ReportChangeView OverallAssessment,
    IReadOnlyList<ReportValueView> TopicGaps,
    IReadOnlyList<ReportValueView> IndicatorGaps,
    double? ConfidentButWrongPercent,
    double? RetentionPercent,
    string? ConfidentButWrongBand = null);

/// <summary>One campaign week: share of the audience who answered, share of sessions completed.</summary>
public sealed record ReportWeekView(
    string Label, double? ParticipationPercent, double? CompletionPercent, string? ParticipationBand = null, string? CompletionBand = null);

/// <summary>Share correct at the first answer to each item and at the latest.</summary>
public sealed record ReportComparisonView(string Label, double? FirstPercent, double? NowPercent, string? FirstBand = null, string? NowBand = null);

/// <summary>Pre- and post-assessment scores of the learners who took both; no change is shown when either score is a band.</summary>
public sealed record ReportChangeView(
    string Label, double? BeforePercent, double? AfterPercent, double? ChangePoints, int? LearnersWithBoth, string? BeforeBand = null, string? AfterBand = null);

public sealed record ReportValueView(string Label, double? Percent, string? Band = null);
