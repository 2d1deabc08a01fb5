namespace Beacon.Tests.Reporting;

using System.Threading.Channels;
using Beacon.Bot.Configuration;
using Beacon.Dialogs.Reporting;
using Beacon.Training.Ports;
using Beacon.Tests.Support;
using Beacon.Training.Reporting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

/// <summary>
/// Which safeguarding route guidance uses: the one set in chat (held in memory, refreshed from the
/// store) before the configured one, and what happens when the store is down.
/// </summary>
public sealed class SafeguardingDirectoryTests
{
    private const string Tenant = "tenant-a";
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly Mock<ISafeguardingRouteStore> store = new(MockBehavior.Strict);
    private readonly StoredSafeguardingRoutes stored;
    private readonly SafeguardingDirectory directory;

    public SafeguardingDirectoryTests()
    {
        stored = new StoredSafeguardingRoutes(store.Object, NullLogger<StoredSafeguardingRoutes>.Instance);
        var options = new SafeguardingOptions
        {
            Default = new SafeguardingEntry { Name = "Configured default", HowToReach = "ext 100" },
            Tenants = { ["tenant-b"] = new SafeguardingEntry { Name = "Configured B", HowToReach = "ext 200", HandoffUserIds = ["29:b"] } },
        };
        directory = new SafeguardingDirectory(stored, new ConfiguredSafeguardingDirectory(Mock.Of<IOptionsMonitor<SafeguardingOptions>>(m => m.CurrentValue == options)));
    }

    [Fact]
    public async Task A_route_set_in_chat_replaces_the_configured_one_for_its_tenant_only()
    {
        store.Setup(s => s.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync([Route(Tenant, "Sam Patel"), Route("tenant-b", "Chat B")]);

        Assert.Equal("Configured default", directory.Find(Tenant)?.Name);
        Assert.True(await stored.RefreshAsync(None));

        var contact = directory.Find(Tenant);
        Assert.Equal("Sam Patel", contact?.Name);
        Assert.Equal("call 0100", contact?.HowToReach);
        Assert.Equal(new Uri("https://intranet.example.org/safeguarding"), contact?.ProcedureUrl);
        Assert.Equal(["11111111-1111-1111-1111-111111111111", "22222222-2222-2222-2222-222222222222"], contact?.HandoffUserIds);
        Assert.Equal("GB", contact?.DefaultRegion);
        Assert.Equal("Chat B", directory.Find("tenant-b")?.Name);
        Assert.Equal("Configured default", directory.Find("tenant-c")?.Name);
    }

    [Fact]
    public async Task A_store_outage_keeps_the_routes_already_loaded()
    {
        store.SetupSequence(s => s.ListAsync(It.IsAny<CancellationToken>()))
            .ReturnsAsync([Route(Tenant, "Sam Patel")])
            .ThrowsAsync(new StoreUnavailableException("down"));

        Assert.True(await stored.RefreshAsync(None));
        Assert.False(await stored.RefreshAsync(None));

        Assert.Equal("Sam Patel", directory.Find(Tenant)?.Name);
    }

    [Fact]
    public async Task A_refresh_replaces_the_routes_so_a_route_removed_elsewhere_falls_back_to_configuration()
    {
        store.SetupSequence(s => s.ListAsync(It.IsAny<CancellationToken>()))
            .ReturnsAsync([Route(Tenant, "Sam Patel"), Route("tenant-b", "Chat B")])
            .ReturnsAsync([Route(Tenant, "Alex Kim")]);

        await stored.RefreshAsync(None);
        await stored.RefreshAsync(None);

        Assert.Equal("Alex Kim", directory.Find(Tenant)?.Name);
        Assert.Equal("Configured B", directory.Find("tenant-b")?.Name);
        Assert.Equal(["29:b"], directory.Find("tenant-b")?.HandoffUserIds);
    }

    [Fact]
    public void Changes_made_here_apply_at_once()
    {
        stored.Remember(Route(Tenant, "Sam Patel"));
        Assert.Equal("Sam Patel", directory.Find(Tenant)?.Name);

        stored.Remember(Route(Tenant, "Alex Kim"));
        Assert.Equal("Alex Kim", directory.Find(Tenant)?.Name);

        stored.Forget(Tenant);
        Assert.Equal("Configured default", directory.Find(Tenant)?.Name);
    }

    [Fact]
    public async Task A_load_that_started_before_a_change_made_here_does_not_undo_it()
    {
        var listed = new TaskCompletionSource<IReadOnlyList<SafeguardingRoute>>();
        store.Setup(s => s.ListAsync(It.IsAny<CancellationToken>())).Returns(listed.Task);

        var refresh = stored.RefreshAsync(None);
        stored.Remember(Route(Tenant, "Saved just now"));
        listed.SetResult([Route(Tenant, "Read before the save")]);

        Assert.False(await refresh);
        Assert.Equal("Saved just now", directory.Find(Tenant)?.Name);
    }

    [Fact]
    public async Task The_refresher_loads_at_start_then_every_five_minutes_and_after_an_outage_within_thirty_seconds()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
        var calls = Channel.CreateUnbounded<DateTimeOffset>();
        var outcomes = new Queue<Func<IReadOnlyList<SafeguardingRoute>>>(
        [
            () => [Route(Tenant, "First")],
            () => throw new StoreUnavailableException("down"),
            () => [Route(Tenant, "After the outage")],
        ]);
        store.Setup(s => s.ListAsync(It.IsAny<CancellationToken>()))
            .Returns(() =>
            {
                calls.Writer.TryWrite(clock.GetUtcNow());
                return Task.FromResult(outcomes.Dequeue()());
            });
        using var refresher = new SafeguardingRoutesRefresher(stored, clock, NullLogger<SafeguardingRoutesRefresher>.Instance);

        await refresher.StartAsync(None);
        var first = await calls.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(clock.GetUtcNow(), first);
        Assert.Equal("First", directory.Find(Tenant)?.Name);

        var second = await AdvanceUntilNextCallAsync(clock, calls);
        Assert.InRange(second - first, SafeguardingRoutesRefresher.Interval, SafeguardingRoutesRefresher.Interval + TimeSpan.FromSeconds(3));
        Assert.Equal("First", directory.Find(Tenant)?.Name);

        var third = await AdvanceUntilNextCallAsync(clock, calls);
        Assert.InRange(third - second, SafeguardingRoutesRefresher.RetryInterval, SafeguardingRoutesRefresher.RetryInterval + TimeSpan.FromSeconds(3));
        await refresher.StopAsync(None);

        Assert.Equal("After the outage", directory.Find(Tenant)?.Name);
    }

    // The refresher runs on another thread: the clock moves a second at a time until its next load (bounded).
    private static async Task<DateTimeOffset> AdvanceUntilNextCallAsync(FakeTimeProvider clock, Channel<DateTimeOffset> calls)
    {
        var next = calls.Reader.ReadAsync().AsTask();
        await FakeClockDriver.RunAsync(clock, next, TimeSpan.FromMinutes(6), "the refresher did not load the routes again");
        return await next;
    }

    private static SafeguardingRoute Route(string tenantId, string name) => new()
    {
        TenantId = tenantId,
        Name = name,
        HowToReach = "call 0100",
        ProcedureUrl = new Uri("https://intranet.example.org/safeguarding"),
        Recipients =
        [
            new SafeguardingRecipient("11111111-1111-1111-1111-111111111111", "Sam Patel"),
            new SafeguardingRecipient("22222222-2222-2222-2222-222222222222", null),
        ],
        DefaultRegion = "GB",
        UpdatedBy = "33333333-3333-3333-3333-333333333333",
        UpdatedAt = new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero),
    };
}
