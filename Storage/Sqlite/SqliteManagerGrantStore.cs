namespace Beacon.Storage.Sqlite;

using Beacon.Training.Campaigns;
using Beacon.Training.Ports;
using static Beacon.Storage.Sqlite.SqliteDatabase;

/// <summary>Manager grants in <c>manager_grants</c>, keyed by tenant then learner (so "forget me" removes a learner's grant).</summary>
public sealed class SqliteManagerGrantStore : IManagerGrantStore
{
    private readonly SqliteDatabase database;

    public SqliteManagerGrantStore(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        this.database = database;
    }

    public Task<bool> IsGrantedAsync(string tenantId, string learnerId, CancellationToken cancellationToken) =>
        database.RunAsync(
            async (connection, ct) =>
            {
                var command = CreateCommand(connection, "SELECT 1 FROM manager_grants WHERE tenant_id = $tenant AND learner_id = $learner;");
                await using (command.ConfigureAwait(false))
                {
                    Add(command, "$tenant", tenantId);
                    Add(command, "$learner", learnerId);
                    return await command.ExecuteScalarAsync(ct).ConfigureAwait(false) is not null;
                }
            },
            cancellationToken);

    public Task GrantAsync(ManagerGrant grant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grant);
        return database.RunWriteAsync(
            async (connection, ct) =>
            {
                var command = CreateCommand(connection, """
                    INSERT INTO manager_grants (tenant_id, learner_id, display_name, granted_by, granted_at)
                    VALUES ($tenant, $learner, $display_name, $granted_by, $granted_at)
                    ON CONFLICT (tenant_id, learner_id) DO NOTHING;
                    """);
                await using (command.ConfigureAwait(false))
                {
                    Add(command, "$tenant", grant.TenantId);
                    Add(command, "$learner", grant.LearnerId);
                    Add(command, "$display_name", grant.DisplayName);
                    Add(command, "$granted_by", grant.GrantedBy);
                    Add(command, "$granted_at", StoredTime.Format(grant.GrantedAt));
                    return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }
            },
            cancellationToken);
    }

    public Task<bool> RevokeAsync(string tenantId, string learnerId, CancellationToken cancellationToken) =>
        database.RunWriteAsync(
            async (connection, ct) =>
            {
                var command = CreateCommand(connection, "DELETE FROM manager_grants WHERE tenant_id = $tenant AND learner_id = $learner;");
                await using (command.ConfigureAwait(false))
                {
                    Add(command, "$tenant", tenantId);
                    Add(command, "$learner", learnerId);
                    return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1;
                }
            },
            cancellationToken);

    public Task<IReadOnlyList<ManagerGrant>> ListAsync(string tenantId, CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<ManagerGrant>>(
            async (connection, ct) =>
            {
                var command = CreateCommand(connection, """
                    SELECT learner_id, display_name, granted_by, granted_at FROM manager_grants
                    WHERE tenant_id = $tenant;
                    """);
                await using (command.ConfigureAwait(false))
                {
                    Add(command, "$tenant", tenantId);
                    var grants = new List<ManagerGrant>();
                    var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        while (await reader.ReadAsync(ct).ConfigureAwait(false))
                        {
                            grants.Add(new ManagerGrant(
                                tenantId, reader.GetString(0), GetNullableString(reader, 1), reader.GetString(2), StoredTime.Parse(reader.GetString(3))));
                        }
                    }

                    return [.. grants.OrderBy(g => g.GrantedAt).ThenBy(g => g.LearnerId, StringComparer.Ordinal)];
                }
            },
            cancellationToken);
}
