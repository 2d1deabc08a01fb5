namespace Beacon.Storage.Sqlite;

using System.Runtime.CompilerServices;
using Beacon.Training.Learners;
using Beacon.Training.Ports;
using Microsoft.Data.Sqlite;
using static Beacon.Storage.Sqlite.SqliteDatabase;

/// <summary>Learner profiles in the <c>learners</c> table, keyed by tenant then learner.</summary>
public sealed class SqliteLearnerStore : ILearnerStore
{
    private const string Columns = """
        tenant_id, learner_id, display_name,
        address_service_url, address_channel_id, address_conversation_id, address_bot_id, address_user_id, address_tenant_id,
        locale, time_zone, country, track, reporting_region, created_at, welcomed_at, active
        """;

    private readonly SqliteDatabase database;

    public SqliteLearnerStore(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        this.database = database;
    }

    public Task<Learner?> GetAsync(LearnerKey key, CancellationToken cancellationToken) =>
        database.Cache.ReadAsync(
            key,
            entry => entry.Profile,
            async () => new SqliteLearnerCache.ProfileRow(await ReadAsync(key, cancellationToken).ConfigureAwait(false)),
            (entry, loaded) => entry.Profile = loaded,
            row => row.Learner);

    private Task<Learner?> ReadAsync(LearnerKey key, CancellationToken cancellationToken) =>
        database.RunAsync(
            async (connection, ct) =>
            {
                var command = CreateCommand(connection, $"SELECT {Columns} FROM learners WHERE tenant_id = $tenant AND learner_id = $learner;");
                await using (command.ConfigureAwait(false))
                {
                    Add(command, "$tenant", key.TenantId);
                    Add(command, "$learner", key.LearnerId);
                    var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        return await reader.ReadAsync(ct).ConfigureAwait(false) ? Read(reader) : null;
                    }
                }
            },
            cancellationToken);

    public Task UpsertAsync(Learner learner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        return database.RunWriteAsync(
            async (connection, ct) =>
            {
                var command = CreateCommand(connection, $"""
                    INSERT INTO learners ({Columns})
                    VALUES ($tenant, $learner, $display_name,
                            $service_url, $channel_id, $conversation_id, $bot_id, $user_id, $address_tenant_id,
                            $locale, $time_zone, $country, $track, $reporting_region, $created_at, $welcomed_at, $active)
                    ON CONFLICT (tenant_id, learner_id) DO UPDATE SET
                        display_name = excluded.display_name,
                        address_service_url = excluded.address_service_url,
                        address_channel_id = excluded.address_channel_id,
                        address_conversation_id = excluded.address_conversation_id,
                        address_bot_id = excluded.address_bot_id,
                        address_user_id = excluded.address_user_id,
                        address_tenant_id = excluded.address_tenant_id,
                        locale = excluded.locale,
                        time_zone = excluded.time_zone,
                        country = excluded.country,
                        track = excluded.track,
                        reporting_region = excluded.reporting_region,
                        created_at = excluded.created_at,
                        welcomed_at = COALESCE(learners.welcomed_at, excluded.welcomed_at),
                        active = excluded.active;
                    """);
                await using (command.ConfigureAwait(false))
                {
                    var address = learner.Address;
                    Add(command, "$tenant", learner.Key.TenantId);
                    Add(command, "$learner", learner.Key.LearnerId);
                    Add(command, "$display_name", learner.DisplayName);
                    Add(command, "$service_url", address?.ServiceUrl);
                    Add(command, "$channel_id", address?.ChannelId);
                    Add(command, "$conversation_id", address?.ConversationId);
                    Add(command, "$bot_id", address?.BotId);
                    Add(command, "$user_id", address?.UserId);
                    Add(command, "$address_tenant_id", address?.TenantId);
                    Add(command, "$locale", learner.Locale);
                    Add(command, "$time_zone", learner.TimeZone);
                    Add(command, "$country", learner.Country);
                    Add(command, "$track", learner.Track);
                    Add(command, "$reporting_region", learner.ReportingRegion);
                    Add(command, "$created_at", StoredTime.Format(learner.CreatedAt));
                    Add(command, "$welcomed_at", StoredTime.Format(learner.WelcomedAt));
                    Add(command, "$active", learner.Active ? 1 : 0);
                    return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }
            },
            // The stored row may differ from the one given (a welcome already recorded is kept): read it again.
            _ => ForgetProfile(learner.Key),
            cancellationToken);
    }

    public Task<bool> TryMarkWelcomedAsync(LearnerKey key, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.RunWriteAsync(
            async (connection, ct) =>
            {
                var command = CreateCommand(connection, """
                    UPDATE learners SET welcomed_at = $at
                    WHERE tenant_id = $tenant AND learner_id = $learner AND welcomed_at IS NULL;
                    """);
                await using (command.ConfigureAwait(false))
                {
                    Add(command, "$tenant", key.TenantId);
                    Add(command, "$learner", key.LearnerId);
                    Add(command, "$at", StoredTime.Format(at));
                    return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1;
                }
            },
            _ => ForgetProfile(key),
            cancellationToken);

    private void ForgetProfile(LearnerKey key) => database.Cache.Committed(key, entry => entry.Profile = null);

    public async IAsyncEnumerable<Learner> ListActiveAsync(string tenantId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        string? after = null;
        while (true)
        {
            var page = await ReadPageAsync(tenantId, after, cancellationToken).ConfigureAwait(false);
            foreach (var learner in page)
            {
                yield return learner;
            }

            if (page.Count < database.ListPageSize)
            {
                yield break;
            }

            after = page[^1].Key.LearnerId;
        }
    }

    private Task<List<Learner>> ReadPageAsync(string tenantId, string? after, CancellationToken cancellationToken) =>
        database.RunAsync(
            async (connection, ct) =>
            {
                // Keyset paging: stable under concurrent inserts, no OFFSET scans.
                var command = CreateCommand(connection, $"""
                    SELECT {Columns} FROM learners
                    WHERE tenant_id = $tenant AND active = 1 AND ($after IS NULL OR learner_id > $after)
                    ORDER BY learner_id
                    LIMIT $limit;
                    """);
                await using (command.ConfigureAwait(false))
                {
                    Add(command, "$tenant", tenantId);
                    Add(command, "$after", after);
                    Add(command, "$limit", database.ListPageSize);
                    var page = new List<Learner>();
                    var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        while (await reader.ReadAsync(ct).ConfigureAwait(false))
                        {
                            page.Add(Read(reader));
                        }
                    }

                    return page;
                }
            },
            cancellationToken);

    private static Learner Read(SqliteDataReader reader)
    {
        var serviceUrl = GetNullableString(reader, 3);
        return new Learner
        {
            Key = new LearnerKey(reader.GetString(0), reader.GetString(1)),
            DisplayName = GetNullableString(reader, 2),
            Address = serviceUrl is null
                ? null
                : new ConversationAddress(
                    serviceUrl,
                    reader.GetString(4),
                    reader.GetString(5),
                    reader.GetString(6),
                    reader.GetString(7),
                    GetNullableString(reader, 8)),
            Locale = GetNullableString(reader, 9),
            TimeZone = GetNullableString(reader, 10),
            Country = GetNullableString(reader, 11),
            Track = GetNullableString(reader, 12),
            ReportingRegion = GetNullableString(reader, 13),
            CreatedAt = StoredTime.Parse(reader.GetString(14)),
            WelcomedAt = StoredTime.ParseNullable(GetNullableString(reader, 15)),
            Active = reader.GetInt64(16) != 0,
        };
    }
}
