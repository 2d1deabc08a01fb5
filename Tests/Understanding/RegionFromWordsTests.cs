namespace Beacon.Tests.Understanding;

using Beacon.Dialogs.Intents;

/// <summary>A place named in the message picks the pack region; the longest name wins; names that are also words need place context.</summary>
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
    [InlineData("a girl in Cebu is abused online", "PH")]
    [InlineData("fishermen from Davao", "PH")]
    [InlineData("kilns in Tamil Nadu", "IN")]
    [InlineData("a factory in Ludhiana", "IN")]
    [InlineData("a maid in Joburg", "ZA")]
    [InlineData("Soweto", "ZA")]
    [InlineData("promised a job by a madam in Benin City", "NG")]
    [InlineData("a girl in Kisumu", "KE")]
    [InlineData("strawberry pickers in Huelva", "ES")]
    [InlineData("car wash in Queens NY", "US")]
    [InlineData("a farm near Bundaberg", "AU")]
    [InlineData("girl in Philly", "US")]
    [InlineData("a lad in Brum", "UK")]
    [InlineData("NYC", "US")]
    [InlineData("backpackers on the Gold Coast", "AU")]
    [InlineData("a maid in Singapore", "SG")]
    [InlineData("in Holland", "NL")]
    [InlineData("in Deutschland", "DE")]
    [InlineData("in the States", "US")]
    [InlineData("in GB who do I call", "UK")]
    [InlineData("in Dubai", "INTL")]
    public void Cities_provinces_and_nicknames_of_every_pack_region_are_known(string text, string expected) =>
        Assert.Equal(expected, regions.RegionCode(text));

    [Theory]
    [InlineData("Portland, OR", "US")]
    [InlineData("Im in NY and a worker cant leave", "US")]
    [InlineData("Im from LA", "US")]
    [InlineData("Im in FL", "US")]
    [InlineData("Canberra ACT", "AU")]
    [InlineData("who do i call in the ACT", "AU")]
    [InlineData("FL - a massage parlor open all night", "US")]
    public void A_state_abbreviation_in_capitals_in_place_context_is_read(string text, string expected) =>
        Assert.Equal(expected, regions.RegionCode(text));

    [Theory]
    [InlineData("la la la")]
    [InlineData("or maybe not")]
    [InlineData("me and my friend")]
    [InlineData("hi there")]
    [InlineData("ok thanks")]
    [InlineData("oh no")]
    [InlineData("in a meeting")]
    [InlineData("I'm IN")]
    [InlineData("OK - so a worker says he owes money")]
    [InlineData("HELP US, I'M IN TROUBLE OR SOMETHING")]
    [InlineData("NY")]
    public void Small_words_that_are_abbreviations_are_not_places_without_capitals_and_context(string text) =>
        Assert.Null(regions.RegionCode(text));

    [Theory]
    [InlineData("worker in Seattle, WA", "US")]
    [InlineData("farm near Yakima WA", "US")]
    [InlineData("Perth WA", "AU")]
    [InlineData("worker in Bunbury, WA", "AU")]
    [InlineData("Im in WA", "AU")]
    public void WA_is_Washington_after_a_US_city_and_Western_Australia_after_an_Australian_one(string text, string expected) =>
        Assert.Equal(expected, regions.RegionCode(text));

    [Theory]
    [InlineData("a farmworker in Georgia", "US")]
    [InlineData("Atlanta, Georgia", "US")]
    [InlineData("in the country of Georgia", "INTL")]
    [InlineData("Georgia the country", "INTL")]
    [InlineData("a woman in Tbilisi, Georgia", "INTL")]
    [InlineData("a nail salon in Jersey", "US")]
    [InlineData("in New Jersey", "US")]
    [InlineData("St Helier, Jersey", "INTL")]
    [InlineData("in Victoria", "AU")]
    [InlineData("Melbourne, Victoria", "AU")]
    [InlineData("Victoria BC", "CA")]
    [InlineData("Victoria station in London", "UK")]
    public void Georgia_Jersey_and_Victoria_follow_their_context(string text, string expected) =>
        Assert.Equal(expected, regions.RegionCode(text));

    [Theory]
    [InlineData("Georgia said she is made to work for nothing")]
    [InlineData("Victoria told me her boss keeps her passport")]
    [InlineData("Jordan told me he cant leave")]
    [InlineData("Chad said he owes money")]
    [InlineData("had turkey for dinner")]
    [InlineData("put on my jersey")]
    public void A_first_name_or_word_that_is_also_a_place_is_not_one_without_place_context(string text) =>
        Assert.Null(regions.RegionCode(text));

    [Theory]
    [InlineData("a man in Reading is picked up in a van", "UK")]
    [InlineData("a hotel in Bath", "UK")]
    [InlineData("a maid in Nice", "FR")]
    [InlineData("a boat in Split", "EU")]
    [InlineData("farmworkers in Mobile", "US")]
    [InlineData("a shed in Deal, Kent", "UK")]
    [InlineData("in Chester a car wash", "UK")]
    public void An_everyday_word_is_a_place_capitalised_after_a_place_preposition(string text, string expected) =>
        Assert.Equal(expected, regions.RegionCode(text));

    [Theory]
    [InlineData("reading this made me worried")]
    [InlineData("Reading the module now")]
    [InlineData("in reading group")]
    [InlineData("a bath")]
    [InlineData("nice one")]
    [InlineData("it would be nice to know")]
    [InlineData("they split the money")]
    [InlineData("on mobile")]
    [InlineData("a kid forced to deal drugs")]
    [InlineData("In March they took her passport")]
    [InlineData("see you in March")]
    public void An_everyday_word_is_not_a_place_in_lower_case_or_without_a_preposition(string text) =>
        Assert.Null(regions.RegionCode(text));

    [Theory]
    [InlineData("Cambridge, MA", "US")]
    [InlineData("a cleaner in Cambridge", "UK")]
    [InlineData("farm in London, Ontario", "CA")]
    [InlineData("Perth, Scotland", "UK")]
    [InlineData("in Perth", "AU")]
    [InlineData("Birmingham, Alabama", "US")]
    [InlineData("in Hamilton NZ", "NZ")]
    public void A_name_shared_by_two_countries_takes_the_one_the_message_agrees_with(string text, string expected) =>
        Assert.Equal(expected, regions.RegionCode(text));

    [Theory]
    [InlineData("a girl from Vietnam works in a nail bar in Leeds", "UK")]
    [InlineData("a woman from Mexico is working in Texas", "US")]
    [InlineData("a woman in Bucharest was promised a job in the UK", "EU")]
    [InlineData("a woman in Bucharest was promised a job in Europe", "EU")]
    [InlineData("a girl from Edo state now in Italy", "EU")]
    public void Where_the_person_is_wins_over_where_they_came_from(string text, string expected) =>
        Assert.Equal(expected, regions.RegionCode(text));

    [Theory]
    [InlineData("a car wash in londn", "UK")]
    [InlineData("from the phillipines", "PH")]
    [InlineData("who do i call in new zeland", "NZ")]
    [InlineData("im in austrailia", "AU")]
    [InlineData("in irland", "IE")]
    public void A_misspelt_place_after_a_place_preposition_is_read(string text, string expected) =>
        Assert.Equal(expected, regions.RegionCode(text));

    [Theory]
    [InlineData("I'm hungry")]
    [InlineData("I help out at the food bank")]
    [InlineData("somone is being forsed to work")]
    [InlineData("from someone at work")]
    [InlineData("Kindly advise whom to contact regarding a case")]
    [InlineData("in danger")]
    [InlineData("in contact with them")]
    [InlineData("quiz me on the Palermo protocol")]
    public void Typos_are_not_read_into_ordinary_words_and_named_things_are_not_places(string text) =>
        Assert.Null(regions.RegionCode(text));

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
