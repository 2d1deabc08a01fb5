namespace Beacon.Training.Content;

/// <summary>
/// What the pack is checked against besides its own text: the day it is checked on (for the
/// regions' <c>review_by</c> dates) and whether a region long past its review may still be served.
/// </summary>
public sealed record ContentLoadOptions(DateOnly Today, bool AllowOverdueRegions = false)
{
    /// <summary>A region is flagged (warning) this many days before its review-by date.</summary>
    public const int WarnDaysBefore = 30;

    /// <summary>A region more than this many days past its review-by date is an error, unless allowed.</summary>
    public const int RefuseAfterDays = 180;

    /// <summary>Today in UTC by <paramref name="time"/>.</summary>
    public static ContentLoadOptions On(TimeProvider time, bool allowOverdueRegions = false)
    {
        ArgumentNullException.ThrowIfNull(time);
        return new ContentLoadOptions(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), allowOverdueRegions);
    }
}
