namespace Beacon.Training.Campaigns.Reports;

/// <summary>
/// A share (0 to 1) and how many distinct learners it covers. When it covers fewer than
/// <see cref="ReportPrivacy.MinimumLearners"/>, neither the share nor the count is kept.
/// </summary>
public sealed record ReportShare
{
    private ReportShare(double? value, int? learners)
    {
        Value = value;
        Learners = learners;
    }

    public static ReportShare Suppressed { get; } = new(null, null);

    /// <summary>Null when suppressed.</summary>
    public double? Value { get; }

    /// <summary>Distinct learners the share covers; null when suppressed.</summary>
    public int? Learners { get; }

    public bool IsSuppressed => Value is null;

    /// <summary>The share in percent (0 to 100), null when suppressed.</summary>
    public double? Percent => Value * 100;

    /// <summary><paramref name="part"/> of <paramref name="whole"/>, covering <paramref name="learners"/> distinct learners.</summary>
    public static ReportShare Of(int part, int whole, int learners)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(part);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(part, whole);
        return ReportPrivacy.CanShow(learners) && whole > 0 ? new ReportShare((double)part / whole, learners) : Suppressed;
    }

    /// <summary>The mean of values in [0, 1], covering <paramref name="learners"/> distinct learners.</summary>
    public static ReportShare Mean(IReadOnlyCollection<double> values, int learners)
    {
        ArgumentNullException.ThrowIfNull(values);
        return ReportPrivacy.CanShow(learners) && values.Count > 0 ? new ReportShare(Math.Clamp(values.Average(), 0, 1), learners) : Suppressed;
    }
}
