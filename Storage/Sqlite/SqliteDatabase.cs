namespace Beacon.Storage.Sqlite;

using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Beacon.Training.Ports;
using Microsoft.Data.Sqlite;

/// <summary>
/// The SQLite database behind the SQLite stores: connection string, one-time schema
/// creation and the mapping of SQLite failures to <see cref="StoreUnavailableException"/>.
/// Thread-safe; reads run on a few connections kept open between them, writes take turns on one
/// kept-open connection; their statements are prepared once (<see cref="KeptCommand"/>). Share one
/// instance between the stores of a process.
/// </summary>
public sealed class SqliteDatabase : IDisposable
{
    /// <summary>The schema this build writes. Bump it and add a migration step when a table changes.</summary>
    public const int SchemaVersion = 5;

    private const string SchemaSql = """
        CREATE TABLE IF NOT EXISTS schema_version (
            version INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS learners (
            tenant_id TEXT NOT NULL,
            learner_id TEXT NOT NULL,
            display_name TEXT NULL,
            address_service_url TEXT NULL,
            address_channel_id TEXT NULL,
            address_conversation_id TEXT NULL,
            address_bot_id TEXT NULL,
            address_user_id TEXT NULL,
            address_tenant_id TEXT NULL,
            locale TEXT NULL,
            time_zone TEXT NULL,
            country TEXT NULL,
            track TEXT NULL,
            reporting_region TEXT NULL,
            created_at TEXT NOT NULL,
            welcomed_at TEXT NULL,
            active INTEGER NOT NULL,
            PRIMARY KEY (tenant_id, learner_id)
        );
        CREATE INDEX IF NOT EXISTS ix_learners_active ON learners (tenant_id, active, learner_id);
        CREATE TABLE IF NOT EXISTS issued_questions (
            tenant_id TEXT NOT NULL,
            learner_id TEXT NOT NULL,
            prompt_id TEXT NOT NULL,
            question_id TEXT NOT NULL,
            question_version INTEGER NOT NULL,
            issued_at TEXT NOT NULL,
            on_demand INTEGER NOT NULL,
            option_order TEXT NULL,
            refresher_id TEXT NULL,
            PRIMARY KEY (tenant_id, learner_id, prompt_id)
        );
        CREATE TABLE IF NOT EXISTS answers (
            tenant_id TEXT NOT NULL,
            learner_id TEXT NOT NULL,
            prompt_id TEXT NOT NULL,
            question_id TEXT NOT NULL,
            question_version INTEGER NOT NULL,
            option_id TEXT NOT NULL,
            correct INTEGER NOT NULL,
            confidence INTEGER NOT NULL,
            issued_at TEXT NOT NULL,
            answered_at TEXT NOT NULL,
            answered_at_utc_ticks INTEGER NOT NULL,
            PRIMARY KEY (tenant_id, learner_id, prompt_id)
        );
        -- Two covering indexes of the log served quiz turns' reads before SqliteLearnerCache kept
        -- them in memory; each answer paid two more B-tree writes for them.
        DROP INDEX IF EXISTS ix_answers_time;
        DROP INDEX IF EXISTS ix_answers_question;
        CREATE TABLE IF NOT EXISTS review_states (
            tenant_id TEXT NOT NULL,
            learner_id TEXT NOT NULL,
            question_id TEXT NOT NULL,
            phase INTEGER NOT NULL,
            stability REAL NOT NULL,
            difficulty REAL NOT NULL,
            due TEXT NULL,
            last_review TEXT NULL,
            reps INTEGER NOT NULL,
            lapses INTEGER NOT NULL,
            step INTEGER NOT NULL,
            version INTEGER NOT NULL,
            PRIMARY KEY (tenant_id, learner_id, question_id)
        );
        CREATE TABLE IF NOT EXISTS handoffs (
            tenant_id TEXT NOT NULL,
            handoff_id TEXT NOT NULL,
            from_user_id TEXT NOT NULL,
            at TEXT NOT NULL,
            at_utc_ticks INTEGER NOT NULL,
            to_user_ids TEXT NOT NULL,
            PRIMARY KEY (tenant_id, handoff_id)
        );
        CREATE TABLE IF NOT EXISTS delivery_claims (
            tenant_id TEXT NOT NULL,
            learner_id TEXT NOT NULL,
            local_date TEXT NOT NULL,
            owner TEXT NOT NULL,
            source TEXT NOT NULL,
            claimed_at TEXT NOT NULL,
            status INTEGER NOT NULL,
            completed_at TEXT NULL,
            activity_id TEXT NULL,
            attempts INTEGER NOT NULL,
            PRIMARY KEY (tenant_id, learner_id, local_date)
        );
        CREATE TABLE IF NOT EXISTS schedules (
            tenant_id TEXT NOT NULL,
            learner_id TEXT NOT NULL,
            enabled INTEGER NOT NULL,
            days INTEGER NOT NULL,
            local_time TEXT NOT NULL,
            time_zone TEXT NULL,
            quiet_start TEXT NULL,
            quiet_end TEXT NULL,
            paused_at TEXT NULL,
            paused_until TEXT NULL,
            updated_at TEXT NOT NULL,
            version INTEGER NOT NULL,
            PRIMARY KEY (tenant_id, learner_id)
        );
        CREATE TABLE IF NOT EXISTS nudge_claims (
            tenant_id TEXT NOT NULL,
            learner_id TEXT NOT NULL,
            local_date TEXT NOT NULL,
            owner TEXT NOT NULL,
            source TEXT NOT NULL,
            claimed_at TEXT NOT NULL,
            status INTEGER NOT NULL,
            completed_at TEXT NULL,
            activity_id TEXT NULL,
            attempts INTEGER NOT NULL,
            PRIMARY KEY (tenant_id, learner_id, local_date)
        );
        CREATE TABLE IF NOT EXISTS campaigns (
            tenant_id TEXT NOT NULL,
            campaign_id TEXT NOT NULL,
            name TEXT NOT NULL,
            created_by TEXT NOT NULL,
            status INTEGER NOT NULL,
            audience_kind INTEGER NOT NULL,
            team_id TEXT NULL,
            team_name TEXT NULL,
            audience TEXT NOT NULL,
            tracks TEXT NOT NULL,
            topics TEXT NOT NULL,
            start_date TEXT NOT NULL,
            end_date TEXT NOT NULL,
            days INTEGER NOT NULL,
            local_time TEXT NOT NULL,
            questions_per_session INTEGER NOT NULL,
            pre_assessment INTEGER NOT NULL,
            post_assessment INTEGER NOT NULL,
            nudges INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            version INTEGER NOT NULL,
            announcement TEXT NULL,
            report_group TEXT NULL,
            PRIMARY KEY (tenant_id, campaign_id)
        );
        CREATE INDEX IF NOT EXISTS ix_campaigns_status ON campaigns (status, tenant_id, campaign_id);
        CREATE TABLE IF NOT EXISTS announcement_claims (
            tenant_id TEXT NOT NULL,
            learner_id TEXT NOT NULL,
            local_date TEXT NOT NULL,
            owner TEXT NOT NULL,
            source TEXT NOT NULL,
            claimed_at TEXT NOT NULL,
            status INTEGER NOT NULL,
            completed_at TEXT NULL,
            activity_id TEXT NULL,
            attempts INTEGER NOT NULL,
            PRIMARY KEY (tenant_id, learner_id, source)
        );
        CREATE TABLE IF NOT EXISTS manager_grants (
            tenant_id TEXT NOT NULL,
            learner_id TEXT NOT NULL,
            display_name TEXT NULL,
            granted_by TEXT NOT NULL,
            granted_at TEXT NOT NULL,
            PRIMARY KEY (tenant_id, learner_id)
        );
        CREATE TABLE IF NOT EXISTS safeguarding_routes (
            tenant_id TEXT NOT NULL PRIMARY KEY,
            name TEXT NOT NULL,
            how_to_reach TEXT NOT NULL,
            procedure_url TEXT NULL,
            recipients TEXT NOT NULL,
            default_region TEXT NULL,
            updated_by TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        -- Campaign slots lived here before campaigns had their own table (never written outside tests).
        DROP TABLE IF EXISTS campaign_slots;
        """;

    private readonly string connectionString;
    private readonly string fullPath;
    // Native connections (reused by the pool) whose per-connection pragmas have run.
    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> ConfiguredHandles = [];
    private static readonly object Configured = new();

    private readonly string pragmas;
    private readonly SemaphoreSlim initLock = new(1, 1);

    // One writer at a time inside this process: SQLite allows one anyway, and a writer that finds
    // the lock taken waits in SQLite's busy handler, which sleeps 1, 2, 5, 10 ... ms. The queue
    // runs them back to back on one kept-open connection (whose page cache no other in-process
    // writer empties) and commits the ones that queued up together. Other processes still meet
    // busy_timeout.
    private readonly SqliteWriteQueue writes;
    private readonly SqliteCheckpointer checkpointer;

    // The writers' connection is not pooled: it runs without automatic checkpoints (the
    // checkpointer does them), a setting no pooled reader should inherit.
    private readonly string writerConnectionString;

    // Readers' connections kept open between reads (with their prepared statements), most
    // recently used first; at most MaxKeptReaders, a failed read drops its connection.
    private const int MaxKeptReaders = 8;
    private readonly ConcurrentStack<SqliteConnection> readers = new();
    private volatile bool initialized;
    private int disposed;
    private SqliteFileOwner? owner;

    public SqliteDatabase(SqliteStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Path);
        if (options.BusyTimeout < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "BusyTimeout must not be negative.");
        }

        if (options.CachedLearners < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "CachedLearners must not be negative.");
        }

        if (options.ListPageSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "ListPageSize must be positive.");
        }

        SqliteEngine.EnsureConfigured();
        ListPageSize = options.ListPageSize;
        fullPath = Path.GetFullPath(options.Path);
        var busyTimeoutMilliseconds = (int)Math.Min(int.MaxValue, options.BusyTimeout.TotalMilliseconds);
        pragmas = "PRAGMA busy_timeout = " + busyTimeoutMilliseconds.ToString(CultureInfo.InvariantCulture) + "; PRAGMA synchronous = NORMAL;";
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            // Microsoft.Data.Sqlite retries busy/locked commands until this many seconds pass.
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds)),
        }.ToString();
        writerConnectionString = new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString();
        Cache = new SqliteLearnerCache(options.CachedLearners);
        checkpointer = new SqliteCheckpointer(OpenKeptAsync, Close);
        writes = new SqliteWriteQueue(OpenWriterAsync, Close, checkpointer.Committed);
    }

    internal int ListPageSize { get; }

    /// <summary>Learners' rows kept in memory; exact because this object owns the file (taken with the schema).</summary>
    internal SqliteLearnerCache Cache { get; }

    /// <summary>The absolute path of the database file.</summary>
    public string FilePath => fullPath;

    /// <summary>
    /// Creates the directory, the file and the schema if they are missing (idempotent). Called
    /// implicitly by the first operation; call it at start-up to fail fast.
    /// </summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (initialized)
        {
            return;
        }

        await initLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (initialized)
            {
                return;
            }

            try
            {
                var directory = Path.GetDirectoryName(fullPath);
                if (!string.IsNullOrEmpty(directory))
                {
                    Directory.CreateDirectory(directory);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
            {
                throw new StoreUnavailableException($"Cannot create the directory of the SQLite database '{fullPath}'.", ex);
            }

            owner ??= SqliteFileOwner.Acquire(fullPath);
            try
            {
                await CreateSchemaAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (SqliteException ex) when (IsUnavailable(ex))
            {
                throw Unavailable(ex);
            }

            initialized = true;
        }
        finally
        {
            initLock.Release();
        }
    }

    /// <summary>Finishes the queued writes and closes the connections to this file (so it can be moved or deleted); idempotent.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        writes.Dispose();
        checkpointer.Dispose();
        while (readers.TryPop(out var reader))
        {
            Close(reader);
        }

        var connection = new SqliteConnection(connectionString);
        using (connection)
        {
            SqliteConnection.ClearPool(connection);
        }

        initLock.Dispose();
        owner?.Dispose();
    }

    /// <summary>Runs one operation on a connection no other operation uses meanwhile, after the schema exists.</summary>
    internal async Task<T> RunAsync<T>(Func<SqliteConnection, CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        SqliteConnection? connection = null;
        try
        {
            connection = readers.TryPop(out var kept) ? kept : await OpenKeptAsync(cancellationToken).ConfigureAwait(false);
            var result = await operation(connection, cancellationToken).ConfigureAwait(false);
            if (readers.Count < MaxKeptReaders)
            {
                readers.Push(connection);
                connection = null;
            }

            return result;
        }
        catch (SqliteException ex) when (IsUnavailable(ex))
        {
            throw Unavailable(ex);
        }
        finally
        {
            // Not kept: the operation failed (whatever state it left behind goes with it), or enough are kept.
            if (connection is not null)
            {
                Close(connection);
            }
        }
    }

    /// <summary>
    /// Like <see cref="RunAsync{T}"/> for an operation that writes: writers of this process take
    /// turns, and may share a transaction (each in its own savepoint), so the operation must not
    /// begin a transaction itself. Completes once the write has committed.
    /// </summary>
    internal Task<T> RunWriteAsync<T>(Func<SqliteConnection, CancellationToken, Task<T>> operation, CancellationToken cancellationToken) =>
        RunWriteAsync(operation, committed: null, cancellationToken);

    /// <summary>
    /// Like <see cref="RunWriteAsync{T}(Func{SqliteConnection, CancellationToken, Task{T}}, CancellationToken)"/>;
    /// <paramref name="committed"/> gets the operation's result once its write has committed, in
    /// commit order, before the caller does (it keeps <see cref="Cache"/> in step).
    /// </summary>
    internal async Task<T> RunWriteAsync<T>(
        Func<SqliteConnection, CancellationToken, Task<T>> operation, Action<T>? committed, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await writes.EnqueueAsync(operation, committed, cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException ex) when (IsUnavailable(ex))
        {
            throw Unavailable(ex);
        }
    }

    /// <summary>
    /// Like <see cref="RunWriteAsync{T}(Func{SqliteConnection, CancellationToken, Task{T}}, Action{T}, CancellationToken)"/>
    /// for an operation that begins (and commits) its own transaction.
    /// </summary>
    internal async Task<T> RunWriteAloneAsync<T>(
        Func<SqliteConnection, CancellationToken, Task<T>> operation, Action<T>? committed, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await writes.EnqueueAloneAsync(operation, committed, cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException ex) when (IsUnavailable(ex))
        {
            throw Unavailable(ex);
        }
    }

    internal static SqliteCommand CreateCommand(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        if (KeptCommand.Find(connection, sql) is { } kept)
        {
            kept.Transaction = transaction;
            return kept;
        }

        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    internal static void Add(SqliteCommand command, string name, object? value) =>
        command.Parameters.AddWithValue(name, value ?? DBNull.Value);

    internal static string? GetNullableString(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>
    /// SQLite result codes that mean the database cannot serve the request right now (locked,
    /// busy, unreadable, corrupt, full, read-only, missing), as opposed to a bug in a statement.
    /// </summary>
    internal static bool IsUnavailable(SqliteException exception) => exception.SqliteErrorCode switch
    {
        3 => true,  // SQLITE_PERM
        4 => true,  // SQLITE_ABORT
        5 => true,  // SQLITE_BUSY
        6 => true,  // SQLITE_LOCKED
        7 => true,  // SQLITE_NOMEM
        8 => true,  // SQLITE_READONLY
        9 => true,  // SQLITE_INTERRUPT
        10 => true, // SQLITE_IOERR
        11 => true, // SQLITE_CORRUPT
        13 => true, // SQLITE_FULL
        14 => true, // SQLITE_CANTOPEN
        15 => true, // SQLITE_PROTOCOL
        23 => true, // SQLITE_AUTH
        26 => true, // SQLITE_NOTADB
        _ => false,
    };

    private static void Close(SqliteConnection connection)
    {
        KeptCommand.Forget(connection);
        connection.Dispose();
    }

    private async Task<SqliteConnection> OpenKeptAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(connectionString, cancellationToken).ConfigureAwait(false);
        KeptCommand.Keep(connection);
        return connection;
    }

    private async Task<SqliteConnection> OpenWriterAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(writerConnectionString, cancellationToken).ConfigureAwait(false);
        try
        {
            KeptCommand.Keep(connection);
            var command = CreateCommand(connection, "PRAGMA wal_autocheckpoint = 0;");
            await using (command.ConfigureAwait(false))
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            return connection;
        }
        catch
        {
            Close(connection);
            throw;
        }
    }

    /// <summary>Completes after the background checkpointer's next finished checkpoint.</summary>
    internal Task NextCheckpointAsync() => checkpointer.NextCheckpointAsync();

    private StoreUnavailableException Unavailable(SqliteException exception) =>
        new($"The SQLite database '{fullPath}' is unavailable: {exception.Message}", exception);

    private async Task<SqliteConnection> OpenAsync(string connectionStringToUse, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionStringToUse);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            // Per native connection, once (a pooled connection keeps its handle and its settings):
            // let SQLite itself wait for locks too, not only the Microsoft.Data.Sqlite retry loop;
            // and, in WAL mode, sync the log at checkpoints rather than at every commit
            // (synchronous = NORMAL: a commit survives a crash of the process; a power cut may lose
            // the last commits, never the file's consistency).
            var handle = connection.Handle;
            if (handle is not null && ConfiguredHandles.TryGetValue(handle, out _))
            {
                return connection;
            }

            var command = CreateCommand(connection, pragmas);
            await using (command.ConfigureAwait(false))
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            if (handle is not null)
            {
                ConfiguredHandles.AddOrUpdate(handle, Configured);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task CreateSchemaAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(connectionString, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // Persistent in the file; must run outside a transaction.
            var wal = CreateCommand(connection, "PRAGMA journal_mode = WAL;");
            await using (wal.ConfigureAwait(false))
            {
                await wal.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            }

            var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var create = CreateCommand(connection, SchemaSql, transaction);
                await using (create.ConfigureAwait(false))
                {
                    await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                var read = CreateCommand(connection, "SELECT MAX(version) FROM schema_version;", transaction);
                long? stored;
                await using (read.ConfigureAwait(false))
                {
                    var value = await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                    stored = value is null or DBNull ? null : Convert.ToInt64(value, CultureInfo.InvariantCulture);
                }

                if (stored is null)
                {
                    var insert = CreateCommand(connection, "INSERT INTO schema_version (version) VALUES ($version);", transaction);
                    await using (insert.ConfigureAwait(false))
                    {
                        Add(insert, "$version", SchemaVersion);
                        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }
                }
                else if (stored < SchemaVersion)
                {
                    await MigrateAsync(connection, transaction, stored.Value, cancellationToken).ConfigureAwait(false);
                }
                else if (stored > SchemaVersion)
                {
                    throw new StoreUnavailableException(
                        $"The SQLite database '{fullPath}' has schema version {stored}; this build knows version {SchemaVersion} at most.");
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    // The schema SQL above has already created any table that is new in a version; a step only
    // changes existing tables. Steps run in order, so a version 1 file goes to 2, then 3.
    private static async Task MigrateAsync(SqliteConnection connection, SqliteTransaction transaction, long from, CancellationToken cancellationToken)
    {
        var steps = new SortedDictionary<long, string>
        {
            // Version 2: campaigns keep their pending announcements.
            [2] = "ALTER TABLE campaigns ADD COLUMN announcement TEXT NULL;",
            // Version 3: safeguarding routes set in chat (a new table only).
            [3] = string.Empty,
            // Version 4: the people a campaign's reports count, fixed at the first report from the start date.
            [4] = "ALTER TABLE campaigns ADD COLUMN report_group TEXT NULL;",
            // Version 5: an issued question keeps the order its options were shown in, and the refresher read before it.
            [5] = "ALTER TABLE issued_questions ADD COLUMN option_order TEXT NULL; ALTER TABLE issued_questions ADD COLUMN refresher_id TEXT NULL;",
        };
        foreach (var (version, sql) in steps.Where(step => step.Key > from))
        {
            var migrate = CreateCommand(connection, sql + " UPDATE schema_version SET version = $version;", transaction);
            await using (migrate.ConfigureAwait(false))
            {
                Add(migrate, "$version", version);
                await migrate.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
