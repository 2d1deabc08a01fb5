namespace Beacon.Tests.Storage;

using Azure.Data.Tables;
using Beacon.Storage.AzureTables;
using Beacon.Storage.Sqlite;
using Beacon.Training.Answers;
using Beacon.Training.Campaigns;
using Beacon.Training.Learners;
using Beacon.Training.Ports;
using Beacon.Training.Reporting;
using Beacon.Training.Reviews;
using Beacon.Training.Schedules;
using Microsoft.Data.Sqlite;

/// <summary>The stores the erase contract writes through, and the eraser under test.</summary>
public sealed record EraseStores(
    ILearnerStore Learners,
    IAnswerStore Answers,
    IReviewStore Reviews,
    IHandoffLog Handoffs,
    IScheduleStore Schedules,
    IDeliveryClaimStore Claims,
    ICampaignStore Campaigns,
    IManagerGrantStore Grants,
    ISafeguardingRouteStore Routes,
    ILearnerEraser Eraser,
    Func<ValueTask> Cleanup);

/// <summary>
/// The <see cref="ILearnerEraser"/> contract, the same on every store: "forget me" leaves no row
/// or entity for that learner (checked by scanning the raw tables for any trace of the learner's
/// id, not only through the ports), touches nobody else, and is idempotent.
/// </summary>
public abstract class EraseContractTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private EraseStores? stores;

    /// <summary>A learner id no other test data contains, so a raw scan can look for it anywhere.</summary>
    protected static LearnerKey Forgotten { get; } = new("tenant-erase", "aad-forget-me-9d41c7");

    protected EraseStores Stores => stores ?? throw new InvalidOperationException("Stores not created.");

    protected ILearnerEraser Eraser => Stores.Eraser;

    public async Task InitializeAsync() => stores = await CreateAsync();

    public async Task DisposeAsync()
    {
        if (stores is not null)
        {
            await stores.Cleanup();
        }
    }

    /// <summary>Fresh, empty stores and the eraser over them.</summary>
    protected abstract Task<EraseStores> CreateAsync();

    /// <summary>Every raw row or entity, in any table of this store, that mentions <paramref name="text"/> in a key or a value.</summary>
    protected abstract Task<IReadOnlyList<string>> RawTracesAsync(string text);

    [Fact]
    public async Task Describe_counts_every_kind_of_record_of_the_learner()
    {
        await SeedAsync(Forgotten, prompts: 3, reviews: 2);

        var footprint = await Eraser.DescribeAsync(Forgotten, None);

        Assert.Equal(1, footprint[LearnerFootprint.Profile]);
        Assert.Equal(3, footprint[LearnerFootprint.IssuedQuestions]);
        Assert.Equal(3, footprint[LearnerFootprint.Answers]);
        Assert.Equal(2, footprint[LearnerFootprint.ReviewStates]);
        Assert.Equal(1, footprint[LearnerFootprint.Handoffs]);
        Assert.Equal(1, footprint[LearnerFootprint.CampaignAudiences]);
        Assert.Equal(1, footprint[LearnerFootprint.ManagerRole]);
    }

    [Fact]
    public async Task Erase_takes_the_learner_out_of_campaign_audiences_and_keeps_everyone_else()
    {
        LearnerKey other = new(Forgotten.TenantId, Forgotten.LearnerId + "x");
        await SeedAsync(Forgotten, prompts: 1, reviews: 1);
        await SeedAsync(other, prompts: 1, reviews: 1);
        var before = await Stores.Campaigns.GetAsync(new CampaignKey(Forgotten.TenantId, CampaignId), None);

        await Eraser.EraseAsync(Forgotten, None);

        var after = await Stores.Campaigns.GetAsync(new CampaignKey(Forgotten.TenantId, CampaignId), None);
        Assert.Equal(["someone-else", other.LearnerId], after!.Audience.LearnerIds);
        Assert.NotEqual(before!.ConcurrencyToken, after.ConcurrencyToken);
        Assert.False(await Stores.Grants.IsGrantedAsync(Forgotten.TenantId, Forgotten.LearnerId, None));
        Assert.True(await Stores.Grants.IsGrantedAsync(other.TenantId, other.LearnerId, None));
        Assert.Null(await Stores.Claims.GetAsync(Forgotten, new DateOnly(2026, 3, 2), ClaimKind.Nudge, None));
        Assert.NotNull(await Stores.Claims.GetAsync(other, new DateOnly(2026, 3, 2), ClaimKind.Nudge, None));
    }

    [Fact]
    public async Task Erase_leaves_no_row_or_entity_for_the_learner()
    {
        await SeedAsync(Forgotten, prompts: 3, reviews: 2);
        Assert.NotEmpty(await RawTracesAsync(Forgotten.LearnerId));

        var deleted = await Eraser.EraseAsync(Forgotten, None);

        Assert.True(deleted >= 1 + 3 + 3 + 2 + 1 + 2, $"deleted {deleted}");
        Assert.Empty(await RawTracesAsync(Forgotten.LearnerId));
        Assert.Equal(0, (await Eraser.DescribeAsync(Forgotten, None)).Total);
        Assert.Null(await Stores.Learners.GetAsync(Forgotten, None));
        Assert.Empty(await Stores.Answers.ListAnswersAsync(Forgotten, None));
        Assert.Empty(await Stores.Reviews.ListAsync(Forgotten, None));
        Assert.Null(await Stores.Answers.GetIssuedAsync(Forgotten, "p-0", None));
        Assert.Null(await Stores.Schedules.GetAsync(Forgotten, None));
        Assert.Null(await Stores.Claims.GetAsync(Forgotten, new DateOnly(2026, 3, 2), ClaimKind.Session, None));
    }

    [Fact]
    public async Task An_erased_learner_is_no_longer_listed_for_sessions()
    {
        await SeedAsync(Forgotten, prompts: 1, reviews: 1);

        await Eraser.EraseAsync(Forgotten, None);

        await foreach (var learner in Stores.Learners.ListActiveAsync(Forgotten.TenantId, None))
        {
            Assert.NotEqual(Forgotten, learner.Key);
        }
    }

    [Fact]
    public async Task Erase_touches_no_other_learner()
    {
        LearnerKey[] others =
        [
            new(Forgotten.TenantId, Forgotten.LearnerId + "x"),   // longer id, same prefix
            new(Forgotten.TenantId, Forgotten.LearnerId[..^1]),  // shorter id
            new(Forgotten.TenantId, Forgotten.LearnerId + "|welcomed"),
            new("tenant-other", Forgotten.LearnerId),             // same id, other tenant
            new(Forgotten.TenantId + "|x", "y"),
        ];
        await SeedAsync(Forgotten, prompts: 2, reviews: 1);
        foreach (var other in others)
        {
            await SeedAsync(other, prompts: 2, reviews: 1);
        }

        var before = new List<LearnerFootprint>();
        foreach (var other in others)
        {
            before.Add(await Eraser.DescribeAsync(other, None));
        }

        await Eraser.EraseAsync(Forgotten, None);

        for (var i = 0; i < others.Length; i++)
        {
            var after = await Eraser.DescribeAsync(others[i], None);
            Assert.Equal(before[i].Counts.OrderBy(c => c.Key), after.Counts.OrderBy(c => c.Key));
            Assert.NotNull(await Stores.Learners.GetAsync(others[i], None));
            Assert.Equal(2, (await Stores.Answers.ListAnswersAsync(others[i], None)).Count);
        }
    }

    [Fact]
    public async Task Erase_is_idempotent_and_erasing_nobody_succeeds()
    {
        await SeedAsync(Forgotten, prompts: 1, reviews: 1);

        Assert.True(await Eraser.EraseAsync(Forgotten, None) > 0);
        Assert.Equal(0, await Eraser.EraseAsync(Forgotten, None));
        Assert.Equal(0, await Eraser.EraseAsync(new LearnerKey("tenant-erase", "never-seen"), None));
    }

    [Fact]
    public async Task Erase_removes_a_long_history_across_batches()
    {
        await SeedAsync(Forgotten, prompts: 130, reviews: 5);

        await Eraser.EraseAsync(Forgotten, None);

        Assert.Empty(await RawTracesAsync(Forgotten.LearnerId));
    }

    [Fact]
    public async Task A_learner_who_comes_back_after_erasure_starts_empty()
    {
        await SeedAsync(Forgotten, prompts: 2, reviews: 2);
        await Eraser.EraseAsync(Forgotten, None);

        await Stores.Learners.UpsertAsync(new Learner { Key = Forgotten, CreatedAt = Start }, None);

        var footprint = await Eraser.DescribeAsync(Forgotten, None);
        Assert.Equal(1, footprint[LearnerFootprint.Profile]);
        Assert.Equal(1, footprint.Total);
        Assert.True(await Stores.Learners.TryMarkWelcomedAsync(Forgotten, Start.AddDays(1), None), "the old welcome marker survived");
    }

    [Fact]
    public async Task Forget_me_leaves_no_entra_id_of_the_person_in_campaigns_grants_or_handoffs()
    {
        var tenant = Forgotten.TenantId;
        await SeedAsync(Forgotten, prompts: 1, reviews: 1);
        var created = new CampaignKey(tenant, "madeby1");
        await Stores.Campaigns.SaveAsync(
            new Campaign
            {
                TenantId = tenant,
                Id = created.CampaignId,
                Name = "Made by the forgotten manager",
                CreatedBy = Forgotten.LearnerId,
                Audience = new CampaignAudience { Kind = AudienceKind.Picked, LearnerIds = ["someone-else"] },
            },
            None);
        await Stores.Grants.GrantAsync(new ManagerGrant(tenant, "granted-by-them", "Another Manager", Forgotten.LearnerId, Start), None);
        await Stores.Routes.SaveAsync(
            new SafeguardingRoute
            {
                TenantId = tenant,
                Name = "Safeguarding team",
                HowToReach = "ext 100",
                Recipients = [new SafeguardingRecipient(Forgotten.LearnerId, "Person To Forget"), new SafeguardingRecipient("lead-2", "Second Lead")],
                UpdatedBy = Forgotten.LearnerId,
                UpdatedAt = Start,
            },
            None);
        await Stores.Handoffs.RecordAsync(new HandoffRecord(tenant, "h-of-someone-else", "someone-else", Start, [Forgotten.LearnerId, "29:contact-1"]), None);

        await Eraser.EraseAsync(Forgotten, None);

        Assert.Equal(ErasedPerson.Id, (await Stores.Campaigns.GetAsync(created, None))!.CreatedBy);
        Assert.Equal(ErasedPerson.Id, (await Stores.Grants.ListAsync(tenant, None)).Single(g => g.LearnerId == "granted-by-them").GrantedBy);
        var route = await Stores.Routes.GetAsync(tenant, None);
        Assert.Equal(ErasedPerson.Id, route!.UpdatedBy);
        Assert.Equal([new SafeguardingRecipient(Forgotten.LearnerId, null), new SafeguardingRecipient("lead-2", "Second Lead")], route.Recipients);
        Assert.Equal([ErasedPerson.Id, "29:contact-1"], (await Stores.Handoffs.FindAsync(tenant, "h-of-someone-else", None))!.ToUserIds);
        Assert.Equal("someone-else", (await Stores.Handoffs.FindAsync(tenant, "h-of-someone-else", None))!.FromUserId);

        // Kept on purpose (docs/security.md): the id as a recipient of the organisation's route, so concerns keep reaching them.
        var traces = await RawTracesAsync(Forgotten.LearnerId);
        Assert.Single(traces);
        Assert.Contains("safeguarding", traces[0], StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await Eraser.EraseAsync(Forgotten, None));
    }

    private const string CampaignId = "erasecamp1";

    private async Task SeedAsync(LearnerKey key, int prompts, int reviews)
    {
        var campaignKey = new CampaignKey(key.TenantId, CampaignId);
        var campaign = await Stores.Campaigns.GetAsync(campaignKey, None) ?? new Campaign
        {
            TenantId = key.TenantId,
            Id = CampaignId,
            Name = "Refresher",
            CreatedBy = "manager-1",
            Audience = new CampaignAudience { Kind = AudienceKind.Picked, LearnerIds = ["someone-else"] },
        };
        await Stores.Campaigns.SaveAsync(campaign with { Audience = campaign.Audience with { LearnerIds = [.. campaign.Audience.LearnerIds, key.LearnerId] } }, None);
        await Stores.Grants.GrantAsync(new ManagerGrant(key.TenantId, key.LearnerId, "Person To Forget", "manager-1", Start), None);
        await Stores.Claims.TryClaimAsync(
            new DeliveryClaim { Learner = key, LocalDate = new DateOnly(2026, 3, 2), Kind = ClaimKind.Nudge, Owner = "host-1", Source = "campaign:" + CampaignId, ClaimedAt = Start },
            None);
        await Stores.Learners.UpsertAsync(
            new Learner
            {
                Key = key,
                DisplayName = "Person To Forget",
                Address = new ConversationAddress("https://smba.trafficmanager.net/emea/", "msteams", "a:1conv-" + key.LearnerId, "28:bot", "29:" + key.LearnerId, key.TenantId),
                Locale = "en-GB",
                TimeZone = "Europe/London",
                Country = "GB",
                Track = "healthcare",
                ReportingRegion = "GB",
                CreatedAt = Start,
            },
            None);
        await Stores.Learners.TryMarkWelcomedAsync(key, Start, None);
        for (var i = 0; i < prompts; i++)
        {
            var issuedAt = Start.AddMinutes(i);
            await Stores.Answers.RecordIssuedAsync(new IssuedQuestion(key, "p-" + i, "q-" + (i % 7), 1, issuedAt, OnDemand: true), None);
            await Stores.Answers.AppendAsync(
                new AnswerRecord(key, "p-" + i, "q-" + (i % 7), 1, "a", i % 2 == 0, Confidence.Unsure, issuedAt, issuedAt.AddSeconds(20)),
                None);
        }

        await Stores.Schedules.SaveAsync(new PersonalSchedule { Learner = key, UpdatedAt = Start, TimeZone = "Europe/London" }, None);
        await Stores.Claims.TryClaimAsync(new DeliveryClaim { Learner = key, LocalDate = new DateOnly(2026, 3, 2), Owner = "host-1", Source = "personal", ClaimedAt = Start }, None);
        await Stores.Handoffs.RecordAsync(new HandoffRecord(key.TenantId, "h-" + key.LearnerId.GetHashCode(StringComparison.Ordinal), key.LearnerId, Start, ["29:contact-1"]), None);
        for (var i = 0; i < reviews; i++)
        {
            await Stores.Reviews.SaveAsync(
                new ReviewState { Learner = key, QuestionId = "q-" + i, Phase = ReviewPhase.Review, Stability = 3, Difficulty = 5, Due = Start.AddDays(3), LastReview = Start, Reps = 1 },
                None);
        }
    }
}

/// <summary>The erase contract on SQLite; the raw scan reads every column of every table.</summary>
public sealed class SqliteEraseContractTests : EraseContractTests
{
    private string? path;

    protected override Task<EraseStores> CreateAsync()
    {
        var directory = new TempDirectory();
        var db = new SqliteDatabase(new SqliteStoreOptions { Path = directory.Combine("data", "beacon.db"), ListPageSize = 3 });
        path = db.FilePath;
        return Task.FromResult(new EraseStores(
            new SqliteLearnerStore(db),
            new SqliteAnswerStore(db),
            new SqliteReviewStore(db),
            new SqliteHandoffLog(db),
            new SqliteScheduleStore(db),
            new SqliteDeliveryClaimStore(db),
            new SqliteCampaignStore(db),
            new SqliteManagerGrantStore(db),
            new SqliteSafeguardingRouteStore(db),
            new SqliteLearnerEraser(db),
            () =>
            {
                db.Dispose();
                directory.Dispose();
                return ValueTask.CompletedTask;
            }));
    }

    protected override Task<IReadOnlyList<string>> RawTracesAsync(string text) =>
        Task.FromResult<IReadOnlyList<string>>(SqliteTraces(path!, text));

    /// <summary>Every row of every table in the file with a cell containing <paramref name="text"/>.</summary>
    public static List<string> SqliteTraces(string path, string text)
    {
        var traces = new List<string>();
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%';";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.NotEmpty(tables);
        foreach (var table in tables)
        {
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\";";
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (!reader.IsDBNull(i) && Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!.Contains(text, StringComparison.Ordinal))
                    {
                        traces.Add($"{table}.{reader.GetName(i)}");
                    }
                }
            }
        }

        return traces;
    }
}

/// <summary>The erase contract on Azure Table Storage (Azurite); the raw scan reads every entity of every table of the prefix.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class AzureTablesEraseContractTests(AzuriteFixture azurite) : EraseContractTests
{
    private readonly string prefix = "e" + Guid.NewGuid().ToString("N")[..20];

    protected override async Task<EraseStores> CreateAsync()
    {
        var storage = new AzureTableStorage(new AzureTableStoreOptions { ConnectionString = azurite.ConnectionString, TablePrefix = prefix, ListPageSize = 3 });
        await storage.EnsureCreatedAsync(CancellationToken.None);
        var delivery = new AzureTableDeliveryTable(storage);
        var campaigns = new AzureTableCampaignTable(storage);
        return new EraseStores(
            new AzureTableLearnerStore(storage),
            new AzureTableAnswerStore(storage),
            new AzureTableReviewStore(storage),
            new AzureTableHandoffLog(storage),
            new AzureTableScheduleStore(delivery),
            new AzureTableDeliveryClaimStore(delivery),
            new AzureTableCampaignStore(campaigns),
            new AzureTableManagerGrantStore(campaigns),
            new AzureTableSafeguardingRouteStore(campaigns),
            new AzureTableLearnerEraser(storage),
            async () =>
            {
                await storage.DeleteTablesAsync(CancellationToken.None);
                await delivery.Table.DeleteAsync(CancellationToken.None);
                await campaigns.Table.DeleteAsync(CancellationToken.None);
                campaigns.Dispose();
                delivery.Dispose();
                storage.Dispose();
            });
    }

    protected override Task<IReadOnlyList<string>> RawTracesAsync(string text) => AzureTraces(azurite.ConnectionString, prefix, text);

    /// <summary>Every entity, in every table whose name starts with <paramref name="tablePrefix"/>, with a key or value containing <paramref name="text"/>.</summary>
    public static async Task<IReadOnlyList<string>> AzureTraces(string connectionString, string tablePrefix, string text)
    {
        var service = new TableServiceClient(connectionString);
        var traces = new List<string>();
        var tables = 0;
        await foreach (var table in service.QueryAsync(t => true))
        {
            if (!table.Name.StartsWith(tablePrefix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            tables++;
            await foreach (var entity in service.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                var hit = entity.Keys
                    .Where(k => k is not "odata.etag" and not "Timestamp")
                    .Any(k => Convert.ToString(entity[k], System.Globalization.CultureInfo.InvariantCulture)?.Contains(text, StringComparison.Ordinal) == true);
                if (hit)
                {
                    traces.Add($"{table.Name}:{entity.PartitionKey}/{entity.RowKey}");
                }
            }
        }

        Assert.True(tables > 0, $"no tables with prefix {tablePrefix}");
        return traces;
    }
}
