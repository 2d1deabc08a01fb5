namespace Beacon.Tests.Storage;

using Azure.Data.Tables;
using Beacon.Bot.Cli;
using Beacon.Storage.AzureTables;
using Beacon.Storage.Sqlite;
using Beacon.Training.Answers;
using Beacon.Training.Learners;
using Beacon.Training.Reporting;
using Beacon.Training.Reviews;
using Microsoft.Data.Sqlite;

/// <summary>
/// <c>storage copy</c> both ways (SQLite to Azurite, Azurite to SQLite): everything arrives, and a
/// second run leaves identical tables.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class StorageCopyTests(AzuriteFixture azurite) : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task Copy_run_twice_leaves_identical_tables_holding_everything_from_SQLite()
    {
        var sqlitePath = directory.Combine("beacon.db");
        await PopulateAsync(sqlitePath, learners: 12);
        var prefix = "copy" + Guid.NewGuid().ToString("N")[..12];
        string[] args = ["storage", "copy", "--to", "azuretables", "--from", "sqlite", "--sqlite-path", sqlitePath,
            "--connection-string", azurite.ConnectionString, "--table-prefix", prefix];

        var first = Run(args);
        var afterFirst = await SnapshotAsync(prefix);
        var second = Run(args);
        var afterSecond = await SnapshotAsync(prefix);

        Assert.True(first.Code == 0, first.Error);
        Assert.True(second.Code == 0, second.Error);
        Assert.Contains("Copied 12 learner profiles, the records of 12 learners (36 issued questions, 24 answers, 12 review states) and 3 handoff records", first.Output, StringComparison.Ordinal);
        Assert.Contains(CopiedDeliveryAndCampaigns, first.Output, StringComparison.Ordinal);
        Assert.Contains(CopiedDeliveryAndCampaigns, second.Output, StringComparison.Ordinal);
        // 12 profiles + 6 welcome markers; 36 + 24 + 12 learner rows; 3 handoffs; 5 schedules + 16 claims (sessions, reminders, announcements); 4 campaigns + 4 grants + 2 safeguarding routes.
        Assert.Equal(18, afterFirst["Learners"].Count);
        Assert.Equal(72, afterFirst["LearnerData"].Count);
        Assert.Equal(3, afterFirst["Handoffs"].Count);
        Assert.Equal(21, afterFirst["Delivery"].Count);
        Assert.Equal(10, afterFirst["Campaigns"].Count);
        Assert.Equal(afterFirst.Keys, afterSecond.Keys);
        foreach (var table in afterFirst.Keys)
        {
            Assert.Equal(afterFirst[table], afterSecond[table]);
        }

        // What the Azure store reads back is what SQLite holds (review values; tokens differ by store).
        using var sqlite = new SqliteDatabase(new SqliteStoreOptions { Path = sqlitePath });
        using var tables = new AzureTableStorage(new AzureTableStoreOptions { ConnectionString = azurite.ConnectionString, TablePrefix = prefix });
        var source = new SqliteStoreTransfer(sqlite);
        var target = new AzureTableStoreTransfer(tables);
        Assert.Equal(
            (await ToListAsync(source.ExportLearnersAsync(None))).OrderBy(l => l.Key.ToString()),
            (await ToListAsync(target.ExportLearnersAsync(None))).OrderBy(l => l.Key.ToString()));
        var sourceRecords = (await ToListAsync(source.ExportRecordsAsync(None))).OrderBy(r => r.Learner.ToString()).ToList();
        var targetRecords = (await ToListAsync(target.ExportRecordsAsync(None))).OrderBy(r => r.Learner.ToString()).ToList();
        Assert.Equal(sourceRecords.Select(r => r.Learner), targetRecords.Select(r => r.Learner));
        foreach (var (expected, actual) in sourceRecords.Zip(targetRecords))
        {
            Assert.Equal(expected.Issued.OrderBy(i => i.PromptId, StringComparer.Ordinal), actual.Issued.OrderBy(i => i.PromptId, StringComparer.Ordinal));
            Assert.Equal(expected.Answers, actual.Answers);
            Assert.Equal(expected.Reviews.Select(r => r with { ConcurrencyToken = null }), actual.Reviews.Select(r => r with { ConcurrencyToken = null }));
        }

        var handoffs = await ToListAsync(target.ExportHandoffsAsync(None));
        Assert.Equal(["h-0", "h-1", "h-2"], handoffs.Select(h => h.HandoffId).Order(StringComparer.Ordinal));
        await AssertSameSchedulesCampaignsGrantsAndClaimsAsync(source, target);
    }

    [Fact]
    public async Task Copy_back_from_Azure_Tables_run_twice_leaves_identical_SQLite_tables_holding_everything()
    {
        var sqlitePath = directory.Combine("beacon.db");
        await PopulateAsync(sqlitePath, learners: 12);
        var prefix = "back" + Guid.NewGuid().ToString("N")[..12];
        var toTables = Run(["storage", "copy", "--to", "azuretables", "--sqlite-path", sqlitePath, "--connection-string", azurite.ConnectionString, "--table-prefix", prefix]);
        Assert.True(toTables.Code == 0, toTables.Error);
        var copyPath = directory.Combine("copy", "beacon.db");
        string[] args = ["storage", "copy", "--to", "sqlite", "--from", "azuretables", "--sqlite-path", copyPath,
            "--connection-string", azurite.ConnectionString, "--table-prefix", prefix];

        var first = Run(args);
        var afterFirst = SqliteSnapshot(copyPath);
        var second = Run(args);
        var afterSecond = SqliteSnapshot(copyPath);

        Assert.True(first.Code == 0, first.Error);
        Assert.True(second.Code == 0, second.Error);
        Assert.Contains("Copied 12 learner profiles, the records of 12 learners (36 issued questions, 24 answers, 12 review states) and 3 handoff records", first.Output, StringComparison.Ordinal);
        Assert.Contains(CopiedDeliveryAndCampaigns, first.Output, StringComparison.Ordinal);
        Assert.Contains(CopiedDeliveryAndCampaigns, second.Output, StringComparison.Ordinal);
        Assert.Equal(SqliteSnapshot(sqlitePath), afterFirst);
        Assert.Equal(afterFirst, afterSecond);

        using var original = new SqliteDatabase(new SqliteStoreOptions { Path = sqlitePath });
        using var copy = new SqliteDatabase(new SqliteStoreOptions { Path = copyPath });
        await AssertSameSchedulesCampaignsGrantsAndClaimsAsync(new SqliteStoreTransfer(original), new SqliteStoreTransfer(copy));
    }

    [Fact]
    public void The_storage_verb_is_wired_and_a_missing_SQLite_file_is_an_error_not_an_empty_copy()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var missing = directory.Combine("nothing-here.db");

        var code = CliVerbs.Run(
            ["storage", "copy", "--to", "azuretables", "--sqlite-path", missing, "--connection-string", azurite.ConnectionString, "--table-prefix", "never"],
            output,
            error);

        Assert.Equal(2, code);
        Assert.Contains("no SQLite database", error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
    }

    [Theory]
    [InlineData("storage")]
    [InlineData("storage copy")]
    [InlineData("storage copy --to mongodb")]
    [InlineData("storage copy --to sqlite --from sqlite")]
    [InlineData("storage copy --to azuretables --connection-string a --service-uri https://x/")]
    public void Bad_arguments_print_the_usage_and_return_2(string command)
    {
        var error = new StringWriter();
        Assert.Equal(2, StorageCommand.Run(command.Split(' '), new StringWriter(), error));
        Assert.Contains("usage: storage copy", error.ToString(), StringComparison.Ordinal);
    }

    private const string CopiedDeliveryAndCampaigns = "Copied 5 personal schedules, 4 campaigns, 4 manager grants, 2 safeguarding routes and 16 delivery claims.";

    /// <summary>What the target reads back is what the source holds (concurrency tokens differ by store and copy).</summary>
    private static async Task AssertSameSchedulesCampaignsGrantsAndClaimsAsync(SqliteStoreTransfer source, Training.Ports.IStoreExport target)
    {
        static async Task<List<string>> Rows<T>(IAsyncEnumerable<T> rows, Func<T, string> show) =>
            [.. (await ToListAsync(rows)).Select(show).Order(StringComparer.Ordinal)];

        Assert.Equal(StoreContractTests.CopySchedules().Count, (await ToListAsync(target.ExportSchedulesAsync(None))).Count);
        Assert.Equal(
            await Rows(source.ExportSchedulesAsync(None), s => (s with { ConcurrencyToken = null }).ToString()),
            await Rows(target.ExportSchedulesAsync(None), s => (s with { ConcurrencyToken = null }).ToString()));
        Assert.Equal(
            await Rows(source.ExportCampaignsAsync(None), CampaignStoreContractTests.Stored),
            await Rows(target.ExportCampaignsAsync(None), CampaignStoreContractTests.Stored));
        Assert.Equal(
            await Rows(source.ExportManagerGrantsAsync(None), g => g.ToString()),
            await Rows(target.ExportManagerGrantsAsync(None), g => g.ToString()));
        Assert.Equal(2, (await ToListAsync(target.ExportSafeguardingRoutesAsync(None))).Count);
        Assert.Equal(
            await Rows(source.ExportSafeguardingRoutesAsync(None), SafeguardingRouteStoreContractTests.Stored),
            await Rows(target.ExportSafeguardingRoutesAsync(None), SafeguardingRouteStoreContractTests.Stored));
        StoreContractTests.AssertClaims(await ToListAsync(source.ExportDeliveryClaimsAsync(None)), await ToListAsync(target.ExportDeliveryClaimsAsync(None)));
    }

    /// <summary>Every row of every table of a SQLite store, without the version columns (the concurrency tokens).</summary>
    private static Dictionary<string, List<string>> SqliteSnapshot(string path)
    {
        var snapshot = new Dictionary<string, List<string>>();
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly }.ToString()))
        {
            connection.Open();
            var tables = new List<string>();
            using (var list = connection.CreateCommand())
            {
                list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name;";
                using var reader = list.ExecuteReader();
                while (reader.Read())
                {
                    tables.Add(reader.GetString(0));
                }
            }

            foreach (var table in tables)
            {
                using var command = connection.CreateCommand();
                command.CommandText = $"SELECT * FROM \"{table}\";";
                using var reader = command.ExecuteReader();
                var rows = new List<string>();
                while (reader.Read())
                {
                    rows.Add(string.Join(';', Enumerable.Range(0, reader.FieldCount)
                        .Where(i => reader.GetName(i) != "version")
                        .Select(i => $"{reader.GetName(i)}={Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)}")));
                }

                snapshot[table] = [.. rows.Order(StringComparer.Ordinal)];
            }
        }

        SqliteConnection.ClearAllPools();
        return snapshot;
    }

    private static (int Code, string Output, string Error) Run(string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = StorageCommand.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>Every entity of the copy's tables: keys and properties, without Timestamp and ETag.</summary>
    private async Task<Dictionary<string, List<string>>> SnapshotAsync(string prefix)
    {
        var service = new TableServiceClient(azurite.ConnectionString);
        var snapshot = new Dictionary<string, List<string>>();
        foreach (var table in new[] { "Learners", "LearnerData", "Handoffs", "Delivery", "Campaigns" })
        {
            var rows = new List<string>();
            await foreach (var entity in service.GetTableClient(prefix + table).QueryAsync<TableEntity>())
            {
                var properties = entity.Keys
                    .Where(k => k is not ("Timestamp" or "odata.etag"))
                    .Order(StringComparer.Ordinal)
                    .Select(k => $"{k}={Convert.ToString(entity[k], System.Globalization.CultureInfo.InvariantCulture)}");
                rows.Add(string.Join(';', properties));
            }

            snapshot[table] = rows;
        }

        return snapshot;
    }

    /// <summary>
    /// 12 learners over two tenants (half welcomed, one inactive, ids with reserved characters),
    /// each with 3 issued questions, 2 answers and a review state; 3 handoffs; the contract suite's
    /// 5 schedules, 4 campaigns (every status), 4 manager grants, 2 safeguarding routes and 16 delivery claims.
    /// </summary>
    private static async Task PopulateAsync(string path, int learners)
    {
        using var database = new SqliteDatabase(new SqliteStoreOptions { Path = path });
        var learnerStore = new SqliteLearnerStore(database);
        var answerStore = new SqliteAnswerStore(database);
        var reviewStore = new SqliteReviewStore(database);
        var handoffs = new SqliteHandoffLog(database);
        var at = new DateTimeOffset(2025, 6, 1, 9, 30, 0, TimeSpan.FromHours(2)).AddTicks(1234);
        for (var i = 0; i < learners; i++)
        {
            var key = new LearnerKey(i % 2 == 0 ? "tenant-a" : "tenant/b", $"29:user|{i}#?");
            await learnerStore.UpsertAsync(
                new Learner
                {
                    Key = key,
                    DisplayName = $"User {i}",
                    Address = new ConversationAddress("https://smba.trafficmanager.net/emea/", "msteams", $"a:conv-{i}", "28:bot", $"29:user-{i}", key.TenantId),
                    Locale = "en-GB",
                    Track = i % 3 == 0 ? "frontline" : null,
                    CreatedAt = at.AddDays(-i),
                    WelcomedAt = i % 2 == 0 ? at.AddDays(-i).AddMinutes(1) : null,
                    Active = i != 5,
                },
                None);
            for (var p = 0; p < 3; p++)
            {
                await answerStore.RecordIssuedAsync(new IssuedQuestion(key, $"prompt-{i}-{p}", $"q-{p}", 1, at.AddHours(p), p == 0), None);
            }

            for (var p = 0; p < 2; p++)
            {
                await answerStore.AppendAsync(
                    new AnswerRecord(key, $"prompt-{i}-{p}", $"q-{p}", 1, "a", p == 0, Confidence.Sure, at.AddHours(p), at.AddHours(p).AddSeconds(20 + i)),
                    None);
            }

            await reviewStore.SaveAsync(
                new ReviewState
                {
                    Learner = key,
                    QuestionId = "q-0",
                    Phase = ReviewPhase.Review,
                    Stability = 2.5 + i,
                    Difficulty = 5.25,
                    Due = at.AddDays(3),
                    LastReview = at,
                    Reps = 2,
                    Lapses = i % 2,
                    Step = 0,
                },
                None);
        }

        for (var h = 0; h < 3; h++)
        {
            await handoffs.RecordAsync(new HandoffRecord(h == 2 ? "tenant/b" : "tenant-a", $"h-{h}", $"29:user|{h}#?", at.AddMinutes(h), ["lead-1", "lead-2"]), None);
        }

        var schedules = new SqliteScheduleStore(database);
        foreach (var schedule in StoreContractTests.CopySchedules())
        {
            await schedules.SaveAsync(schedule, None);
        }

        var campaigns = new SqliteCampaignStore(database);
        foreach (var campaign in StoreContractTests.CopyCampaigns())
        {
            await campaigns.SaveAsync(campaign, None);
        }

        var grants = new SqliteManagerGrantStore(database);
        foreach (var grant in StoreContractTests.CopyGrants())
        {
            await grants.GrantAsync(grant, None);
        }

        var routes = new SqliteSafeguardingRouteStore(database);
        await routes.SaveAsync(SafeguardingRouteStoreContractTests.Sample(), None);
        await routes.SaveAsync(SafeguardingRouteStoreContractTests.Sample("tenant-b", "Alex Kim") with { ProcedureUrl = null, Recipients = [] }, None);

        var claims = new SqliteDeliveryClaimStore(database);
        foreach (var claim in StoreContractTests.CopyClaims().SelectMany(c => c.Claims))
        {
            await claims.CompleteAsync(claim, None);
        }

        SqliteConnection.ClearAllPools();
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }
}
