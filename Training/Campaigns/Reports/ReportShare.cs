namespace Beacon.Training.Campaigns.Reports;

/// <summary>
/// A share (0 to 1) and how many distinct learners it covers. When it covers fewer than
/// <see cref="ReportPrivacy.MinimumLearners"/>, neither the share nor the count is kept; when it is at
/// or next to 0% or 100% (and the report is <see cref="ReportDetail.Banded"/>), only its <see cref="Band"/> is.
/// </summary>
public sealed record ReportShare
{
    private ReportShare(double? value, int? learners, ReportBand band)
    {
        Value = value;
        Learners = learners;
        Band = band;
    }

    public static ReportShare Suppressed { get; } = new(null, null, ReportBand.None);

    /// <summary>Null when suppressed or banded.</summary>
    public double? Value { get; }

    /// <summary>Distinct learners the share covers; null when suppressed.</summary>
    public int? Learners { get; }

    /// <summary>Set when the share is shown as words instead of a number.</summary>
    public ReportBand Band { get; }

    public bool IsSuppressed => Learners is null;

    public bool IsBanded => Band != ReportBand.None;

    /// <summary>The share in percent (0 to 100), null when suppressed or banded.</summary>
    public double? Percent => Value * 100;

    /// <summary>Where the share sorts: its value, a band at its end of the scale.</summary>
    public double? SortValue => Band switch
    {
        ReportBand.NoneOrAlmostNone => 0,
        ReportBand.AllOrNearlyAll => 1,
        _ => Value,
    };

    /// <summary><paramref name="part"/> of <paramref name="whole"/>, covering <paramref name="learners"/> distinct learners.</summary>
    public static ReportShare Of(int part, int whole, int learners, ReportDetail detail)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(part);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(part, whole);
        if (!ReportPrivacy.CanShow(learners) || whole == 0)
        {
            return Suppressed;
        }

        var band = ReportPrivacy.BandOf(part, whole, detail);
        return new ReportShare(band == ReportBand.None ? (double)part / whole : null, learners, band);
    }

    /// <summary>The mean of values in [0, 1], covering <paramref name="learners"/> distinct learners (estimates, never banded).</summary>
    public static ReportShare Mean(IReadOnlyCollection<double> values, int learners)
    {
        ArgumentNullException.ThrowIfNull(values);
        return ReportPrivacy.CanShow(learners) && values.Count > 0 ? new ReportShare(Math.Clamp(values.Average(), 0, 1), learners, ReportBand.None) : Suppressed;
    }
}
