namespace Beacon.Storage.Sqlite;

using System.Threading.Channels;
using Microsoft.Data.Sqlite;

/// <summary>
/// The writes of one process, run one after another on one kept-open connection by a single loop.
/// Writes that queue up while the loop is busy are committed together (group commit): one
/// transaction, each write inside its own savepoint, so a write that fails is rolled back alone
/// and the others still commit. A caller's task completes only after its write has committed.
/// If the shared transaction itself fails (begin, savepoint or commit), it is rolled back and its
/// writes run again one by one, so each caller gets its own write's outcome.
/// </summary>
internal sealed class SqliteWriteQueue : IDisposable
{
    // Enough to take every write of 64 concurrent turns in one go; a cap keeps one transaction short.
    private const int MaxBatch = 64;

    private readonly Func<CancellationToken, Task<SqliteConnection>> open;
    private readonly Action<SqliteConnection> close;
    private readonly Action<int> committed;
    private readonly Channel<PendingWrite> pending = Channel.CreateUnbounded<PendingWrite>(
        new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = false });

    private readonly List<PendingWrite> batch = new(MaxBatch);
    private readonly Task loop;
    private PendingWrite? carried;

    // Used only by the loop: kept open between writes, so its page cache survives other writes.
    private SqliteConnection? connection;

    /// <param name="open">Opens the writers' connection (again after a failure).</param>
    /// <param name="close">Closes it.</param>
    /// <param name="committed">Told how many writes each commit carried.</param>
    public SqliteWriteQueue(Func<CancellationToken, Task<SqliteConnection>> open, Action<SqliteConnection> close, Action<int> committed)
    {
        this.open = open;
        this.close = close;
        this.committed = committed;
        loop = Task.Run(RunLoopAsync);
    }

    /// <summary>Queues a write that may share a transaction with others; it must not begin one itself.</summary>
    /// <param name="committed">Gets the result after the commit, in commit order, before the caller does.</param>
    public Task<T> EnqueueAsync<T>(Func<SqliteConnection, CancellationToken, Task<T>> operation, Action<T>? committed, CancellationToken cancellationToken) =>
        Enqueue(new PendingWrite<T>(operation, committed, alone: false, cancellationToken));

    /// <summary>Queues a write that runs in no shared transaction (it may begin its own).</summary>
    public Task<T> EnqueueAloneAsync<T>(Func<SqliteConnection, CancellationToken, Task<T>> operation, Action<T>? committed, CancellationToken cancellationToken) =>
        Enqueue(new PendingWrite<T>(operation, committed, alone: true, cancellationToken));

    /// <summary>Stops taking writes, lets the queued ones finish and closes the connection.</summary>
    public void Dispose()
    {
        pending.Writer.TryComplete();
        loop.Wait(TimeSpan.FromSeconds(30));
        DropConnection();
    }

    private Task<T> Enqueue<T>(PendingWrite<T> write)
    {
        if (write.CancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(write.CancellationToken);
        }

        if (!pending.Writer.TryWrite(write))
        {
            throw new ObjectDisposedException(nameof(SqliteDatabase), "The SQLite database has been disposed.");
        }

        return write.Task;
    }

    private async Task RunLoopAsync()
    {
        while (carried is not null || await pending.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            TakeBatch();
            if (batch.Count == 0)
            {
                continue;
            }

            if (batch.Count == 1)
            {
                await RunOneAsync(batch[0]).ConfigureAwait(false);
            }
            else if (!await TryRunTogetherAsync().ConfigureAwait(false))
            {
                foreach (var write in batch)
                {
                    await RunOneAsync(write).ConfigureAwait(false);
                }
            }

            batch.Clear();
        }
    }

    // A write that must run alone ends the batch before it (and is carried to the next round).
    private void TakeBatch()
    {
        if (carried is { } first)
        {
            carried = null;
            if (first.TryStart())
            {
                batch.Add(first);
                if (first.Alone)
                {
                    return;
                }
            }
        }

        while (batch.Count < MaxBatch && pending.Reader.TryRead(out var write))
        {
            if (!write.TryStart())
            {
                continue;
            }

            if (write.Alone && batch.Count > 0)
            {
                carried = write;
                return;
            }

            batch.Add(write);
            if (write.Alone)
            {
                return;
            }
        }
    }

    private async Task RunOneAsync(PendingWrite write)
    {
        try
        {
            var current = await ConnectionAsync(write.CancellationToken).ConfigureAwait(false);
            await write.RunAsync(current).ConfigureAwait(false);
            committed(1);
            write.Complete();
        }
        catch (Exception ex)
        {
            // Whatever state the failure left the connection in, the next write starts on a new one.
            DropConnection();
            write.Fail(ex);
        }
    }

    private async Task<bool> TryRunTogetherAsync()
    {
        SqliteConnection current;
        try
        {
            current = await ConnectionAsync(CancellationToken.None).ConfigureAwait(false);
            await ExecuteAsync(current, "BEGIN IMMEDIATE;").ConfigureAwait(false);
        }
        catch (Exception)
        {
            DropConnection();
            return false;
        }

        var failures = new Exception?[batch.Count];
        try
        {
            for (var i = 0; i < batch.Count; i++)
            {
                await ExecuteAsync(current, "SAVEPOINT write;").ConfigureAwait(false);
                try
                {
                    await batch[i].RunAsync(current).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not SqliteException sqlite || !SqliteDatabase.IsUnavailable(sqlite))
                {
                    failures[i] = ex;
                    await ExecuteAsync(current, "ROLLBACK TO write;").ConfigureAwait(false);
                }

                await ExecuteAsync(current, "RELEASE write;").ConfigureAwait(false);
            }

            await ExecuteAsync(current, "COMMIT;").ConfigureAwait(false);
            committed(batch.Count);
        }
        catch (Exception)
        {
            // The transaction as a whole failed: nothing of it is kept, each write runs again alone.
            DropConnection();
            return false;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            if (failures[i] is { } failure)
            {
                batch[i].Fail(failure);
            }
            else
            {
                batch[i].Complete();
            }
        }

        return true;
    }

    private async Task<SqliteConnection> ConnectionAsync(CancellationToken cancellationToken) =>
        connection ??= await open(cancellationToken).ConfigureAwait(false);

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        var command = SqliteDatabase.CreateCommand(connection, sql);
        await using (command.ConfigureAwait(false))
        {
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
    }

    private void DropConnection()
    {
        if (connection is { } dropped)
        {
            connection = null;
            close(dropped);
        }
    }

    private abstract class PendingWrite(bool alone, CancellationToken cancellationToken)
    {
        public bool Alone { get; } = alone;

        public CancellationToken CancellationToken { get; } = cancellationToken;

        /// <summary>False (and the caller told) when the caller gave up while the write was queued.</summary>
        public abstract bool TryStart();

        public abstract Task RunAsync(SqliteConnection connection);

        public abstract void Complete();

        public abstract void Fail(Exception exception);
    }

    private sealed class PendingWrite<T>(
        Func<SqliteConnection, CancellationToken, Task<T>> operation, Action<T>? committed, bool alone, CancellationToken cancellationToken)
        : PendingWrite(alone, cancellationToken)
    {
        private readonly TaskCompletionSource<T> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? result;

        public Task<T> Task => completion.Task;

        public override bool TryStart()
        {
            if (!CancellationToken.IsCancellationRequested)
            {
                return true;
            }

            completion.TrySetCanceled(CancellationToken);
            return false;
        }

        public override async Task RunAsync(SqliteConnection connection) =>
            result = await operation(connection, CancellationToken).ConfigureAwait(false);

        public override void Complete()
        {
            try
            {
                committed?.Invoke(result!);
            }
            catch (Exception ex)
            {
                // Stored, but what follows the commit broke: the caller hears of it (retrying is safe).
                completion.TrySetException(ex);
                return;
            }

            completion.TrySetResult(result!);
        }

        public override void Fail(Exception exception)
        {
            if (exception is OperationCanceledException && CancellationToken.IsCancellationRequested)
            {
                completion.TrySetCanceled(CancellationToken);
            }
            else
            {
                completion.TrySetException(exception);
            }
        }
    }
}
