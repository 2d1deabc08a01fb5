namespace Beacon.Tests.Storage;

using Beacon.Storage.Sqlite;
using Microsoft.Data.Sqlite;

/// <summary>
/// The SQLite writers' queue: writes that queue up behind a running one commit together, each
/// with its own outcome, and a caller hears back only after its write is committed.
/// </summary>
public sealed class SqliteWriteQueueTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly TempDirectory directory = new();
    private readonly SqliteDatabase database;
    private readonly TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource blockerStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SqliteWriteQueueTests()
    {
        database = new SqliteDatabase(new SqliteStoreOptions { Path = directory.Combine("beacon.db") });
    }

    public void Dispose()
    {
        database.Dispose();
        SqliteConnection.ClearAllPools();
        directory.Dispose();
    }

    [Fact]
    public async Task Writes_queued_behind_a_running_one_share_a_transaction_and_a_failing_one_is_rolled_back_alone()
    {
        await database.EnsureCreatedAsync(None);
        var blocker = BlockingInsertAsync("first");
        await blockerStarted.Task;
        var insideTransaction = new List<bool>();
        var second = InsertAsync("second", insideTransaction);
        var failing = database.RunWriteAsync<int>(
            async (connection, ct) =>
            {
                await InsertAsync(connection, "rolled-back", ct);
                throw new InvalidOperationException("the write failed after its insert");
            },
            None);
        var third = InsertAsync("third", insideTransaction);

        release.SetResult();
        await blocker;
        await second;
        await third;
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => failing);

        Assert.Equal("the write failed after its insert", failure.Message);
        Assert.Equal([true, true], insideTransaction);
        Assert.Equal(["first", "second", "third"], await StoredLearnersAsync());
    }

    [Fact]
    public async Task A_completed_write_is_committed_for_every_other_connection()
    {
        await InsertAsync("visible", []);

        Assert.Equal(["visible"], await StoredLearnersAsync());
    }

    [Fact]
    public async Task When_the_shared_transaction_breaks_each_write_runs_again_alone_with_its_own_outcome()
    {
        await database.EnsureCreatedAsync(None);
        var blocker = BlockingInsertAsync("first");
        await blockerStarted.Task;
        var insideTransaction = new List<bool>();
        var second = InsertAsync("second", insideTransaction);
        // A faulty write that rolls the shared transaction back under the others' feet.
        var rogue = database.RunWriteAsync(
            async (connection, ct) =>
            {
                var command = connection.CreateCommand();
                await using (command)
                {
                    command.CommandText = "ROLLBACK;";
                    return await command.ExecuteNonQueryAsync(ct);
                }
            },
            None);
        var third = InsertAsync("third", insideTransaction);

        release.SetResult();
        await blocker;
        Assert.Equal(1, await second);
        Assert.Equal(1, await third);
        await Assert.ThrowsAsync<SqliteException>(() => rogue);

        // The second write ran in the shared transaction, which the rogue one undid; then every
        // write ran alone (run twice and kept twice, the second write would have hit the primary key).
        Assert.Equal([true, false, false], insideTransaction);
        Assert.Equal(["first", "second", "third"], await StoredLearnersAsync());
    }

    [Fact]
    public async Task A_write_whose_caller_gives_up_while_it_waits_is_not_made()
    {
        await database.EnsureCreatedAsync(None);
        var blocker = BlockingInsertAsync("first");
        await blockerStarted.Task;
        using var giveUp = new CancellationTokenSource();
        var abandoned = database.RunWriteAsync((connection, ct) => InsertAsync(connection, "abandoned", ct), giveUp.Token);

        await giveUp.CancelAsync();
        release.SetResult();
        await blocker;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        Assert.Equal(["first"], await StoredLearnersAsync());
    }

    [Fact]
    public async Task A_write_with_its_own_transaction_runs_outside_the_shared_one()
    {
        await database.EnsureCreatedAsync(None);
        var blocker = BlockingInsertAsync("first");
        await blockerStarted.Task;
        var before = InsertAsync("before", []);
        var own = database.RunWriteAloneAsync(
            async (connection, ct) =>
            {
                var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
                await using (transaction)
                {
                    var inserted = await InsertAsync(connection, "own", ct, transaction);
                    await transaction.CommitAsync(ct);
                    return inserted;
                }
            },
            committed: null,
            None);
        var after = InsertAsync("after", []);

        release.SetResult();
        await Task.WhenAll(blocker, before, own, after);

        Assert.Equal(["after", "before", "first", "own"], await StoredLearnersAsync());
    }

    [Fact]
    public async Task The_writers_connection_leaves_checkpoints_to_the_background_checkpointer_which_copies_the_log_into_the_file()
    {
        await database.EnsureCreatedAsync(None);
        var automatic = await database.RunWriteAsync(
            async (connection, ct) =>
            {
                var command = connection.CreateCommand();
                await using (command)
                {
                    command.CommandText = "PRAGMA wal_autocheckpoint;";
                    return (long)(await command.ExecuteScalarAsync(ct))!;
                }
            },
            None);
        var fileBefore = new FileInfo(database.FilePath).Length;
        var checkpoint = database.NextCheckpointAsync();

        for (var i = 0; i < SqliteCheckpointer.WritesPerCheckpoint; i++)
        {
            Assert.False(checkpoint.IsCompleted);
            await InsertAsync("learner-" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture), []);
        }

        // A bound on a background thread's work, not a wait for time to pass.
        await checkpoint.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0L, automatic);
        Assert.True(new FileInfo(database.FilePath).Length > fileBefore, "the checkpoint copied the new pages into the database file");
        Assert.Equal(SqliteCheckpointer.WritesPerCheckpoint, (await StoredLearnersAsync()).Count);
    }

    [Fact]
    public async Task Writes_after_dispose_are_refused()
    {
        await database.EnsureCreatedAsync(None);
        database.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => InsertAsync("late", []));
    }

    [Fact]
    public async Task The_committed_callback_sees_every_write_of_a_shared_transaction_stored_in_order_before_its_caller_does()
    {
        await database.EnsureCreatedAsync(None);
        var blocker = BlockingInsertAsync("first");
        await blockerStarted.Task;
        var seen = new List<(string Learner, List<string> Stored)>();
        var callers = new[] { "second", "third", "fourth" }.Select(learner => database.RunWriteAsync(
            (connection, ct) => InsertAsync(connection, learner, ct),
            _ =>
            {
                lock (seen)
                {
                    seen.Add((learner, StoredLearnersAsync().GetAwaiter().GetResult()));
                }
            },
            None)).ToArray();

        release.SetResult();
        await blocker;
        foreach (var (caller, learner) in callers.Zip(new[] { "second", "third", "fourth" }))
        {
            await caller;
            Assert.Contains(seen, s => s.Learner == learner); // told before the caller went on
        }

        Assert.Equal(["second", "third", "fourth"], seen.Select(s => s.Learner));
        Assert.All(seen, s => Assert.Equal(["first", "fourth", "second", "third"], s.Stored));
    }

    [Fact]
    public async Task A_committed_callback_that_throws_fails_its_caller_but_the_write_stays_stored()
    {
        var write = database.RunWriteAsync(
            (connection, ct) => InsertAsync(connection, "stored", ct),
            _ => throw new InvalidOperationException("after the commit"),
            None);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => write);

        Assert.Equal("after the commit", failure.Message);
        Assert.Equal(["stored"], await StoredLearnersAsync());
        await InsertAsync("next", []); // the queue goes on
        Assert.Equal(["next", "stored"], await StoredLearnersAsync());
    }

    private Task<int> BlockingInsertAsync(string learnerId) =>
        database.RunWriteAsync(
            async (connection, ct) =>
            {
                var inserted = await InsertAsync(connection, learnerId, ct);
                blockerStarted.SetResult();
                await release.Task.WaitAsync(ct);
                return inserted;
            },
            None);

    private Task<int> InsertAsync(string learnerId, List<bool> insideTransaction) =>
        database.RunWriteAsync(
            (connection, ct) =>
            {
                lock (insideTransaction)
                {
                    insideTransaction.Add(SQLitePCL.raw.sqlite3_get_autocommit(connection.Handle) == 0);
                }

                return InsertAsync(connection, learnerId, ct);
            },
            None);

    private static async Task<int> InsertAsync(SqliteConnection connection, string learnerId, CancellationToken cancellationToken, SqliteTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        await using (command)
        {
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO learners (tenant_id, learner_id, created_at, active) VALUES ('tenant', $learner, '2026-11-28T00:00:00Z', 1);";
            command.Parameters.AddWithValue("$learner", learnerId);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private async Task<List<string>> StoredLearnersAsync()
    {
        // A connection of its own, outside the database's pool of kept connections.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database.FilePath, Pooling = false }.ToString());
        await using (connection)
        {
            await connection.OpenAsync();
            var command = connection.CreateCommand();
            command.CommandText = "SELECT learner_id FROM learners ORDER BY learner_id;";
            var learners = new List<string>();
            var reader = await command.ExecuteReaderAsync();
            await using (reader)
            {
                while (await reader.ReadAsync())
                {
                    learners.Add(reader.GetString(0));
                }
            }

            return learners;
        }
    }
}
