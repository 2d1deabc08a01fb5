namespace Beacon.Tests.Understanding;

using Beacon.Dialogs.Intents;

/// <summary>A place named in the message picks the pack region; the longest name wins.</summary>
public class RegionFromWordsTests
{
    private readonly RegionFromWords regions = new(UnderstandingFiles.Pack);

    [Theory]
    [InlineData("I'm in the UK, who do I call?", "UK")]
    [InlineData("modern slavery in Britain", "UK")]
    [InlineData("who do I call in England", "UK")]
    [InlineData("I'm in Scotland", "UK")]
    [InlineData("worried about a worker in Wales", "UK")]
    [InlineData("I live in Northern Ireland", "UK")]
    [InlineData("a car wash in Manchester", "UK")]
    [InlineData("who do I call in Ireland", "IE")]
    [InlineData("in Dublin", "IE")]
    [InlineData("how do I report trafficking in Canada", "CA")]
    [InlineData("I'm in Toronto", "CA")]
    [InlineData("farm in British Columbia", "CA")]
    [InlineData("in Australia", "AU")]
    [InlineData("a worker in New South Wales", "AU")]
    [InlineData("in New Zealand", "NZ")]
    [InlineData("Auckland", "NZ")]
    [InlineData("I'm in Texas", "US")]
    [InlineData("in New Mexico", "US")]
    [InlineData("in the US", "US")]
    [InlineData("in Puerto Rico", "US")]
    [InlineData("Guam", "US")]
    [InlineData("the US Virgin Islands", "US")]
    [InlineData("American Samoa", "US")]
    [InlineData("Northern Mariana Islands", "US")]
    [InlineData("in Germany", "DE")]
    [InlineData("Paris", "FR")]
    [InlineData("Lisbon, Portugal", "EU")]
    [InlineData("anywhere in the EU", "EU")]
    [InlineData("in Poland", "EU")]
    [InlineData("Who do I call in BC?", "CA")]
    [InlineData("I'm in India", "IN")]
    [InlineData("Norway", "INTL")]
    [InlineData("Switzerland", "INTL")]
    [InlineData("in Mexico", "MX")]
    public void A_named_place_picks_its_region(string text, string expected) =>
        Assert.Equal(expected, regions.RegionCode(text));

    [Theory]
    [InlineData("who do I call")]
    [InlineData("can you help us")]
    [InlineData("I can't leave bc they have my passport")]
    [InlineData("report")]
    [InlineData("")]
    [InlineData(null)]
    public void No_place_named_means_no_region(string? text) =>
        Assert.Null(regions.RegionCode(text));

    [Theory]
    [InlineData("PR")]
    [InlineData("GU")]
    [InlineData("VI")]
    [InlineData("AS")]
    [InlineData("MP")]
    public void A_US_territory_gets_911_and_the_US_hotline(string country)
    {
        var region = UnderstandingFiles.Pack.ResolveRegion(country, null);

        Assert.Equal("US", region.Code);
        Assert.Equal("911", region.Emergency.Number);
        Assert.Contains(region.Lines, line => line.Phone == "1-888-373-7888");
    }
}
