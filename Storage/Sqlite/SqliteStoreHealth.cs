namespace Beacon.Storage.Sqlite;

using Beacon.Training.Ports;
using static Beacon.Storage.Sqlite.SqliteDatabase;

/// <summary>
/// Readiness probe: the schema is in place, the file can be read, and a write lock can be taken
/// within the busy timeout (<c>BEGIN IMMEDIATE</c>, rolled back at once; nothing is written). A
/// plain <c>SELECT 1</c> would not touch the file, and in WAL mode reads go on while another
/// process holds the write lock, so only this notices a database that cannot take answers.
/// </summary>
public sealed class SqliteStoreHealth : IStoreHealth
{
    private readonly SqliteDatabase database;

    public SqliteStoreHealth(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        this.database = database;
    }

    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        try
        {
            var result = await database.RunAsync(
                async (connection, ct) =>
                {
                    object? version;
                    var read = CreateCommand(connection, "SELECT MAX(version) FROM schema_version;");
                    await using (read.ConfigureAwait(false))
                    {
                        version = await read.ExecuteScalarAsync(ct).ConfigureAwait(false);
                    }

                    // Serializable is BEGIN IMMEDIATE in Microsoft.Data.Sqlite: take the write lock,
                    // then give it back (dispose rolls back even if the rollback call is cancelled).
                    var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, ct).ConfigureAwait(false);
                    await using (transaction.ConfigureAwait(false))
                    {
                        await transaction.RollbackAsync(ct).ConfigureAwait(false);
                    }

                    return version;
                },
                cancellationToken).ConfigureAwait(false);
            return result is long;
        }
        catch (StoreUnavailableException)
        {
            return false;
        }
    }
}
