namespace Beacon.Training.Content;

using Beacon.Training.Content.Yaml;

/// <summary>
/// A region's numbers go stale: <c>review_by</c> says when they must be checked again. Missing or
/// near is a warning, more than <see cref="ContentLoadOptions.RefuseAfterDays"/> days past is an
/// error (the bot will not start on it) unless the operator allows overdue regions.
/// </summary>
public static partial class ContentValidator
{
    private static void CheckReviewBy(Run run, Scope s, RegionDto region, ContentLoadOptions options)
    {
        const string Field = "review_by";
        var line = region.LineOf(Field);
        if (IsBlank(region.ReviewBy))
        {
            run.Warn(ContentRules.RegionReview, s, Field, line, "review_by is missing: add the date (yyyy-mm-dd) by which this region's numbers must be checked again");
            return;
        }

        if (!TryParseDate(region.ReviewBy, out var reviewBy))
        {
            run.Add(ContentRules.RegionReview, s, Field, line, $"review_by '{region.ReviewBy}' is not a date written yyyy-mm-dd");
            return;
        }

        var daysLeft = reviewBy.DayNumber - options.Today.DayNumber;
        if (daysLeft > ContentLoadOptions.WarnDaysBefore)
        {
            return;
        }

        if (daysLeft >= 0)
        {
            run.Warn(ContentRules.RegionReview, s, Field, line, Invariant($"review due on {reviewBy:yyyy-MM-dd} (in {daysLeft} days): check the numbers and sources again, then set verified and review_by"));
            return;
        }

        var overdue = -daysLeft;
        if (overdue <= ContentLoadOptions.RefuseAfterDays)
        {
            run.Warn(ContentRules.RegionReview, s, Field, line, Invariant($"review was due on {reviewBy:yyyy-MM-dd} ({overdue} days ago): check the numbers and sources again; after {ContentLoadOptions.RefuseAfterDays} days the bot will not start on this region"));
        }
        else if (options.AllowOverdueRegions)
        {
            run.Warn(ContentRules.RegionReview, s, Field, line, Invariant($"review was due on {reviewBy:yyyy-MM-dd} ({overdue} days ago); served only because overdue regions are allowed"));
        }
        else
        {
            run.Add(ContentRules.RegionReview, s, Field, line, Invariant($"review was due on {reviewBy:yyyy-MM-dd} ({overdue} days ago, more than {ContentLoadOptions.RefuseAfterDays}): check the numbers and sources and set a new review_by, or allow overdue regions (content validate --allow-overdue-regions; Content:AllowOverdueRegions=true for the bot)"));
        }
    }
}
