namespace Beacon.Tests.Reporting;

using System.Text.Json.Nodes;
using Beacon.Dialogs.Flows;
using Beacon.Tests.Storage;
using Beacon.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Beacon.Tests.Support.CardJsonQueries;

/// <summary>
/// Issue 19 point 6: one learner pressing "Message our safeguarding lead" again and again reaches the
/// contact at most <see cref="HandoffFlow.MaxPerLearnerPerWindow"/> times an hour (counted in the store);
/// the rest get a kind card with the emergency number. Runs on the real bot, the clock a <see cref="FakeTimeProvider"/>.
/// </summary>
public abstract class HandoffFloodTests : IAsyncLifetime
{
    private const string Lead = "29:safeguarding-lead";
    private const string Concern = "worker at the depot has no documents";
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
    private ConnectorSink sink = null!;

    public async Task InitializeAsync() => sink = await ConnectorSink.StartAsync();

    public async Task DisposeAsync() => await sink.DisposeAsync();

    /// <summary>The store settings of the bot under test.</summary>
    protected abstract Dictionary<string, string?> StoreSettings();

    [Fact]
    public async Task Forty_handoffs_in_fifteen_minutes_reach_the_contact_three_times_and_the_rest_get_a_kind_card()
    {
        await using var bot = await StartAsync();
        var conversation = new BotConversation(bot, sink);
        var answers = new List<List<string>>();

        for (var i = 0; i < 40; i++)
        {
            answers.Add(Texts((await conversation.ExecuteAsync("handoff", new JsonObject { ["handoffMessage"] = Concern }))["value"]));
            clock.Advance(TimeSpan.FromSeconds(22.5));
        }

        Assert.Equal(HandoffFlow.MaxPerLearnerPerWindow, MessagesToTheContact());
        Assert.All(answers.Take(HandoffFlow.MaxPerLearnerPerWindow), texts => Assert.Contains(texts, t => t.Contains("Sent to your safeguarding lead", StringComparison.Ordinal)));
        Assert.All(answers.Skip(HandoffFlow.MaxPerLearnerPerWindow), texts =>
        {
            Assert.Contains(texts, t => t.Contains("already been passed on", StringComparison.Ordinal));
            Assert.Contains(texts, t => t.Contains("call 911 now", StringComparison.Ordinal));
        });

        // Someone else is not held back by this person's flood, and an hour after the first the same person is heard again.
        await new BotConversation(bot, sink) { UserId = "29:user-2", AadObjectId = "aad-user-2" }.ExecuteAsync("handoff", new JsonObject { ["handoffMessage"] = Concern });
        Assert.Equal(HandoffFlow.MaxPerLearnerPerWindow + 1, MessagesToTheContact());
        clock.Advance(TimeSpan.FromMinutes(46));
        var later = Texts((await conversation.ExecuteAsync("handoff", new JsonObject { ["handoffMessage"] = Concern }))["value"]);
        Assert.Contains(later, t => t.Contains("Sent to your safeguarding lead", StringComparison.Ordinal));
        Assert.Equal(HandoffFlow.MaxPerLearnerPerWindow + 2, MessagesToTheContact());
    }

    [Fact]
    public async Task Parallel_handoffs_from_one_learner_reach_the_contact_at_most_three_times()
    {
        await using var bot = await StartAsync();
        var conversation = new BotConversation(bot, sink);

        await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => conversation.ExecuteAsync("handoff", new JsonObject { ["handoffMessage"] = Concern })));

        Assert.Equal(HandoffFlow.MaxPerLearnerPerWindow, MessagesToTheContact());
    }

    private int MessagesToTheContact() =>
        sink.Requests.Count(r => r.Path.Contains("/activities", StringComparison.Ordinal) && r.Body?.ToJsonString().Contains(Concern, StringComparison.Ordinal) == true);

    private Task<RunningBot> StartAsync()
    {
        var settings = StoreSettings();
        settings["Safeguarding:Tenants:tenant-1:Name"] = "Dana Shah, safeguarding lead";
        settings["Safeguarding:Tenants:tenant-1:HowToReach"] = "Teams or extension 4410";
        settings["Safeguarding:Tenants:tenant-1:HandoffUserIds:0"] = Lead;
        settings["Delivery:Enabled"] = "false";
        return RunningBot.StartAsync(settings, services => services.AddSingleton<TimeProvider>(clock));
    }
}

public sealed class SqliteHandoffFloodTests : HandoffFloodTests
{
    protected override Dictionary<string, string?> StoreSettings() => [];
}

[Collection(AzuriteGroup.Name)]
public sealed class AzureTablesHandoffFloodTests(AzuriteFixture azurite) : HandoffFloodTests
{
    protected override Dictionary<string, string?> StoreSettings() => new()
    {
        ["Storage:Provider"] = "AzureTables",
        ["Storage:AzureTables:ConnectionString"] = azurite.ConnectionString,
        ["Storage:AzureTables:TablePrefix"] = "flood" + Guid.NewGuid().ToString("N")[..12],
    };
}
