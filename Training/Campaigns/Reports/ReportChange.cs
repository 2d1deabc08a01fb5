namespace Beacon.Training.Campaigns.Reports;

/// <summary>
/// Pre- and post-assessment scores of the learners who took both, and the change in percentage
/// points. Everything is null when fewer than <see cref="ReportPrivacy.MinimumLearners"/> took both.
/// </summary>
public sealed record ReportChange
{
    private ReportChange(double? before, double? after, int? learnersWithBoth)
    {
        Before = before;
        After = after;
        LearnersWithBoth = learnersWithBoth;
    }

    public static ReportChange Suppressed { get; } = new(null, null, null);

    /// <summary>Share correct before (0 to 1).</summary>
    public double? Before { get; }

    /// <summary>Share correct after (0 to 1).</summary>
    public double? After { get; }

    public int? LearnersWithBoth { get; }

    public bool IsSuppressed => LearnersWithBoth is null;

    /// <summary>After minus before, in percentage points.</summary>
    public double? ChangePoints => (After - Before) * 100;

    public static ReportChange Of(int correctBefore, int answeredBefore, int correctAfter, int answeredAfter, int learnersWithBoth) =>
        ReportPrivacy.CanShow(learnersWithBoth) && answeredBefore > 0 && answeredAfter > 0
            ? new ReportChange((double)correctBefore / answeredBefore, (double)correctAfter / answeredAfter, learnersWithBoth)
            : Suppressed;
}
