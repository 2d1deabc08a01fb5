namespace Beacon.Storage.Sqlite;

using System.Globalization;
using Beacon.Training.Learners;
using Beacon.Training.Ports;
using Beacon.Training.Schedules;
using Microsoft.Data.Sqlite;
using static Beacon.Storage.Sqlite.SqliteDatabase;

/// <summary>
/// Delivery claims: primary key (tenant, learner, local date); <c>INSERT ... ON CONFLICT DO NOTHING</c> is the
/// "add if absent". Session claims live in <c>delivery_claims</c>, reminder claims in <c>nudge_claims</c>, announcement
/// claims (keyed by source, the campaign, instead of date) in <c>announcement_claims</c> (same columns).
/// </summary>
public sealed class SqliteDeliveryClaimStore : IDeliveryClaimStore
{
    internal const string Columns = "tenant_id, learner_id, local_date, owner, source, claimed_at, status, completed_at, activity_id, attempts";

    private readonly SqliteDatabase database;

    public SqliteDeliveryClaimStore(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        this.database = database;
    }

    public Task<bool> TryClaimAsync(DeliveryClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return database.RunAsync(
            async (connection, ct) =>
            {
                var command = CreateCommand(connection, $"""
                    INSERT INTO {Table(claim.Kind)} ({Columns})
                    VALUES ($tenant, $learner, $date, $owner, $source, $claimed_at, $status, $completed_at, $activity_id, $attempts)
                    ON CONFLICT {Key(claim.Kind)} DO NOTHING;
                    """);
                await using (command.ConfigureAwait(false))
                {
                    Bind(command, claim);
                    return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1;
                }
            },
            cancellationToken);
    }

    public Task<DeliveryClaim?> GetAsync(LearnerKey learner, DateOnly localDate, ClaimKind kind, CancellationToken cancellationToken) =>
        database.RunAsync(
            async (connection, ct) =>
            {
                var command = CreateCommand(connection, $"""
                    SELECT {Columns} FROM {Table(kind)}
                    WHERE tenant_id = $tenant AND learner_id = $learner AND local_date = $date;
                    """);
                await using (command.ConfigureAwait(false))
                {
                    Add(command, "$tenant", learner.TenantId);
                    Add(command, "$learner", learner.LearnerId);
                    Add(command, "$date", FormatDate(localDate));
                    var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        return await reader.ReadAsync(ct).ConfigureAwait(false) ? Read(reader) with { Kind = kind } : null;
                    }
                }
            },
            cancellationToken);

    public Task CompleteAsync(DeliveryClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return database.RunAsync(
            async (connection, ct) =>
            {
                var command = CreateCommand(connection, $"""
                    INSERT INTO {Table(claim.Kind)} ({Columns})
                    VALUES ($tenant, $learner, $date, $owner, $source, $claimed_at, $status, $completed_at, $activity_id, $attempts)
                    ON CONFLICT {Key(claim.Kind)} DO UPDATE SET
                        status = excluded.status, completed_at = excluded.completed_at,
                        activity_id = excluded.activity_id, attempts = excluded.attempts;
                    """);
                await using (command.ConfigureAwait(false))
                {
                    Bind(command, claim);
                    return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }
            },
            cancellationToken);
    }

    internal static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static DateOnly ParseDate(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static string Table(ClaimKind kind) => kind switch
    {
        ClaimKind.Nudge => "nudge_claims",
        ClaimKind.Announcement => "announcement_claims",
        _ => "delivery_claims",
    };

    /// <summary>The primary key: an announcement is once per learner and campaign (its source), the others once per learner and date.</summary>
    internal static string Key(ClaimKind kind) => kind == ClaimKind.Announcement ? "(tenant_id, learner_id, source)" : "(tenant_id, learner_id, local_date)";

    internal static void Bind(SqliteCommand command, DeliveryClaim claim)
    {
        Add(command, "$tenant", claim.Learner.TenantId);
        Add(command, "$learner", claim.Learner.LearnerId);
        Add(command, "$date", FormatDate(claim.LocalDate));
        Add(command, "$owner", claim.Owner);
        Add(command, "$source", claim.Source);
        Add(command, "$claimed_at", StoredTime.Format(claim.ClaimedAt));
        Add(command, "$status", (int)claim.Status);
        Add(command, "$completed_at", StoredTime.Format(claim.CompletedAt));
        Add(command, "$activity_id", claim.ActivityId);
        Add(command, "$attempts", claim.Attempts);
    }

    internal static DeliveryClaim Read(SqliteDataReader reader) => new()
    {
        Learner = new LearnerKey(reader.GetString(0), reader.GetString(1)),
        LocalDate = ParseDate(reader.GetString(2)),
        Owner = reader.GetString(3),
        Source = reader.GetString(4),
        ClaimedAt = StoredTime.Parse(reader.GetString(5)),
        Status = (DeliveryStatus)reader.GetInt32(6),
        CompletedAt = StoredTime.ParseNullable(GetNullableString(reader, 7)),
        ActivityId = GetNullableString(reader, 8),
        Attempts = reader.GetInt32(9),
    };
}
