namespace Beacon.Storage.Sqlite;

using Beacon.Training.Ports;
using Beacon.Training.Reporting;
using Microsoft.Data.Sqlite;
using static Beacon.Storage.Sqlite.SqliteDatabase;

/// <summary>Safeguarding routes set in chat, one row per tenant in <c>safeguarding_routes</c>.</summary>
public sealed class SqliteSafeguardingRouteStore : ISafeguardingRouteStore
{
    private const string Columns = "tenant_id, name, how_to_reach, procedure_url, recipients, default_region, updated_by, updated_at";

    private readonly SqliteDatabase database;

    public SqliteSafeguardingRouteStore(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        this.database = database;
    }

    public Task<SafeguardingRoute?> GetAsync(string tenantId, CancellationToken cancellationToken) =>
        database.RunAsync(
            async (connection, ct) =>
            {
                var command = CreateCommand(connection, $"SELECT {Columns} FROM safeguarding_routes WHERE tenant_id = $tenant;");
                await using (command.ConfigureAwait(false))
                {
                    Add(command, "$tenant", tenantId);
                    var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        return await reader.ReadAsync(ct).ConfigureAwait(false) ? Read(reader) : null;
                    }
                }
            },
            cancellationToken);

    public Task<IReadOnlyList<SafeguardingRoute>> ListAsync(CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<SafeguardingRoute>>(
            async (connection, ct) =>
            {
                var command = CreateCommand(connection, $"SELECT {Columns} FROM safeguarding_routes ORDER BY tenant_id;");
                await using (command.ConfigureAwait(false))
                {
                    var routes = new List<SafeguardingRoute>();
                    var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        while (await reader.ReadAsync(ct).ConfigureAwait(false))
                        {
                            routes.Add(Read(reader));
                        }
                    }

                    return routes;
                }
            },
            cancellationToken);

    public Task SaveAsync(SafeguardingRoute route, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(route);
        return database.RunWriteAsync(
            async (connection, ct) =>
            {
                var command = CreateCommand(connection, $"""
                    INSERT INTO safeguarding_routes ({Columns})
                    VALUES ($tenant, $name, $how_to_reach, $procedure_url, $recipients, $default_region, $updated_by, $updated_at)
                    ON CONFLICT (tenant_id) DO UPDATE SET
                        name = excluded.name, how_to_reach = excluded.how_to_reach, procedure_url = excluded.procedure_url,
                        recipients = excluded.recipients, default_region = excluded.default_region,
                        updated_by = excluded.updated_by, updated_at = excluded.updated_at;
                    """);
                await using (command.ConfigureAwait(false))
                {
                    Add(command, "$tenant", route.TenantId);
                    Add(command, "$name", route.Name);
                    Add(command, "$how_to_reach", route.HowToReach);
                    Add(command, "$procedure_url", route.ProcedureUrl?.OriginalString);
                    Add(command, "$recipients", StoredRecipients.Format(route.Recipients));
                    Add(command, "$default_region", route.DefaultRegion);
                    Add(command, "$updated_by", route.UpdatedBy);
                    Add(command, "$updated_at", StoredTime.Format(route.UpdatedAt));
                    return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }
            },
            cancellationToken);
    }

    public Task<bool> RemoveAsync(string tenantId, CancellationToken cancellationToken) =>
        database.RunWriteAsync(
            async (connection, ct) =>
            {
                var command = CreateCommand(connection, "DELETE FROM safeguarding_routes WHERE tenant_id = $tenant;");
                await using (command.ConfigureAwait(false))
                {
                    Add(command, "$tenant", tenantId);
                    return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1;
                }
            },
            cancellationToken);

    private static SafeguardingRoute Read(SqliteDataReader reader) => new()
    {
        TenantId = reader.GetString(0),
        Name = reader.GetString(1),
        HowToReach = reader.GetString(2),
        ProcedureUrl = GetNullableString(reader, 3) is { } url ? new Uri(url, UriKind.RelativeOrAbsolute) : null,
        Recipients = StoredRecipients.Parse(reader.GetString(4)),
        DefaultRegion = GetNullableString(reader, 5),
        UpdatedBy = reader.GetString(6),
        UpdatedAt = StoredTime.Parse(reader.GetString(7)),
    };
}
