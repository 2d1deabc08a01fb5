namespace Beacon.Training.Campaigns.Reports;

/// <summary>
/// Pre- and post-assessment scores of the learners who took both, and the change in percentage
/// points. Everything is null when fewer than <see cref="ReportPrivacy.MinimumLearners"/> took both;
/// a score at or next to 0% or 100% is only a band, and then the change is not shown either (it would give the score away).
/// </summary>
public sealed record ReportChange
{
    private ReportChange(ReportShare before, ReportShare after, int? learnersWithBoth)
    {
        BeforeShare = before;
        AfterShare = after;
        LearnersWithBoth = learnersWithBoth;
    }

    public static ReportChange Suppressed { get; } = new(ReportShare.Suppressed, ReportShare.Suppressed, null);

    public ReportShare BeforeShare { get; }

    public ReportShare AfterShare { get; }

    /// <summary>Share correct before (0 to 1).</summary>
    public double? Before => BeforeShare.Value;

    /// <summary>Share correct after (0 to 1).</summary>
    public double? After => AfterShare.Value;

    public int? LearnersWithBoth { get; }

    public bool IsSuppressed => LearnersWithBoth is null;

    /// <summary>After minus before, in percentage points.</summary>
    public double? ChangePoints => (After - Before) * 100;

    public static ReportChange Of(int correctBefore, int answeredBefore, int correctAfter, int answeredAfter, int learnersWithBoth, ReportDetail detail) =>
        ReportPrivacy.CanShow(learnersWithBoth) && answeredBefore > 0 && answeredAfter > 0
            ? new ReportChange(
                ReportShare.Of(correctBefore, answeredBefore, learnersWithBoth, detail),
                ReportShare.Of(correctAfter, answeredAfter, learnersWithBoth, detail),
                learnersWithBoth)
            : Suppressed;
}
