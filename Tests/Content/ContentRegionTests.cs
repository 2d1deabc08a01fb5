namespace Beacon.Tests.Content;

using Beacon.Training.Content;

/// <summary>Region: Teams clientInfo country, else the tenant default, else the international fallback.</summary>
public class ContentRegionTests
{
    private static readonly ContentPack Pack = Fixtures.Load("valid").Pack!;

    [Theory]
    [InlineData("US", null, "US")]
    [InlineData("us", null, "US")]
    [InlineData("PR", null, "US")]
    [InlineData("US", "INTL", "US")]
    [InlineData("FR", "US", "US")]
    [InlineData(null, "US", "US")]
    [InlineData("FR", null, "INTL")]
    [InlineData(null, null, "INTL")]
    [InlineData("FR", "XX", "INTL")]
    public void Resolves_country_then_tenant_default_then_fallback(string? country, string? tenantDefault, string expected)
    {
        Assert.Equal(expected, Pack.ResolveRegion(country, tenantDefault).Code);
    }

    [Fact]
    public void Every_region_has_an_emergency_number_and_a_sourced_verified_line()
    {
        Assert.All(Pack.Regions, region =>
        {
            Assert.False(string.IsNullOrWhiteSpace(region.Emergency.Number));
            Assert.Equal(Uri.UriSchemeHttps, region.Emergency.Source.Url.Scheme);
            Assert.NotEmpty(region.Lines);
            Assert.All(region.Lines, line =>
            {
                Assert.True(line.Phone is not null || line.Text is not null || line.Web is not null);
                Assert.Equal(Uri.UriSchemeHttps, line.Source.Url.Scheme);
                Assert.NotEqual(default, line.Verified);
            });
        });
    }
}
