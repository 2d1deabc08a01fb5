namespace Beacon.Storage.Sqlite;

using System.Globalization;
using System.Runtime.CompilerServices;
using Beacon.Training.Learners;
using Beacon.Training.Ports;
using Beacon.Training.Schedules;
using Microsoft.Data.Sqlite;
using static Beacon.Storage.Sqlite.SqliteDatabase;

/// <summary>Personal schedules (optimistic concurrency by row version, like review states).</summary>
public sealed class SqliteScheduleStore : IScheduleStore
{
    internal const string Columns =
        "tenant_id, learner_id, enabled, days, local_time, time_zone, quiet_start, quiet_end, paused_at, paused_until, updated_at, version";

    private readonly SqliteDatabase database;

    public SqliteScheduleStore(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        this.database = database;
    }

    public Task<PersonalSchedule?> GetAsync(LearnerKey learner, CancellationToken cancellationToken) =>
        database.RunAsync(
            async (connection, ct) =>
            {
                var command = CreateCommand(connection, $"SELECT {Columns} FROM schedules WHERE tenant_id = $tenant AND learner_id = $learner;");
                await using (command.ConfigureAwait(false))
                {
                    Add(command, "$tenant", learner.TenantId);
                    Add(command, "$learner", learner.LearnerId);
                    var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        return await reader.ReadAsync(ct).ConfigureAwait(false) ? Read(reader) : null;
                    }
                }
            },
            cancellationToken);

    public Task<PersonalSchedule> SaveAsync(PersonalSchedule schedule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        long? expected = null;
        if (schedule.ConcurrencyToken is { } token)
        {
            if (!long.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                throw Conflict(schedule);
            }

            expected = parsed;
        }

        return database.RunAsync(
            async (connection, ct) =>
            {
                var sql = expected is null
                    ? $"""
                      INSERT INTO schedules ({Columns})
                      VALUES ($tenant, $learner, $enabled, $days, $local_time, $time_zone, $quiet_start, $quiet_end, $paused_at, $paused_until, $updated_at, 1)
                      ON CONFLICT (tenant_id, learner_id) DO NOTHING
                      RETURNING version;
                      """
                    : """
                      UPDATE schedules SET
                          enabled = $enabled, days = $days, local_time = $local_time, time_zone = $time_zone,
                          quiet_start = $quiet_start, quiet_end = $quiet_end, paused_at = $paused_at,
                          paused_until = $paused_until, updated_at = $updated_at, version = version + 1
                      WHERE tenant_id = $tenant AND learner_id = $learner AND version = $expected
                      RETURNING version;
                      """;
                var command = CreateCommand(connection, sql);
                await using (command.ConfigureAwait(false))
                {
                    Bind(command, schedule);
                    if (expected is { } version)
                    {
                        Add(command, "$expected", version);
                    }

                    var result = await command.ExecuteScalarAsync(ct).ConfigureAwait(false);
                    if (result is null or DBNull)
                    {
                        throw Conflict(schedule);
                    }

                    return schedule with { ConcurrencyToken = Convert.ToInt64(result, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture) };
                }
            },
            cancellationToken);
    }

    public async IAsyncEnumerable<PersonalSchedule> ListAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var all = await database.RunAsync(
            async (connection, ct) =>
            {
                var command = CreateCommand(connection, $"SELECT {Columns} FROM schedules ORDER BY tenant_id, learner_id;");
                await using (command.ConfigureAwait(false))
                {
                    var list = new List<PersonalSchedule>();
                    var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        while (await reader.ReadAsync(ct).ConfigureAwait(false))
                        {
                            list.Add(Read(reader));
                        }
                    }

                    return list;
                }
            },
            cancellationToken).ConfigureAwait(false);
        foreach (var schedule in all)
        {
            yield return schedule;
        }
    }

    /// <summary>Binds every column but <c>version</c> ($tenant, $learner, $enabled, ... $updated_at).</summary>
    internal static void Bind(SqliteCommand command, PersonalSchedule schedule)
    {
        Add(command, "$tenant", schedule.Learner.TenantId);
        Add(command, "$learner", schedule.Learner.LearnerId);
        Add(command, "$enabled", schedule.Enabled ? 1 : 0);
        Add(command, "$days", (int)schedule.Days);
        Add(command, "$local_time", FormatTime(schedule.LocalTime));
        Add(command, "$time_zone", schedule.TimeZone);
        Add(command, "$quiet_start", schedule.QuietHours is { } q1 ? FormatTime(q1.Start) : null);
        Add(command, "$quiet_end", schedule.QuietHours is { } q2 ? FormatTime(q2.End) : null);
        Add(command, "$paused_at", StoredTime.Format(schedule.PausedAt));
        Add(command, "$paused_until", StoredTime.Format(schedule.PausedUntil));
        Add(command, "$updated_at", StoredTime.Format(schedule.UpdatedAt));
    }

    internal static string FormatTime(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    internal static TimeOnly ParseTime(string text) => TimeOnly.ParseExact(text, "HH:mm", CultureInfo.InvariantCulture);

    private static ConcurrencyConflictException Conflict(PersonalSchedule schedule) => new(
        schedule.ConcurrencyToken is null
            ? $"The schedule of {schedule.Learner} already exists."
            : $"The schedule of {schedule.Learner} changed since token {schedule.ConcurrencyToken} was read.");

    private static PersonalSchedule Read(SqliteDataReader reader)
    {
        var quietStart = GetNullableString(reader, 6);
        var quietEnd = GetNullableString(reader, 7);
        return new PersonalSchedule
        {
            Learner = new LearnerKey(reader.GetString(0), reader.GetString(1)),
            Enabled = reader.GetInt32(2) != 0,
            Days = (Weekdays)reader.GetInt32(3),
            LocalTime = ParseTime(reader.GetString(4)),
            TimeZone = GetNullableString(reader, 5),
            QuietHours = quietStart is not null && quietEnd is not null ? new QuietHours(ParseTime(quietStart), ParseTime(quietEnd)) : null,
            PausedAt = StoredTime.ParseNullable(GetNullableString(reader, 8)),
            PausedUntil = StoredTime.ParseNullable(GetNullableString(reader, 9)),
            UpdatedAt = StoredTime.Parse(reader.GetString(10)),
            ConcurrencyToken = reader.GetInt64(11).ToString(CultureInfo.InvariantCulture),
        };
    }
}
