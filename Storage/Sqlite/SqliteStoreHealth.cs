namespace Beacon.Storage.Sqlite;

using Beacon.Training.Ports;
using static Beacon.Storage.Sqlite.SqliteDatabase;

/// <summary>Readiness probe: the schema is in place and the database answers <c>SELECT 1</c>.</summary>
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
                    var command = CreateCommand(connection, "SELECT 1;");
                    await using (command.ConfigureAwait(false))
                    {
                        return await command.ExecuteScalarAsync(ct).ConfigureAwait(false);
                    }
                },
                cancellationToken).ConfigureAwait(false);
            return result is long one && one == 1;
        }
        catch (StoreUnavailableException)
        {
            return false;
        }
    }
}
