namespace Beacon.Cards.Views;

/// <summary>
/// A campaign report as the card shows it. Percentages are 0 to 100; null always means the figure
/// covers fewer than 5 learners and is not shown. No field ever names or counts one person.
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
    double? RetentionPercent);

/// <summary>One campaign week: share of the audience who answered, share of sessions completed.</summary>
public sealed record ReportWeekView(string Label, double? ParticipationPercent, double? CompletionPercent);

/// <summary>Share correct at the first answer to each item and at the latest.</summary>
public sealed record ReportComparisonView(string Label, double? FirstPercent, double? NowPercent);

/// <summary>Pre- and post-assessment scores of the learners who took both.</summary>
public sealed record ReportChangeView(string Label, double? BeforePercent, double? AfterPercent, double? ChangePoints, int? LearnersWithBoth);

public sealed record ReportValueView(string Label, double? Percent);
