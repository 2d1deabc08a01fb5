namespace Beacon.Storage.Sqlite;

using Beacon.Training.Learners;
using Beacon.Training.Ports;
using Microsoft.Data.Sqlite;
using static Beacon.Storage.Sqlite.SqliteDatabase;

/// <summary>
/// "My data" and "forget me" on SQLite. Finds every table with a <c>tenant_id</c> column and a
/// learner column (<c>learner_id</c>, or <c>from_user_id</c> for the handoff audit), so tables
/// added later are covered without a change here, and counts or deletes that learner's rows, all
/// in one transaction. Campaign audiences hold learner ids in a JSON array, so the learner is taken
/// out of those arrays (and the campaign's row version moves on) in the same transaction, and every
/// record of someone else that names them is anonymised (<see cref="ErasedPerson"/>).
/// </summary>
public sealed class SqliteLearnerEraser : ILearnerEraser
{
    private static readonly Dictionary<string, string> KindOfTable = new(StringComparer.OrdinalIgnoreCase)
    {
        ["learners"] = LearnerFootprint.Profile,
        ["issued_questions"] = LearnerFootprint.IssuedQuestions,
        ["answers"] = LearnerFootprint.Answers,
        ["review_states"] = LearnerFootprint.ReviewStates,
        ["handoffs"] = LearnerFootprint.Handoffs,
        ["manager_grants"] = LearnerFootprint.ManagerRole,
        ["nudge_claims"] = "reminders",
        ["announcement_claims"] = "campaign announcements",
    };

    private const string InAudience = "tenant_id = $tenant AND EXISTS (SELECT 1 FROM json_each(campaigns.audience) WHERE value = $learner)";

    private const string InAnnouncement =
        "tenant_id = $tenant AND announcement IS NOT NULL AND EXISTS (SELECT 1 FROM json_each(campaigns.announcement, '$.Pending') WHERE json_extract(value, '$.LearnerId') = $learner)";

    /// <summary>Columns that hold the learner's id, in order of preference.</summary>
    private static readonly string[] LearnerColumns = ["learner_id", "from_user_id"];

    private readonly SqliteDatabase database;

    public SqliteLearnerEraser(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        this.database = database;
    }

    public Task<LearnerFootprint> DescribeAsync(LearnerKey learner, CancellationToken cancellationToken) =>
        database.RunAsync(
            async (connection, ct) =>
            {
                var counts = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var (table, column) in await LearnerTablesAsync(connection, null, ct).ConfigureAwait(false))
                {
                    var command = CreateCommand(connection, $"SELECT COUNT(*) FROM {Quote(table)} WHERE tenant_id = $tenant AND {Quote(column)} = $learner;");
                    await using (command.ConfigureAwait(false))
                    {
                        Add(command, "$tenant", learner.TenantId);
                        Add(command, "$learner", learner.LearnerId);
                        var count = Convert.ToInt32(await command.ExecuteScalarAsync(ct).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
                        var kind = KindOfTable.GetValueOrDefault(table, table);
                        counts[kind] = counts.GetValueOrDefault(kind) + count;
                    }
                }

                var audiences = CreateCommand(connection, $"SELECT COUNT(*) FROM campaigns WHERE {InAudience};");
                await using (audiences.ConfigureAwait(false))
                {
                    Add(audiences, "$tenant", learner.TenantId);
                    Add(audiences, "$learner", learner.LearnerId);
                    counts[LearnerFootprint.CampaignAudiences] =
                        Convert.ToInt32(await audiences.ExecuteScalarAsync(ct).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
                }

                return new LearnerFootprint(counts);
            },
            cancellationToken);

    // Through the writers' queue, so the cache forgets the learner right after this commit and before any later write is applied.
    public Task<int> EraseAsync(LearnerKey learner, CancellationToken cancellationToken) =>
        database.RunWriteAloneAsync(
            async (connection, ct) =>
            {
                var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    var deleted = 0;
                    foreach (var (table, column) in await LearnerTablesAsync(connection, transaction, ct).ConfigureAwait(false))
                    {
                        var command = CreateCommand(connection, $"DELETE FROM {Quote(table)} WHERE tenant_id = $tenant AND {Quote(column)} = $learner;", transaction);
                        await using (command.ConfigureAwait(false))
                        {
                            Add(command, "$tenant", learner.TenantId);
                            Add(command, "$learner", learner.LearnerId);
                            deleted += await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                        }
                    }

                    var audiences = CreateCommand(connection, $"""
                        UPDATE campaigns SET
                            audience = (SELECT json_group_array(value) FROM json_each(campaigns.audience) WHERE value <> $learner),
                            version = version + 1
                        WHERE {InAudience};
                        """, transaction);
                    await using (audiences.ConfigureAwait(false))
                    {
                        Add(audiences, "$tenant", learner.TenantId);
                        Add(audiences, "$learner", learner.LearnerId);
                        deleted += await audiences.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                    }

                    // Roster ids and names kept for announcements still to send.
                    var pending = CreateCommand(connection, $"""
                        UPDATE campaigns SET
                            announcement = json_set(announcement, '$.Pending',
                                (SELECT json_group_array(json(value)) FROM json_each(campaigns.announcement, '$.Pending') WHERE json_extract(value, '$.LearnerId') <> $learner)),
                            version = version + 1
                        WHERE {InAnnouncement};
                        """, transaction);
                    await using (pending.ConfigureAwait(false))
                    {
                        Add(pending, "$tenant", learner.TenantId);
                        Add(pending, "$learner", learner.LearnerId);
                        deleted += await pending.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                    }

                    deleted += await AnonymiseAsync(connection, transaction, learner, ct).ConfigureAwait(false);
                    await transaction.CommitAsync(ct).ConfigureAwait(false);
                    return deleted;
                }
            },
            _ => database.Cache.Forget(learner),
            cancellationToken);

    /// <summary>
    /// Takes the learner out of campaigns' report groups and replaces their id with <see cref="ErasedPerson.Id"/> in the
    /// records of others that name them: campaigns they created, manager roles they granted, the safeguarding route they last saved (their name as a
    /// recipient goes too), and other people's handoffs they received. Returns the rows changed.
    /// </summary>
    private static async Task<int> AnonymiseAsync(SqliteConnection connection, SqliteTransaction transaction, LearnerKey learner, CancellationToken cancellationToken)
    {
        var changed = 0;
        foreach (var sql in AnonymiseStatements)
        {
            var command = CreateCommand(connection, sql, transaction);
            await using (command.ConfigureAwait(false))
            {
                Add(command, "$tenant", learner.TenantId);
                Add(command, "$learner", learner.LearnerId);
                Add(command, "$erased", ErasedPerson.Id);
                changed += await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        changed += await RewriteRowsAsync(
            connection,
            transaction,
            learner,
            "SELECT handoff_id, to_user_ids FROM handoffs WHERE tenant_id = $tenant AND instr(to_user_ids, $learner) > 0;",
            "UPDATE handoffs SET to_user_ids = $value WHERE tenant_id = $tenant AND handoff_id = $key;",
            text => ErasedReferences.ReplaceInList(text, '\n', learner.LearnerId),
            cancellationToken).ConfigureAwait(false);
        changed += await RewriteRowsAsync(
            connection,
            transaction,
            learner,
            "SELECT tenant_id, recipients FROM safeguarding_routes WHERE tenant_id = $tenant AND instr(recipients, $learner) > 0;",
            "UPDATE safeguarding_routes SET recipients = $value WHERE tenant_id = $key;",
            text => ErasedReferences.WithoutName(StoredRecipients.Parse(text), learner.LearnerId) is { } named ? StoredRecipients.Format(named) : null,
            cancellationToken).ConfigureAwait(false);
        return changed;
    }

    private static readonly string[] AnonymiseStatements =
    [
        "UPDATE campaigns SET created_by = $erased, version = version + 1 WHERE tenant_id = $tenant AND created_by = $learner;",
        """
        UPDATE campaigns SET
            report_group = (SELECT json_group_array(value) FROM json_each(campaigns.report_group) WHERE value <> $learner),
            version = version + 1
        WHERE tenant_id = $tenant AND report_group IS NOT NULL AND EXISTS (SELECT 1 FROM json_each(campaigns.report_group) WHERE value = $learner);
        """,
        "UPDATE manager_grants SET granted_by = $erased WHERE tenant_id = $tenant AND granted_by = $learner;",
        "UPDATE safeguarding_routes SET updated_by = $erased WHERE tenant_id = $tenant AND updated_by = $learner;",
    ];

    /// <summary>Reads (key, text) rows the select finds, and writes back the text <paramref name="rewrite"/> changes (null: unchanged).</summary>
    private static async Task<int> RewriteRowsAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        LearnerKey learner,
        string select,
        string update,
        Func<string, string?> rewrite,
        CancellationToken cancellationToken)
    {
        var rewritten = new List<(string Key, string Value)>();
        var query = CreateCommand(connection, select, transaction);
        await using (query.ConfigureAwait(false))
        {
            Add(query, "$tenant", learner.TenantId);
            Add(query, "$learner", learner.LearnerId);
            var reader = await query.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (rewrite(reader.GetString(1)) is { } value)
                    {
                        rewritten.Add((reader.GetString(0), value));
                    }
                }
            }
        }

        foreach (var (key, value) in rewritten)
        {
            var command = CreateCommand(connection, update, transaction);
            await using (command.ConfigureAwait(false))
            {
                Add(command, "$tenant", learner.TenantId);
                Add(command, "$key", key);
                Add(command, "$value", value);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return rewritten.Count;
    }

    /// <summary>The user tables that hold rows keyed by tenant and learner, with their learner column.</summary>
    internal static async Task<IReadOnlyList<(string Table, string Column)>> LearnerTablesAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        var tables = new List<string>();
        var list = CreateCommand(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name;", transaction);
        await using (list.ConfigureAwait(false))
        {
            var reader = await list.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    tables.Add(reader.GetString(0));
                }
            }
        }

        var result = new List<(string, string)>();
        foreach (var table in tables)
        {
            var columns = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var info = CreateCommand(connection, $"SELECT name FROM pragma_table_info({QuoteLiteral(table)});", transaction);
            await using (info.ConfigureAwait(false))
            {
                var reader = await info.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        columns.Add(reader.GetString(0));
                    }
                }
            }

            var learnerColumn = LearnerColumns.FirstOrDefault(columns.Contains);
            if (columns.Contains("tenant_id") && learnerColumn is not null)
            {
                result.Add((table, learnerColumn));
            }
        }

        return result;
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string QuoteLiteral(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
