namespace Beacon.Tests.Storage;

using Beacon.Storage.Sqlite;
using Beacon.Training.Learners;
using Beacon.Training.Ports;
using Microsoft.Data.Sqlite;

/// <summary>What only the SQLite store does: files, schema, journal mode, failure mapping.</summary>
public sealed class SqliteStoreTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly TempDirectory directory = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        directory.Dispose();
    }

    [Fact]
    public async Task First_use_creates_directory_file_schema_version_and_wal_journal()
    {
        var path = directory.Combine("nested", "deeper", "beacon.db");
        using var database = new SqliteDatabase(new SqliteStoreOptions { Path = path });
        Assert.False(File.Exists(path));

        Assert.True(await new SqliteStoreHealth(database).IsReachableAsync(None));

        Assert.True(File.Exists(path));
        Assert.Equal(path, database.FilePath);
        Assert.Equal((long)SqliteDatabase.SchemaVersion, await ScalarAsync(path, "SELECT MAX(version) FROM schema_version;"));
        Assert.Equal(1L, await ScalarAsync(path, "SELECT COUNT(*) FROM schema_version;"));
        Assert.Equal("wal", await ScalarAsync(path, "PRAGMA journal_mode;"));
    }

    [Fact]
    public async Task Schema_creation_is_idempotent_and_data_survives_a_new_instance()
    {
        var path = directory.Combine("beacon.db");
        var key = new LearnerKey("tenant-a", "learner-1");
        using (var first = new SqliteDatabase(new SqliteStoreOptions { Path = path }))
        {
            await first.EnsureCreatedAsync(None);
            await first.EnsureCreatedAsync(None);
            await new SqliteLearnerStore(first).UpsertAsync(new Learner { Key = key, DisplayName = "kept" }, None);
        }

        using var second = new SqliteDatabase(new SqliteStoreOptions { Path = path });
        await second.EnsureCreatedAsync(None);

        Assert.Equal("kept", (await new SqliteLearnerStore(second).GetAsync(key, None))?.DisplayName);
        Assert.Equal(1L, await ScalarAsync(path, "SELECT COUNT(*) FROM schema_version;"));
    }

    [Fact]
    public async Task A_directory_that_cannot_be_created_makes_the_store_unavailable()
    {
        // A regular file where the directory should be: CreateDirectory fails even for root.
        var blocker = directory.Combine("blocker");
        await File.WriteAllTextAsync(blocker, "not a directory");
        using var database = new SqliteDatabase(new SqliteStoreOptions { Path = Path.Combine(blocker, "sub", "beacon.db") });

        var ex = await Assert.ThrowsAsync<StoreUnavailableException>(
            () => new SqliteLearnerStore(database).GetAsync(new LearnerKey("t", "l"), None));

        Assert.IsAssignableFrom<IOException>(ex.InnerException);
        Assert.False(await new SqliteStoreHealth(database).IsReachableAsync(None));
    }

    [Fact]
    public async Task A_corrupt_file_makes_the_store_unavailable()
    {
        var path = directory.Combine("beacon.db");
        await File.WriteAllBytesAsync(path, Enumerable.Range(0, 8192).Select(i => (byte)(i * 7)).ToArray());
        using var database = new SqliteDatabase(new SqliteStoreOptions { Path = path });

        var ex = await Assert.ThrowsAsync<StoreUnavailableException>(
            () => new SqliteAnswerStore(database).ListAnswersAsync(new LearnerKey("t", "l"), None));

        var inner = Assert.IsType<SqliteException>(ex.InnerException);
        Assert.Equal(26, inner.SqliteErrorCode); // SQLITE_NOTADB
        Assert.False(await new SqliteStoreHealth(database).IsReachableAsync(None));
    }

    [Fact]
    public async Task A_write_lock_held_longer_than_the_busy_timeout_makes_the_store_unavailable_and_writes_nothing()
    {
        var path = directory.Combine("beacon.db");
        using var database = new SqliteDatabase(new SqliteStoreOptions { Path = path, BusyTimeout = TimeSpan.FromMilliseconds(200) });
        await database.EnsureCreatedAsync(None);
        var store = new SqliteLearnerStore(database);
        var key = new LearnerKey("tenant-a", "learner-1");

        await using (var holder = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await holder.OpenAsync();
            using var transaction = holder.BeginTransaction(deferred: false); // BEGIN IMMEDIATE: takes the write lock

            var ex = await Assert.ThrowsAsync<StoreUnavailableException>(
                () => store.UpsertAsync(new Learner { Key = key }, None));

            var inner = Assert.IsType<SqliteException>(ex.InnerException);
            Assert.Equal(5, inner.SqliteErrorCode); // SQLITE_BUSY
        }

        Assert.Null(await store.GetAsync(key, None));
    }

    [Fact]
    public async Task A_database_from_a_newer_build_is_refused()
    {
        var path = directory.Combine("beacon.db");
        using (var database = new SqliteDatabase(new SqliteStoreOptions { Path = path }))
        {
            await database.EnsureCreatedAsync(None);
        }

        await ScalarAsync(path, $"UPDATE schema_version SET version = {SqliteDatabase.SchemaVersion + 1};");
        using var newer = new SqliteDatabase(new SqliteStoreOptions { Path = path });

        await Assert.ThrowsAsync<StoreUnavailableException>(() => newer.EnsureCreatedAsync(None));
    }

    [Theory]
    [InlineData(1L)]
    [InlineData(2L)]
    [InlineData(3L)]
    [InlineData(4L)]
    public async Task A_database_of_an_older_schema_is_migrated_step_by_step_and_keeps_its_data(long oldVersion)
    {
        var path = directory.Combine("beacon.db");
        var campaign = CampaignStoreContractTests.Sample();
        var learner = new LearnerKey("t", "l");
        var issuedBefore = new Beacon.Training.Answers.IssuedQuestion(learner, "p-old", "q1", 1, DateTimeOffset.UnixEpoch, OnDemand: true);
        using (var database = new SqliteDatabase(new SqliteStoreOptions { Path = path }))
        {
            await new SqliteCampaignStore(database).SaveAsync(campaign, None);
            await new SqliteAnswerStore(database).RecordIssuedAsync(issuedBefore, None);
        }

        // Back to the older schema: version 4 kept no option order, version 3 no report groups either,
        // version 2 no safeguarding routes either, version 1 no campaign announcements.
        await ScalarAsync(path, "ALTER TABLE issued_questions DROP COLUMN option_order; ALTER TABLE issued_questions DROP COLUMN refresher_id;");
        if (oldVersion <= 3)
        {
            await ScalarAsync(path, "ALTER TABLE campaigns DROP COLUMN report_group;");
        }

        await ScalarAsync(path, $"UPDATE schema_version SET version = {oldVersion};");
        if (oldVersion <= 2)
        {
            await ScalarAsync(path, "DROP TABLE safeguarding_routes;");
        }

        if (oldVersion == 1)
        {
            await ScalarAsync(path, "ALTER TABLE campaigns DROP COLUMN announcement;");
        }

        using var migrated = new SqliteDatabase(new SqliteStoreOptions { Path = path });
        await migrated.EnsureCreatedAsync(None);

        Assert.Equal((long)SqliteDatabase.SchemaVersion, await ScalarAsync(path, "SELECT MAX(version) FROM schema_version;"));
        Assert.Equal(1L, await ScalarAsync(path, "SELECT COUNT(*) FROM schema_version;"));
        Assert.Equal(1L, await ScalarAsync(path, "SELECT COUNT(*) FROM pragma_table_info('campaigns') WHERE name = 'announcement';"));
        Assert.Equal(1L, await ScalarAsync(path, "SELECT COUNT(*) FROM pragma_table_info('campaigns') WHERE name = 'report_group';"));
        var kept = await new SqliteCampaignStore(migrated).GetAsync(new Beacon.Training.Campaigns.CampaignKey(campaign.TenantId, campaign.Id), None);
        Assert.Equal(campaign.Name, kept?.Name);
        var routes = new SqliteSafeguardingRouteStore(migrated);
        await routes.SaveAsync(SafeguardingRouteStoreContractTests.Sample(), None);
        Assert.Equal("Safeguarding team (Sam Patel)", (await routes.GetAsync("tenant/1#a", None))?.Name);

        // A question issued before options were shuffled reads with no order (shown in pack order).
        var answers = new SqliteAnswerStore(migrated);
        Assert.Equal(issuedBefore, await answers.GetIssuedAsync(learner, "p-old", None));
        var shuffled = issuedBefore with { PromptId = "p-new", OptionOrder = Beacon.Training.Answers.OptionOrder.Of(["c", "a", "b"]), RefresherId = "r-1" };
        await answers.RecordIssuedAsync(shuffled, None);
        Assert.Equal(shuffled, await answers.GetIssuedAsync(learner, "p-new", None));
    }

    [Fact]
    public async Task A_token_this_store_never_issued_conflicts()
    {
        using var database = new SqliteDatabase(new SqliteStoreOptions { Path = directory.Combine("beacon.db") });
        var store = new SqliteReviewStore(database);
        var saved = await store.SaveAsync(new Beacon.Training.Reviews.ReviewState { Learner = new LearnerKey("t", "l"), QuestionId = "q" }, None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync(saved with { ConcurrencyToken = "W/\"datetime'2025'\"" }, None));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync(saved with { ConcurrencyToken = "-1" }, None));
    }

    [Fact]
    public async Task A_second_database_on_the_same_file_is_refused_until_the_first_is_disposed_then_takes_over()
    {
        var path = directory.Combine("beacon.db");
        var key = new LearnerKey("t", "l");
        var first = new SqliteDatabase(new SqliteStoreOptions { Path = path });
        await new SqliteLearnerStore(first).UpsertAsync(new Learner { Key = key, DisplayName = "first" }, None);
        using var second = new SqliteDatabase(new SqliteStoreOptions { Path = path });

        var refused = await Assert.ThrowsAsync<StoreUnavailableException>(() => new SqliteLearnerStore(second).GetAsync(key, None));
        Assert.Contains("in use by another Beacon process", refused.Message, StringComparison.Ordinal);
        Assert.False(await new SqliteStoreHealth(second).IsReachableAsync(None));

        first.Dispose();
        Assert.True(await new SqliteStoreHealth(second).IsReachableAsync(None));
        Assert.Equal("first", (await new SqliteLearnerStore(second).GetAsync(key, None))?.DisplayName);
    }

    [Fact]
    public async Task Another_process_sees_the_owner_lock_while_the_database_is_open()
    {
        var path = directory.Combine("beacon.db");
        using (var database = new SqliteDatabase(new SqliteStoreOptions { Path = path }))
        {
            await database.EnsureCreatedAsync(None);
            Assert.Equal(1, await FlockAsync(SqliteFileOwner.LockPath(path))); // util-linux flock: 1 = could not take it
        }

        Assert.Equal(0, await FlockAsync(SqliteFileOwner.LockPath(path)));
    }

    [Fact]
    public async Task The_answer_log_indexes_of_older_files_are_dropped_and_the_log_kept()
    {
        var path = directory.Combine("beacon.db");
        var key = new LearnerKey("t", "l");
        var at = new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);
        using (var database = new SqliteDatabase(new SqliteStoreOptions { Path = path }))
        {
            await new SqliteAnswerStore(database).AppendAsync(new Beacon.Training.Answers.AnswerRecord(key, "p", "q", 1, "a", true, Beacon.Training.Answers.Confidence.Sure, at, at.AddSeconds(9)), None);
        }

        await ScalarAsync(path, """
            CREATE INDEX ix_answers_time ON answers (tenant_id, learner_id, answered_at_utc_ticks, prompt_id, issued_at);
            CREATE INDEX ix_answers_question ON answers (tenant_id, learner_id, question_id, answered_at_utc_ticks);
            """);
        using var reopened = new SqliteDatabase(new SqliteStoreOptions { Path = path });
        await reopened.EnsureCreatedAsync(None);

        Assert.Equal(0L, await ScalarAsync(path, "SELECT COUNT(*) FROM sqlite_master WHERE name IN ('ix_answers_time', 'ix_answers_question');"));
        var answers = new SqliteAnswerStore(reopened);
        Assert.Equal("p", Assert.Single(await answers.ListAnswersAsync(key, None)).PromptId);
        Assert.Equal([TimeSpan.FromSeconds(9)], await answers.ListResponseTimesBeforeAsync(key, at.AddDays(1), "other", 5, None));
    }

    private static async Task<int> FlockAsync(string lockPath)
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("flock", ["--nonblock", lockPath, "true"]))!;
        await process.WaitForExitAsync();
        return process.ExitCode;
    }

    private static async Task<object?> ScalarAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
