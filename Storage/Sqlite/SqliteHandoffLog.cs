namespace Beacon.Storage.Sqlite;

using Beacon.Training.Ports;
using Beacon.Training.Reporting;
using static Beacon.Storage.Sqlite.SqliteDatabase;

/// <summary>Handoff audit rows in <c>handoffs</c>: who, when, to whom; no message text is ever stored.</summary>
public sealed class SqliteHandoffLog(SqliteDatabase database) : IHandoffLog
{
    private const char Separator = '\n';

    public Task RecordAsync(HandoffRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return database.RunAsync(
            async (connection, ct) =>
            {
                var command = CreateCommand(connection, """
                    INSERT INTO handoffs (tenant_id, handoff_id, from_user_id, at, at_utc_ticks, to_user_ids)
                    VALUES ($tenant, $id, $from, $at, $ticks, $to)
                    ON CONFLICT (tenant_id, handoff_id) DO NOTHING;
                    """);
                await using (command.ConfigureAwait(false))
                {
                    Add(command, "$tenant", record.TenantId);
                    Add(command, "$id", record.HandoffId);
                    Add(command, "$from", record.FromUserId);
                    Add(command, "$at", StoredTime.Format(record.At));
                    Add(command, "$ticks", record.At.UtcTicks);
                    Add(command, "$to", string.Join(Separator, record.ToUserIds));
                    return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }
            },
            cancellationToken);
    }

    public Task<HandoffRecord?> FindAsync(string tenantId, string handoffId, CancellationToken cancellationToken) =>
        database.RunAsync(
            async (connection, ct) =>
            {
                var command = CreateCommand(connection, """
                    SELECT handoff_id, from_user_id, at, to_user_ids FROM handoffs
                    WHERE tenant_id = $tenant AND handoff_id = $id;
                    """);
                await using (command.ConfigureAwait(false))
                {
                    Add(command, "$tenant", tenantId);
                    Add(command, "$id", handoffId);
                    var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        return await reader.ReadAsync(ct).ConfigureAwait(false) ? Read(tenantId, reader) : null;
                    }
                }
            },
            cancellationToken);

    public Task<int> CountFromAsync(string tenantId, string fromUserId, DateTimeOffset since, CancellationToken cancellationToken) =>
        database.RunAsync(
            async (connection, ct) =>
            {
                var command = CreateCommand(connection, """
                    SELECT COUNT(*) FROM handoffs
                    WHERE tenant_id = $tenant AND from_user_id = $from AND at_utc_ticks >= $since;
                    """);
                await using (command.ConfigureAwait(false))
                {
                    Add(command, "$tenant", tenantId);
                    Add(command, "$from", fromUserId);
                    Add(command, "$since", since.UtcTicks);
                    return Convert.ToInt32(await command.ExecuteScalarAsync(ct).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
                }
            },
            cancellationToken);

    public Task<IReadOnlyList<HandoffRecord>> ListAsync(string tenantId, CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<HandoffRecord>>(
            async (connection, ct) =>
            {
                var command = CreateCommand(connection, """
                    SELECT handoff_id, from_user_id, at, to_user_ids FROM handoffs
                    WHERE tenant_id = $tenant ORDER BY at_utc_ticks, handoff_id;
                    """);
                await using (command.ConfigureAwait(false))
                {
                    Add(command, "$tenant", tenantId);
                    var records = new List<HandoffRecord>();
                    var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        while (await reader.ReadAsync(ct).ConfigureAwait(false))
                        {
                            records.Add(Read(tenantId, reader));
                        }
                    }

                    return records;
                }
            },
            cancellationToken);

    /// <summary>Reads a row of handoff_id, from_user_id, at, to_user_ids.</summary>
    private static HandoffRecord Read(string tenantId, Microsoft.Data.Sqlite.SqliteDataReader reader) => new(
        tenantId,
        reader.GetString(0),
        reader.GetString(1),
        StoredTime.Parse(reader.GetString(2)),
        reader.GetString(3).Split(Separator, StringSplitOptions.RemoveEmptyEntries));
}
