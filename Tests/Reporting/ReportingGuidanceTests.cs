namespace Beacon.Tests.Reporting;

using System.Text;
using System.Text.Json.Nodes;
using Beacon.Dialogs.Reporting;
using Beacon.Cards.Builders;
using Beacon.Cards.Model;
using Beacon.Tests.Support;
using Beacon.Training.Content;
using Beacon.Training.Ports;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using static Beacon.Tests.Support.CardJsonQueries;

/// <summary>"How do I report a concern?" over real HTTP, with the real content pack.</summary>
public sealed class ReportingGuidanceTests : IAsyncLifetime
{
    private const string Lead = "29:safeguarding-lead";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    private ConnectorSink sink = null!;

    public async Task InitializeAsync() => sink = await ConnectorSink.StartAsync();

    public async Task DisposeAsync() => await sink.DisposeAsync();

    [Fact]
    public async Task Report_gives_emergency_first_then_organisation_then_the_regional_line()
    {
        await using var bot = await RunningBot.StartAsync(Safeguarding());
        await new BotConversation(bot, sink).SayAsync("report");

        var texts = Texts(CardOf((await sink.NextAsync(Wait)).Body));

        Assert.Equal(SafetyAdvice.ThanksForAsking, texts[0]);
        Assert.StartsWith("If anyone is in immediate danger, call 911 now.", texts[1], StringComparison.Ordinal);
        var organisation = texts.FindIndex(t => t.Contains("Dana Shah", StringComparison.Ordinal));
        var hotline = texts.FindIndex(t => t.Contains("National Human Trafficking Hotline", StringComparison.Ordinal));
        var doNot = texts.FindIndex(t => t.Contains("Do not confront", StringComparison.Ordinal));
        Assert.True(organisation > 0 && hotline > organisation && doNot > hotline, string.Join(" | ", texts));
    }

    [Fact]
    public async Task A_person_writing_about_themselves_is_answered_in_their_own_terms_with_the_number_where_they_are()
    {
        await using var bot = await RunningBot.StartAsync(Safeguarding());
        await new BotConversation(bot, sink) { Country = "GB" }.SayAsync("they took my passport and I can't leave");

        var texts = Texts(CardOf((await sink.NextAsync(Wait)).Body));

        Assert.Equal(SafetyAdvice.ThanksForTelling, texts[0]);
        Assert.Equal("If you are in danger now, call 999.", texts[1]);
        Assert.Contains(texts, t => t.Contains("not your fault", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("08000 121 700", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("Dana Shah", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains("911", StringComparison.Ordinal) || t == "What to note");
    }

    [Fact]
    public async Task Report_still_gives_the_full_guidance_when_the_store_is_down()
    {
        await using var bot = await RunningBot.StartAsync(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "AzureTables",
            ["Storage:AzureTables:ConnectionString"] = DeadAzuriteConnectionString(),
        });
        Assert.False(await bot.Services.GetRequiredService<IStoreHealth>().IsReachableAsync(CancellationToken.None));

        await new BotConversation(bot, sink).SayAsync("who do I call");

        var texts = Texts(CardOf((await sink.NextAsync(Wait)).Body));
        Assert.Equal(SafetyAdvice.ThanksForRaising, texts[0]);
        Assert.StartsWith("If anyone is in immediate danger, call 911 now.", texts[1], StringComparison.Ordinal);
        Assert.Contains(texts, t => t.Contains("National Human Trafficking Hotline", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("Do not confront", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_concern_raised_mid_quiz_gets_guidance_not_an_answer()
    {
        await using var bot = await RunningBot.StartAsync();
        var user = new BotConversation(bot, sink);
        await user.SayAsync("quiz");
        var sentBeforeConcern = sink.Requests.Count;

        await user.SayAsync("I'm worried about a patient");

        var guidance = await NextCardAfterAsync(sentBeforeConcern);
        Assert.Equal(SafetyAdvice.ThanksForRaising, Texts(guidance)[0]);
        Assert.StartsWith("If anyone is in immediate danger", Texts(guidance)[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bare_report_offers_the_progress_report_and_a_question_does_not()
    {
        await using var bot = await RunningBot.StartAsync();
        var user = new BotConversation(bot, sink);

        await user.SayAsync("report");
        var bare = CardOf((await sink.NextAsync(Wait)).Body);
        await user.SayAsync("how do I report this");
        var asked = CardOf((await sink.NextAsync(Wait)).Body);

        Assert.Single(ExecuteActions(bare, "progress"));
        Assert.Empty(ExecuteActions(asked, "progress"));
    }

    [Fact]
    public async Task The_region_picker_switches_the_guidance_in_place()
    {
        await using var bot = await RunningBot.StartAsync();
        var response = await new BotConversation(bot, sink).ExecuteAsync("reportRegion", new JsonObject { ["region"] = "UK" });

        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)response["type"]);
        var texts = Texts(response["value"]);
        Assert.StartsWith("If anyone is in immediate danger, call 999 now.", texts[1], StringComparison.Ordinal);
        Assert.Contains(texts, t => t.Contains("08000 121 700", StringComparison.Ordinal));
    }

    [Fact]
    public async Task In_a_channel_the_guidance_moves_to_a_private_chat_the_bot_creates()
    {
        await using var bot = await RunningBot.StartAsync();
        await new BotConversation(bot, sink) { ConversationType = "channel", ConversationId = "19:channel@thread.tacv2" }.SayAsync("report");

        var create = await sink.NextAsync(Wait);
        var privately = await sink.NextAsync(Wait);
        var pointer = await sink.NextAsync(Wait);

        Assert.Equal("/v3/conversations", create.Path.TrimEnd('/'));
        Assert.Equal("29:user-1", (string?)create.Body!["members"]![0]!["id"]);
        Assert.StartsWith("/v3/conversations/personal-", privately.Path, StringComparison.Ordinal);
        Assert.Contains(Texts(CardOf(privately.Body)), t => t.Contains("National Human Trafficking Hotline", StringComparison.Ordinal));
        Assert.StartsWith("/v3/conversations/19:channel@thread.tacv2/activities", Uri.UnescapeDataString(pointer.Path), StringComparison.Ordinal);
        Assert.DoesNotContain(Texts(CardOf(pointer.Body)), t => t.Contains("Hotline", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_handoff_reaches_the_configured_contact_and_the_store_keeps_no_text()
    {
        const string Secret = "Noticed-at-bay-7-XQ93";
        await using var bot = await RunningBot.StartAsync(Safeguarding());

        var response = await new BotConversation(bot, sink).ExecuteAsync("handoff", new JsonObject { ["handoffMessage"] = $"{Secret}: worker with no documents" });

        Assert.Contains(Texts(response["value"]), t => t.Contains("Sent to your safeguarding lead", StringComparison.Ordinal));
        var create = await sink.NextAsync(Wait);
        var delivered = await sink.NextAsync(Wait);
        Assert.Equal(Lead, (string?)create.Body!["members"]![0]!["id"]);
        Assert.Contains(Texts(CardOf(delivered.Body)), t => t.Contains(Secret, StringComparison.Ordinal));

        var audit = await bot.Services.GetRequiredService<IHandoffLog>().ListAsync("tenant-1", CancellationToken.None);
        var record = Assert.Single(audit);
        Assert.Equal([Lead], record.ToUserIds);
        Assert.Equal("aad-user-1", record.FromUserId);
        SqliteConnection.ClearAllPools();
        // The running bot holds its owner lock file exclusively; it only ever holds a process id.
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(bot.DatabasePath)!).Where(f => !f.EndsWith(".owner", StringComparison.Ordinal)))
        {
            Assert.DoesNotContain(Secret, Encoding.UTF8.GetString(await File.ReadAllBytesAsync(file)), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_handoff_request_delivered_twice_messages_the_contact_once()
    {
        await using var bot = await RunningBot.StartAsync(Safeguarding());
        var conversation = new BotConversation(bot, sink);
        var activity = conversation.Activity("invoke");
        activity["name"] = "adaptiveCard/action";
        activity["replyToId"] = "activity-1";
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "handoff", ["data"] = new JsonObject { ["handoffMessage"] = "worker with no documents" } },
            ["trigger"] = "manual",
        };

        using var first = await conversation.PostAsync(activity);
        await sink.NextAsync(Wait); // the 1:1 conversation with the contact
        await sink.NextAsync(Wait); // the message
        using var retry = await conversation.PostAsync(activity);
        var again = (JsonObject)activity.DeepClone();
        again["id"] = "a-new-request";
        using var another = await conversation.PostAsync(again);
        await sink.NextAsync(Wait);
        await sink.NextAsync(Wait);

        foreach (var response in new[] { first, retry, another })
        {
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Contains(Texts(body["value"]), t => t.Contains("Sent to your safeguarding lead", StringComparison.Ordinal));
        }

        // Two conversations created and two messages: the retry sent nothing, the new request did.
        Assert.Equal(4, sink.Requests.Count);
        Assert.Equal(2, (await bot.Services.GetRequiredService<IHandoffLog>().ListAsync("tenant-1", CancellationToken.None)).Count);
    }

    [Fact]
    public void Every_region_shows_its_emergency_number_before_anything_but_the_one_line_of_thanks()
    {
        var pack = ContentPackLoader.LoadOrThrow(RepositoryRoot.Combine("content"));
        var composer = new GuidanceComposer(pack, new NoSafeguarding());

        foreach (var region in pack.Regions)
        {
            var card = CardJson.ToJsonObject(GuidanceCard.Build(composer.Compose(new GuidanceRequest("t", null, region.Code, null))));
            var texts = Texts(card);
            Assert.False(string.IsNullOrWhiteSpace(region.Emergency.Number), region.Code);
            Assert.Equal(SafetyAdvice.ThanksForAsking, texts[0]);
            Assert.Equal($"If anyone is in immediate danger, call {region.Emergency.Number} now.", texts[1]);
            Assert.NotEmpty(region.Lines);
        }
    }

    private static Dictionary<string, string?> Safeguarding() => new()
    {
        ["Safeguarding:Tenants:tenant-1:Name"] = "Dana Shah, safeguarding lead",
        ["Safeguarding:Tenants:tenant-1:HowToReach"] = "Teams or extension 4410",
        ["Safeguarding:Tenants:tenant-1:HandoffUserIds:0"] = Lead,
    };

    /// <summary>An Azurite-style connection string to a port where nothing listens: the store is down.</summary>
    private static string DeadAzuriteConnectionString() =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        $"TableEndpoint=http://127.0.0.1:{FreePort.Next()}/devstoreaccount1;";

    private async Task<JsonObject> NextCardAfterAsync(int alreadySent)
    {
        while (true)
        {
            var request = await sink.NextAsync(Wait);
            if (sink.Requests.Count > alreadySent && CardOf(request.Body) is { } card && Texts(card).Any(text => text.StartsWith("If anyone", StringComparison.Ordinal)))
            {
                return card;
            }
        }
    }

    private sealed class NoSafeguarding : ISafeguardingDirectory
    {
        public SafeguardingContact? Find(string tenantId) => null;
    }
}
