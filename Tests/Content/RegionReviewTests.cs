namespace Beacon.Tests.Content;

using Beacon.Bot.Cli;
using Beacon.Training.Content;
using Microsoft.Extensions.Time.Testing;

/// <summary>
/// A region's review_by date: a warning from 30 days before it until 180 days after it, then an
/// error (no pack, so the bot does not start) unless overdue regions are allowed.
/// </summary>
public class RegionReviewTests
{
    private const string RegionsFile = "reporting/regions.yaml";

    private static readonly DateOnly ReviewBy = new(2027, 6, 30);

    [Theory]
    [InlineData(-31)]
    [InlineData(-400)]
    public void Region_further_than_30_days_from_its_review_has_no_problem(int daysFromReview)
    {
        var result = LoadOn(ReviewBy.AddDays(daysFromReview));

        Assert.True(result.IsValid, Fixtures.Describe(result.Problems));
        Assert.Empty(result.Problems);
    }

    [Theory]
    [InlineData(-30, "in 30 days")]
    [InlineData(0, "in 0 days")]
    [InlineData(1, "1 days ago")]
    [InlineData(180, "180 days ago")]
    public void Region_near_or_recently_past_its_review_is_a_warning_and_the_pack_is_served(int daysFromReview, string expected)
    {
        var result = LoadOn(ReviewBy.AddDays(daysFromReview));

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ContentRules.RegionReview, problem.Rule);
        Assert.Equal(ContentSeverity.Warning, problem.Severity);
        Assert.Equal(("US", "review_by"), (problem.ItemId, problem.Field));
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
        Assert.NotNull(result.Pack);
        Assert.Equal(ReviewBy, result.Pack.FindRegion("US")!.ReviewBy);
    }

    [Fact]
    public void Region_more_than_180_days_past_its_review_is_an_error_and_no_pack_is_served()
    {
        var result = LoadOn(ReviewBy.AddDays(181));

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ContentRules.RegionReview, problem.Rule);
        Assert.Equal(ContentSeverity.Error, problem.Severity);
        Assert.Equal(RegionsFile, problem.File);
        Assert.Contains("181 days ago", problem.Message, StringComparison.Ordinal);
        Assert.Null(result.Pack);
    }

    [Fact]
    public void Overdue_region_is_only_a_warning_when_allowed()
    {
        var result = LoadOn(ReviewBy.AddDays(181), allowOverdue: true);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ContentSeverity.Warning, problem.Severity);
        Assert.Contains("allowed", problem.Message, StringComparison.Ordinal);
        Assert.NotNull(result.Pack);
    }

    [Fact]
    public void Bot_start_up_refuses_an_overdue_region_unless_allowed()
    {
        using var pack = PackReviewedBy(ReviewBy);
        var time = new FakeTimeProvider(new DateTimeOffset(ReviewBy.AddDays(200), TimeOnly.MinValue, TimeSpan.Zero));

        var refused = Assert.Throws<InvalidContentPackException>(() => ContentPackLoader.LoadOrThrow(pack.Directory, ContentLoadOptions.On(time)));
        var served = ContentPackLoader.LoadOrThrow(pack.Directory, ContentLoadOptions.On(time, allowOverdueRegions: true));

        Assert.Contains(refused.Problems, p => p.Rule == ContentRules.RegionReview);
        Assert.Equal(ReviewBy, served.FindRegion("US")!.ReviewBy);
    }

    [Fact]
    public void Missing_review_by_is_a_warning()
    {
        using var pack = Fixtures.Copy("valid");
        pack.Replace(RegionsFile, "    review_by: 2099-12-31\n", string.Empty);

        var result = ContentPackLoader.Load(pack.Directory, options: new ContentLoadOptions(ReviewBy));

        var problem = Assert.Single(result.Problems);
        Assert.Equal((ContentRules.RegionReview, ContentSeverity.Warning, "US"), (problem.Rule, problem.Severity, problem.ItemId));
        Assert.Contains("missing", problem.Message, StringComparison.Ordinal);
        Assert.Null(result.Pack!.FindRegion("US")!.ReviewBy);
    }

    [Fact]
    public void Review_by_that_is_not_a_date_is_an_error()
    {
        using var pack = Fixtures.Copy("valid");
        pack.Replace(RegionsFile, "review_by: 2099-12-31", "review_by: 30/06/2027");

        var problem = Assert.Single(ContentPackLoader.Load(pack.Directory, options: new ContentLoadOptions(ReviewBy)).Problems);

        Assert.Equal((ContentRules.RegionReview, ContentSeverity.Error), (problem.Rule, problem.Severity));
        Assert.Contains("yyyy-mm-dd", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Content_validate_allows_an_overdue_region_only_with_the_flag()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var pack = Fixtures.Pack(ContentRules.RegionReview);

        var refused = ContentCommand.Run(["content", "validate", pack], output, error);
        var allowed = ContentCommand.Run(["content", "validate", pack, "--allow-overdue-regions"], output, error);

        Assert.Equal(ContentCommand.Invalid, refused);
        Assert.Equal(ContentCommand.Ok, allowed);
        Assert.Contains("warning: reporting/regions.yaml: US: review_by:", output.ToString(), StringComparison.Ordinal);
    }

    private static ContentLoadResult LoadOn(DateOnly today, bool allowOverdue = false)
    {
        using var pack = PackReviewedBy(ReviewBy);
        return ContentPackLoader.Load(pack.Directory, options: new ContentLoadOptions(today, allowOverdue));
    }

    /// <summary>The valid fixture with the US region's review_by set to <paramref name="reviewBy"/> (INTL stays far in the future).</summary>
    private static Fixtures.TempPack PackReviewedBy(DateOnly reviewBy)
    {
        var pack = Fixtures.Copy("valid");
        pack.Replace(RegionsFile, "review_by: 2099-12-31", "review_by: " + reviewBy.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        return pack;
    }
}
