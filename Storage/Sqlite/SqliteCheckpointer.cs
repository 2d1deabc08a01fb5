namespace Beacon.Storage.Sqlite;

using Microsoft.Data.Sqlite;

/// <summary>
/// Copies the write-ahead log back into the database file in the background: a PASSIVE
/// checkpoint on a connection of its own after every <see cref="WritesPerCheckpoint"/> committed
/// writes of the writers' queue. Left to itself, SQLite checkpoints inside the commit that fills
/// the log, syncing the log and the file there, and every write queued behind that commit waits.
/// A PASSIVE checkpoint takes no writer's lock and waits for no reader.
/// </summary>
internal sealed class SqliteCheckpointer : IDisposable
{
    // About a thousand pages of log (SQLite's own default point) at three to five pages a write.
    internal const int WritesPerCheckpoint = 250;

    private readonly Func<CancellationToken, Task<SqliteConnection>> open;
    private readonly Action<SqliteConnection> close;
    private readonly SemaphoreSlim due = new(0, 1);
    private readonly CancellationTokenSource stopping = new();
    private readonly Task loop;
    private int writesSinceSignal;
    private TaskCompletionSource nextCheckpoint = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Used only by the loop.
    private SqliteConnection? connection;

    public SqliteCheckpointer(Func<CancellationToken, Task<SqliteConnection>> open, Action<SqliteConnection> close)
    {
        this.open = open;
        this.close = close;
        loop = Task.Run(RunLoopAsync);
    }

    /// <summary>Completes after the next checkpoint that ran to the end (for tests and diagnostics).</summary>
    internal Task NextCheckpointAsync() => Volatile.Read(ref nextCheckpoint).Task;

    /// <summary>Counts committed writes (called by the writers' queue, one caller at a time).</summary>
    public void Committed(int writes)
    {
        writesSinceSignal += writes;
        if (writesSinceSignal < WritesPerCheckpoint)
        {
            return;
        }

        writesSinceSignal = 0;
        if (due.CurrentCount == 0)
        {
            try
            {
                due.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already due: the loop will catch up with these writes too.
            }
        }
    }

    public void Dispose()
    {
        stopping.Cancel();
        loop.Wait(TimeSpan.FromSeconds(30));
        if (connection is { } open)
        {
            connection = null;
            close(open);
        }

        stopping.Dispose();
        due.Dispose();
    }

    private async Task RunLoopAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await due.WaitAsync(stopping.Token).ConfigureAwait(false);
                connection ??= await open(stopping.Token).ConfigureAwait(false);
                var command = SqliteDatabase.CreateCommand(connection, "PRAGMA wal_checkpoint(PASSIVE);");
                await using (command.ConfigureAwait(false))
                {
                    await command.ExecuteNonQueryAsync(stopping.Token).ConfigureAwait(false);
                }

                Interlocked.Exchange(ref nextCheckpoint, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).SetResult();
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is SqliteException or InvalidOperationException or IOException)
            {
                // The next due checkpoint tries again on a new connection; until one succeeds the
                // log grows and reads stay correct (they read the log).
                if (connection is { } failed)
                {
                    connection = null;
                    close(failed);
                }
            }
        }
    }
}
