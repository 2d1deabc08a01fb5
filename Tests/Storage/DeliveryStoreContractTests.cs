namespace Beacon.Tests.Storage;

using Beacon.Storage.AzureTables;
using Beacon.Storage.Sqlite;
using Beacon.Training.Learners;
using Beacon.Training.Ports;
using Beacon.Training.Schedules;

/// <summary>The delivery ports (schedules, claims) as a test sees them: fresh, disposed after the test.</summary>
public sealed class DeliveryStoreSet(IScheduleStore schedules, IDeliveryClaimStore claims, Func<ValueTask> cleanup) : IAsyncDisposable
{
    public IScheduleStore Schedules { get; } = schedules;

    public IDeliveryClaimStore Claims { get; } = claims;

    public ValueTask DisposeAsync() => cleanup();
}

/// <summary>One contract for the delivery stores, run on SQLite and on Azure Tables (Azurite).</summary>
public abstract class DeliveryStoreContractTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly LearnerKey Ann = new("tenant/1", "ann|x");
    private static readonly DateOnly Day = new(2026, 3, 9);
    private static readonly DateTimeOffset At = new(2026, 3, 9, 13, 0, 0, TimeSpan.Zero);

    private DeliveryStoreSet? stores;

    private DeliveryStoreSet Stores => stores ?? throw new InvalidOperationException("Stores not created.");

    protected abstract Task<DeliveryStoreSet> CreateStoresAsync();

    public async Task InitializeAsync() => stores = await CreateStoresAsync();

    public async Task DisposeAsync()
    {
        if (stores is not null)
        {
            await stores.DisposeAsync();
        }
    }

    private static DeliveryClaim Claim(LearnerKey learner, DateOnly date, string owner) =>
        new() { Learner = learner, LocalDate = date, Owner = owner, Source = "personal", ClaimedAt = At };

    [Fact]
    public async Task A_claim_is_added_once_per_learner_and_local_date()
    {
        Assert.True(await Stores.Claims.TryClaimAsync(Claim(Ann, Day, "one"), None));
        Assert.False(await Stores.Claims.TryClaimAsync(Claim(Ann, Day, "two"), None));
        Assert.True(await Stores.Claims.TryClaimAsync(Claim(Ann, Day.AddDays(1), "two"), None));
        Assert.True(await Stores.Claims.TryClaimAsync(Claim(Ann with { LearnerId = "bob" }, Day, "two"), None));
        Assert.Equal("one", (await Stores.Claims.GetAsync(Ann, Day, ClaimKind.Session, None))!.Owner);
    }

    [Fact]
    public async Task Concurrent_claims_for_the_same_day_have_exactly_one_winner()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Stores.Claims.TryClaimAsync(Claim(Ann, Day, "owner" + i), None)));
        Assert.Single(results, r => r);
    }

    [Fact]
    public async Task Completing_a_claim_records_status_activity_and_attempts()
    {
        var claim = Claim(Ann, Day, "one");
        await Stores.Claims.TryClaimAsync(claim, None);
        await Stores.Claims.CompleteAsync(claim with { Status = DeliveryStatus.Sent, CompletedAt = At.AddSeconds(2), ActivityId = "act-1", Attempts = 3 }, None);
        var stored = await Stores.Claims.GetAsync(Ann, Day, ClaimKind.Session, None);
        Assert.NotNull(stored);
        Assert.Equal(DeliveryStatus.Sent, stored.Status);
        Assert.Equal("act-1", stored.ActivityId);
        Assert.Equal(3, stored.Attempts);
        Assert.Equal(At.AddSeconds(2), stored.CompletedAt);
        Assert.Null(await Stores.Claims.GetAsync(Ann, Day.AddDays(1), ClaimKind.Session, None));
    }

    [Fact]
    public async Task A_schedule_round_trips_and_saves_with_its_concurrency_token()
    {
        var schedule = new PersonalSchedule
        {
            Learner = Ann,
            Days = Weekdays.Monday | Weekdays.Thursday,
            LocalTime = new TimeOnly(8, 45),
            TimeZone = "Asia/Kolkata",
            QuietHours = new QuietHours(new TimeOnly(22, 0), new TimeOnly(7, 0)),
            PausedAt = At,
            PausedUntil = At.AddDays(14),
            UpdatedAt = At,
        };
        var saved = await Stores.Schedules.SaveAsync(schedule, None);
        Assert.NotNull(saved.ConcurrencyToken);
        var read = await Stores.Schedules.GetAsync(Ann, None);
        Assert.Equal(saved, read);

        // A second writer holding no token, or a stale one, loses.
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Stores.Schedules.SaveAsync(schedule, None));
        var updated = await Stores.Schedules.SaveAsync(read! with { PausedAt = null, PausedUntil = null }, None);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Stores.Schedules.SaveAsync(read! with { Enabled = false }, None));
        Assert.Equal(updated, await Stores.Schedules.GetAsync(Ann, None));
    }

    [Fact]
    public async Task All_schedules_are_listed_across_tenants()
    {
        for (var i = 0; i < 5; i++)
        {
            await Stores.Schedules.SaveAsync(new PersonalSchedule { Learner = new LearnerKey("t" + (i % 2), "l" + i), UpdatedAt = At }, None);
        }

        var schedules = new List<PersonalSchedule>();
        await foreach (var s in Stores.Schedules.ListAllAsync(None))
        {
            schedules.Add(s);
        }

        Assert.Equal(5, schedules.Count);
        Assert.Equal(2, schedules.Select(s => s.Learner.TenantId).Distinct().Count());
    }

    [Fact]
    public async Task A_reminder_claim_is_apart_from_the_session_claim_of_the_same_day()
    {
        var nudge = Claim(Ann, Day, "one") with { Kind = ClaimKind.Nudge, Source = "campaign:c1" };
        Assert.True(await Stores.Claims.TryClaimAsync(Claim(Ann, Day, "one"), None));
        Assert.True(await Stores.Claims.TryClaimAsync(nudge, None));
        Assert.False(await Stores.Claims.TryClaimAsync(nudge with { Owner = "two" }, None));
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Stores.Claims.TryClaimAsync(nudge with { LocalDate = Day.AddDays(1), Owner = "o" + i }, None)));
        Assert.Single(results, r => r);

        await Stores.Claims.CompleteAsync(nudge with { Status = DeliveryStatus.Sent, ActivityId = "act-n", Attempts = 1 }, None);
        var stored = await Stores.Claims.GetAsync(Ann, Day, ClaimKind.Nudge, None);
        Assert.Equal(ClaimKind.Nudge, stored!.Kind);
        Assert.Equal("act-n", stored.ActivityId);
        Assert.Equal("campaign:c1", stored.Source);
        var session = await Stores.Claims.GetAsync(Ann, Day, ClaimKind.Session, None);
        Assert.Equal(DeliveryStatus.Claimed, session!.Status);
        Assert.Null(session.ActivityId);
    }
}

public sealed class SqliteDeliveryStoreContractTests : DeliveryStoreContractTests
{
    protected override Task<DeliveryStoreSet> CreateStoresAsync()
    {
        var directory = new TempDirectory();
        var database = new SqliteDatabase(new SqliteStoreOptions { Path = directory.Combine("data", "beacon.db") });
        return Task.FromResult(new DeliveryStoreSet(
            new SqliteScheduleStore(database),
            new SqliteDeliveryClaimStore(database),
            () =>
            {
                database.Dispose();
                directory.Dispose();
                return ValueTask.CompletedTask;
            }));
    }
}

[Collection(AzuriteGroup.Name)]
public sealed class AzureTablesDeliveryStoreContractTests(AzuriteFixture azurite) : DeliveryStoreContractTests
{
    protected override Task<DeliveryStoreSet> CreateStoresAsync()
    {
        var storage = new AzureTableStorage(new AzureTableStoreOptions
        {
            ConnectionString = azurite.ConnectionString,
            TablePrefix = "t" + Guid.NewGuid().ToString("N")[..20],
        });
        var table = new AzureTableDeliveryTable(storage);
        return Task.FromResult(new DeliveryStoreSet(
            new AzureTableScheduleStore(table),
            new AzureTableDeliveryClaimStore(table),
            async () =>
            {
                await table.Table.DeleteAsync(CancellationToken.None);
                table.Dispose();
                storage.Dispose();
            }));
    }
}
