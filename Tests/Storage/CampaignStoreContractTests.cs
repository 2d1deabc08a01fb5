namespace Beacon.Tests.Storage;

using System.Text.Json;
using Beacon.Storage.AzureTables;
using Beacon.Storage.Sqlite;
using Beacon.Training.Campaigns;
using Beacon.Training.Ports;
using Beacon.Training.Schedules;

/// <summary>The campaign and manager-grant ports as a test sees them: fresh, disposed after the test.</summary>
public sealed class CampaignStoreSet(ICampaignStore campaigns, IManagerGrantStore grants, Func<ValueTask> cleanup) : IAsyncDisposable
{
    public ICampaignStore Campaigns { get; } = campaigns;

    public IManagerGrantStore Grants { get; } = grants;

    public ValueTask DisposeAsync() => cleanup();
}

/// <summary>One contract for the campaign stores, run on SQLite and on Azure Tables (Azurite). Lists page in threes.</summary>
public abstract class CampaignStoreContractTests : IAsyncLifetime
{
    protected const int ListPageSize = 3;

    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset At = new(2026, 3, 9, 13, 0, 0, TimeSpan.FromHours(1));

    private CampaignStoreSet? stores;

    private CampaignStoreSet Stores => stores ?? throw new InvalidOperationException("Stores not created.");

    protected abstract Task<CampaignStoreSet> CreateStoresAsync();

    public async Task InitializeAsync() => stores = await CreateStoresAsync();

    public async Task DisposeAsync()
    {
        if (stores is not null)
        {
            await stores.DisposeAsync();
        }
    }

    /// <summary>A campaign with every field away from its default, keys with characters Azure forbids.</summary>
    internal static Campaign Sample(string tenant = "tenant/1", string id = "c0ffee1234", CampaignStatus status = CampaignStatus.Active) => new()
    {
        TenantId = tenant,
        Id = id,
        Name = "Spring refresher — front desk",
        CreatedBy = "manager#1",
        Status = status,
        Audience = new CampaignAudience
        {
            Kind = AudienceKind.Team,
            TeamId = "19:team?id",
            TeamName = "Front desk",
            LearnerIds = ["ann|x", "bob", "Chloé"],
        },
        Tracks = ["hospitality"],
        Topics = ["indicators", "reporting"],
        StartDate = new DateOnly(2026, 3, 16),
        EndDate = new DateOnly(2026, 4, 24),
        Days = Weekdays.Tuesday | Weekdays.Thursday,
        LocalTime = new TimeOnly(8, 30),
        QuestionsPerSession = 4,
        PreAssessment = false,
        PostAssessment = true,
        Nudges = false,
        CreatedAt = At,
        UpdatedAt = At.AddMinutes(5),
    };

    /// <summary>Records with lists compare by reference; compare what is stored instead.</summary>
    internal static string Stored(Campaign campaign) => JsonSerializer.Serialize(campaign with { ConcurrencyToken = null });

    [Fact]
    public async Task A_fixed_report_group_round_trips_and_an_unfixed_one_stays_null()
    {
        var saved = await Stores.Campaigns.SaveAsync(Sample(), None);
        Assert.Null((await Stores.Campaigns.GetAsync(saved.Key, None))!.ReportGroup);

        await Stores.Campaigns.SaveAsync(saved with { ReportGroup = ["aad-1", "aad-2"] }, None);
        var fixedGroup = await Stores.Campaigns.GetAsync(saved.Key, None);
        Assert.Equal(["aad-1", "aad-2"], fixedGroup!.ReportGroup);

        await Stores.Campaigns.SaveAsync(fixedGroup with { ReportGroup = [] }, None);
        Assert.Equal([], (await Stores.Campaigns.GetAsync(saved.Key, None))!.ReportGroup);
    }

    [Fact]
    public async Task A_campaign_round_trips_every_field()
    {
        var saved = await Stores.Campaigns.SaveAsync(Sample(), None);

        Assert.NotNull(saved.ConcurrencyToken);
        var read = await Stores.Campaigns.GetAsync(saved.Key, None);
        Assert.NotNull(read);
        Assert.Equal(Stored(Sample()), Stored(read));
        Assert.Equal(saved.ConcurrencyToken, read.ConcurrencyToken);
        Assert.Null(await Stores.Campaigns.GetAsync(new CampaignKey("tenant/1", "nothere000"), None));
        Assert.Null(await Stores.Campaigns.GetAsync(new CampaignKey("tenant/2", saved.Id), None));
    }

    [Fact]
    public async Task Saving_with_a_stale_or_missing_token_is_a_conflict()
    {
        var first = await Stores.Campaigns.SaveAsync(Sample(), None);

        // A second creator (no token) loses; so does a writer holding the token before the last save.
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Stores.Campaigns.SaveAsync(Sample(), None));
        var paused = await Stores.Campaigns.SaveAsync(first with { Status = CampaignStatus.Paused }, None);
        Assert.NotEqual(first.ConcurrencyToken, paused.ConcurrencyToken);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Stores.Campaigns.SaveAsync(first with { Name = "Lost edit" }, None));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Stores.Campaigns.SaveAsync(first with { ConcurrencyToken = "not-a-token" }, None));

        var stored = await Stores.Campaigns.GetAsync(first.Key, None);
        Assert.Equal(CampaignStatus.Paused, stored!.Status);
        Assert.Equal(Sample().Name, stored.Name);
    }

    [Fact]
    public async Task Concurrent_edits_from_one_read_have_exactly_one_winner()
    {
        var saved = await Stores.Campaigns.SaveAsync(Sample(), None);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            try
            {
                await Stores.Campaigns.SaveAsync(saved with { Name = "Edit " + i }, None);
                return true;
            }
            catch (ConcurrencyConflictException)
            {
                return false;
            }
        }));

        Assert.Single(outcomes, won => won);
    }

    [Fact]
    public async Task A_tenant_lists_its_own_campaigns_newest_first()
    {
        for (var i = 0; i < 5; i++)
        {
            await Stores.Campaigns.SaveAsync(Sample(id: "campaign0" + i) with { CreatedAt = At.AddDays(i) }, None);
        }

        await Stores.Campaigns.SaveAsync(Sample(tenant: "tenant/2", id: "othertenant"), None);

        var listed = await Stores.Campaigns.ListAsync("tenant/1", None);

        Assert.Equal(["campaign04", "campaign03", "campaign02", "campaign01", "campaign00"], listed.Select(c => c.Id));
        Assert.Empty(await Stores.Campaigns.ListAsync("tenant/3", None));
    }

    [Fact]
    public async Task Every_active_campaign_is_listed_across_tenants_and_pages_and_no_other()
    {
        var statuses = new[] { CampaignStatus.Active, CampaignStatus.Draft, CampaignStatus.Paused, CampaignStatus.Cancelled };
        var expected = new List<string>();
        for (var i = 0; i < 16; i++)
        {
            var status = statuses[i % statuses.Length] == CampaignStatus.Active || i % 3 == 0 ? CampaignStatus.Active : statuses[i % statuses.Length];
            var campaign = await Stores.Campaigns.SaveAsync(Sample(tenant: "t" + (i % 3), id: "campaign" + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture), status: status), None);
            if (status == CampaignStatus.Active)
            {
                expected.Add(campaign.Key.ToString());
            }
        }

        var active = new List<Campaign>();
        await foreach (var campaign in Stores.Campaigns.ListActiveAsync(None))
        {
            active.Add(campaign);
        }

        Assert.True(expected.Count > ListPageSize * 2, "the test should cross pages");
        Assert.Equal(expected.Order(StringComparer.Ordinal), active.Select(c => c.Key.ToString()).Order(StringComparer.Ordinal));
        Assert.All(active, c => Assert.Equal(3, c.Audience.LearnerIds.Count));
    }

    [Fact]
    public async Task A_large_audience_round_trips()
    {
        var audience = Enumerable.Range(0, Campaign.MaxAudience).Select(i => "29:1a2b3c4d5e6f7g8h9i0j-learner-with-a-long-teams-identifier-" + i).ToList();
        var campaign = Sample() with { Audience = Sample().Audience with { Kind = AudienceKind.Picked, LearnerIds = audience } };

        await Stores.Campaigns.SaveAsync(campaign, None);

        Assert.Equal(audience, (await Stores.Campaigns.GetAsync(campaign.Key, None))!.Audience.LearnerIds);
    }

    [Fact]
    public async Task A_grant_is_kept_once_listed_per_tenant_and_revoked()
    {
        var first = new ManagerGrant("tenant/1", "ann|x", "Ann", "boss", At);
        Assert.False(await Stores.Grants.IsGrantedAsync("tenant/1", "ann|x", None));

        await Stores.Grants.GrantAsync(first, None);
        await Stores.Grants.GrantAsync(first with { GrantedBy = "someone else", GrantedAt = At.AddDays(1) }, None);
        await Stores.Grants.GrantAsync(new ManagerGrant("tenant/1", "bob", null, "ann|x", At.AddHours(1)), None);
        await Stores.Grants.GrantAsync(new ManagerGrant("tenant/2", "ann|x", "Ann", "boss", At), None);

        Assert.True(await Stores.Grants.IsGrantedAsync("tenant/1", "ann|x", None));
        Assert.False(await Stores.Grants.IsGrantedAsync("tenant/3", "ann|x", None));
        var listed = await Stores.Grants.ListAsync("tenant/1", None);
        Assert.Equal([first, new ManagerGrant("tenant/1", "bob", null, "ann|x", At.AddHours(1))], listed);

        Assert.True(await Stores.Grants.RevokeAsync("tenant/1", "ann|x", None));
        Assert.False(await Stores.Grants.RevokeAsync("tenant/1", "ann|x", None));
        Assert.False(await Stores.Grants.IsGrantedAsync("tenant/1", "ann|x", None));
        Assert.True(await Stores.Grants.IsGrantedAsync("tenant/2", "ann|x", None));
        Assert.Equal(["bob"], (await Stores.Grants.ListAsync("tenant/1", None)).Select(g => g.LearnerId));
    }

    [Fact]
    public async Task Grants_and_campaigns_of_a_tenant_do_not_mix()
    {
        await Stores.Campaigns.SaveAsync(Sample(), None);
        await Stores.Grants.GrantAsync(new ManagerGrant("tenant/1", "c0ffee1234", null, "boss", At), None);

        Assert.Single(await Stores.Campaigns.ListAsync("tenant/1", None));
        Assert.Single(await Stores.Grants.ListAsync("tenant/1", None));
    }
}

public sealed class SqliteCampaignStoreContractTests : CampaignStoreContractTests
{
    protected override Task<CampaignStoreSet> CreateStoresAsync()
    {
        var directory = new TempDirectory();
        var database = new SqliteDatabase(new SqliteStoreOptions { Path = directory.Combine("data", "beacon.db"), ListPageSize = ListPageSize });
        return Task.FromResult(new CampaignStoreSet(
            new SqliteCampaignStore(database),
            new SqliteManagerGrantStore(database),
            () =>
            {
                database.Dispose();
                directory.Dispose();
                return ValueTask.CompletedTask;
            }));
    }
}

[Collection(AzuriteGroup.Name)]
public sealed class AzureTablesCampaignStoreContractTests(AzuriteFixture azurite) : CampaignStoreContractTests
{
    protected override Task<CampaignStoreSet> CreateStoresAsync()
    {
        var storage = new AzureTableStorage(new AzureTableStoreOptions
        {
            ConnectionString = azurite.ConnectionString,
            TablePrefix = "t" + Guid.NewGuid().ToString("N")[..20],
            ListPageSize = ListPageSize,
        });
        var table = new AzureTableCampaignTable(storage);
        return Task.FromResult(new CampaignStoreSet(
            new AzureTableCampaignStore(table),
            new AzureTableManagerGrantStore(table),
            async () =>
            {
                await table.Table.DeleteAsync(CancellationToken.None);
                table.Dispose();
                storage.Dispose();
            }));
    }
}
