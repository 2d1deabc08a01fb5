namespace Beacon.Tests.Understanding;

using Beacon.Tests.Support;
using Beacon.Training.Learners;
using Beacon.Training.Ports;
using Microsoft.Extensions.DependencyInjection;
using static Beacon.Tests.Support.CardJsonQueries;

/// <summary>
/// Through the protocol (real HTTP, real composed bot): the place named in a message, else Teams'
/// clientInfo country, picks the emergency number and specialist line of the guidance.
/// </summary>
public sealed class RegionInTheWordsTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    private ConnectorSink sink = null!;
    private RunningBot bot = null!;

    public async Task InitializeAsync()
    {
        sink = await ConnectorSink.StartAsync();
        bot = await RunningBot.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await bot.DisposeAsync();
        await sink.DisposeAsync();
    }

    [Theory]
    [InlineData("I'm in the UK, who do I call?", "999", "08000 121 700")]
    [InlineData("how do I report modern slavery in Scotland", "999", "08000 121 700")]
    [InlineData("how do I report trafficking in Canada", "911", "1-833-900-1010")]
    [InlineData("who do I call in Ireland", "112", "1800 666 111")]
    [InlineData("a worker in Sydney says he can't leave, who do I tell", "000", "131 237")]
    [InlineData("who do i contact in new zealand about a possible trafficking case", "111", "0800 200 088")]
    public async Task A_country_named_in_the_message_gets_its_numbers_from_a_US_client(string text, string emergency, string line)
    {
        var texts = await GuidanceTextsAsync(new BotConversation(bot, sink) { Country = "US" }, text);

        Assert.Contains(texts, t => t.Contains(emergency, StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains(line, StringComparison.Ordinal));
        if (emergency != "911")
        {
            Assert.DoesNotContain(texts, t => t.Contains("911", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_Teams_client_in_GB_gets_999_for_a_bare_report()
    {
        var texts = await GuidanceTextsAsync(new BotConversation(bot, sink) { Country = "GB" }, "report");

        Assert.Contains(texts, t => t.Contains("call 999", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains("911", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("PR")]
    [InlineData("GU")]
    [InlineData("VI")]
    [InlineData("AS")]
    [InlineData("MP")]
    public async Task A_Teams_client_in_a_US_territory_gets_911_and_the_US_hotline(string country)
    {
        var texts = await GuidanceTextsAsync(new BotConversation(bot, sink) { Country = country }, "report");

        Assert.Contains(texts, t => t.Contains("call 911", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("1-888-373-7888", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_place_in_the_words_wins_over_the_Teams_country_for_that_reply_only()
    {
        var user = new BotConversation(bot, sink) { Country = "GB" };

        var named = await GuidanceTextsAsync(user, "who do I call in Puerto Rico");
        var next = await GuidanceTextsAsync(user, "report");

        Assert.Contains(named, t => t.Contains("1-888-373-7888", StringComparison.Ordinal));
        Assert.Contains(next, t => t.Contains("call 999", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_Teams_country_wins_over_a_saved_region()
    {
        var user = new BotConversation(bot, sink) { Country = "US", AadObjectId = "aad-saved-region" };
        await user.SayAsync("progress");
        await sink.NextAsync(Wait);
        var picked = await user.ExecuteAsync("reportRegion", new System.Text.Json.Nodes.JsonObject { ["region"] = "IE" });

        var texts = await GuidanceTextsAsync(user, "report");

        var saved = await bot.Services.GetRequiredService<ILearnerStore>().GetAsync(new LearnerKey("tenant-1", "aad-saved-region"), default);
        Assert.Equal("IE", saved?.ReportingRegion);
        Assert.Contains(Texts(picked["value"]), t => t.Contains("1800 666 111", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("call 911", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains("1800 666 111", StringComparison.Ordinal));
    }

    private async Task<List<string>> GuidanceTextsAsync(BotConversation user, string text)
    {
        using var response = await user.SayAsync(text);
        response.EnsureSuccessStatusCode();
        return Texts(CardOf((await sink.NextAsync(Wait)).Body));
    }
}
