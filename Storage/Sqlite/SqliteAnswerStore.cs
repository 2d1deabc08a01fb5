namespace Beacon.Storage.Sqlite;

using Beacon.Training.Answers;
using Beacon.Training.Learners;
using Beacon.Training.Ports;
using Microsoft.Data.Sqlite;
using static Beacon.Storage.Sqlite.SqliteDatabase;

/// <summary>
/// Issued questions and the append-only answer log. Both are keyed by tenant, learner and prompt
/// id, so a redelivered write is stored once (<c>INSERT ... ON CONFLICT DO NOTHING</c>).
/// Answers are listed by the instant they were given (<see cref="AnswerRecord.AnsweredAt"/> in
/// UTC), then by prompt id.
/// </summary>
public sealed class SqliteAnswerStore : IAnswerStore
{
    private const string AnswerColumns =
        "tenant_id, learner_id, prompt_id, question_id, question_version, option_id, correct, confidence, issued_at, answered_at";

    private readonly SqliteDatabase database;

    public SqliteAnswerStore(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        this.database = database;
    }

    public Task RecordIssuedAsync(IssuedQuestion issued, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(issued);
        return database.RunWriteAsync(
            async (connection, ct) =>
            {
                var command = CreateCommand(connection, """
                    INSERT INTO issued_questions (tenant_id, learner_id, prompt_id, question_id, question_version, issued_at, on_demand, option_order, refresher_id)
                    VALUES ($tenant, $learner, $prompt, $question, $version, $issued_at, $on_demand, $option_order, $refresher_id)
                    ON CONFLICT (tenant_id, learner_id, prompt_id) DO NOTHING;
                    """);
                await using (command.ConfigureAwait(false))
                {
                    Add(command, "$tenant", issued.Learner.TenantId);
                    Add(command, "$learner", issued.Learner.LearnerId);
                    Add(command, "$prompt", issued.PromptId);
                    Add(command, "$question", issued.QuestionId);
                    Add(command, "$version", issued.QuestionVersion);
                    Add(command, "$issued_at", StoredTime.Format(issued.IssuedAt));
                    Add(command, "$on_demand", issued.OnDemand ? 1 : 0);
                    Add(command, "$option_order", issued.OptionOrder?.ToStored());
                    Add(command, "$refresher_id", issued.RefresherId);
                    return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }
            },
            // No row inserted: the prompt was recorded before, and that earlier question is the one kept.
            inserted => database.Cache.Committed(issued.Learner, entry =>
            {
                if (inserted == 1)
                {
                    entry.KeepIssued(issued);
                }
            }),
            cancellationToken);
    }

    public Task<IssuedQuestion?> GetIssuedAsync(LearnerKey learner, string promptId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(promptId);
        return database.Cache.ReadAsync(
            learner,
            entry => entry.Issued.TryGetValue(promptId, out var kept) ? new IssuedRow(kept) : null,
            async () => new IssuedRow(await ReadIssuedAsync(learner, promptId, cancellationToken).ConfigureAwait(false)),
            (entry, row) =>
            {
                if (row.Issued is { } issued)
                {
                    entry.KeepIssued(issued);
                }
            },
            row => row.Issued);
    }

    private Task<IssuedQuestion?> ReadIssuedAsync(LearnerKey learner, string promptId, CancellationToken cancellationToken) =>
        database.RunAsync(
            async (connection, ct) =>
            {
                var command = CreateCommand(connection, """
                    SELECT question_id, question_version, issued_at, on_demand, option_order, refresher_id FROM issued_questions
                    WHERE tenant_id = $tenant AND learner_id = $learner AND prompt_id = $prompt;
                    """);
                await using (command.ConfigureAwait(false))
                {
                    Add(command, "$tenant", learner.TenantId);
                    Add(command, "$learner", learner.LearnerId);
                    Add(command, "$prompt", promptId);
                    var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        if (!await reader.ReadAsync(ct).ConfigureAwait(false))
                        {
                            return null;
                        }

                        return new IssuedQuestion(
                            learner,
                            promptId,
                            reader.GetString(0),
                            reader.GetInt32(1),
                            StoredTime.Parse(reader.GetString(2)),
                            reader.GetInt64(3) != 0)
                        {
                            OptionOrder = OptionOrder.FromStored(GetNullableString(reader, 4)),
                            RefresherId = GetNullableString(reader, 5),
                        };
                    }
                }
            },
            cancellationToken);

    public Task<AppendResult> AppendAsync(AnswerRecord answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return database.RunWriteAsync(
            async (connection, ct) =>
            {
                int inserted;
                var insert = CreateCommand(connection, $"""
                    INSERT INTO answers ({AnswerColumns}, answered_at_utc_ticks)
                    VALUES ($tenant, $learner, $prompt, $question, $version, $option, $correct, $confidence, $issued_at, $answered_at, $answered_ticks)
                    ON CONFLICT (tenant_id, learner_id, prompt_id) DO NOTHING;
                    """);
                await using (insert.ConfigureAwait(false))
                {
                    Add(insert, "$tenant", answer.Learner.TenantId);
                    Add(insert, "$learner", answer.Learner.LearnerId);
                    Add(insert, "$prompt", answer.PromptId);
                    Add(insert, "$question", answer.QuestionId);
                    Add(insert, "$version", answer.QuestionVersion);
                    Add(insert, "$option", answer.OptionId);
                    Add(insert, "$correct", answer.Correct ? 1 : 0);
                    Add(insert, "$confidence", (int)answer.Confidence);
                    Add(insert, "$issued_at", StoredTime.Format(answer.IssuedAt));
                    Add(insert, "$answered_at", StoredTime.Format(answer.AnsweredAt));
                    Add(insert, "$answered_ticks", answer.AnsweredAt.UtcTicks);
                    inserted = await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }

                if (inserted == 1)
                {
                    return new AppendResult(answer, Added: true);
                }

                // Already there (a redelivery): rows are never updated or deleted, so the stored
                // one read back now is the one that won.
                var select = CreateCommand(connection, $"""
                    SELECT {AnswerColumns} FROM answers
                    WHERE tenant_id = $tenant AND learner_id = $learner AND prompt_id = $prompt;
                    """);
                await using (select.ConfigureAwait(false))
                {
                    Add(select, "$tenant", answer.Learner.TenantId);
                    Add(select, "$learner", answer.Learner.LearnerId);
                    Add(select, "$prompt", answer.PromptId);
                    var reader = await select.ExecuteReaderAsync(ct).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        if (!await reader.ReadAsync(ct).ConfigureAwait(false))
                        {
                            throw new InvalidOperationException($"Answer {answer.Learner}/{answer.PromptId} was neither inserted nor found.");
                        }

                        return new AppendResult(ReadAnswer(reader), Added: false);
                    }
                }
            },
            appended => database.Cache.Committed(answer.Learner, entry =>
            {
                if (appended.Added)
                {
                    entry.Answers?.Add(Logged(answer));
                }
            }),
            cancellationToken);
    }

    public Task<IReadOnlyList<AnswerRecord>> ListAnswersAsync(LearnerKey learner, CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<AnswerRecord>>(
            async (connection, ct) =>
            {
                // The learner's own rows: the key is not read back for each of them.
                var command = CreateCommand(connection, """
                    SELECT prompt_id, question_id, question_version, option_id, correct, confidence, issued_at, answered_at FROM answers
                    WHERE tenant_id = $tenant AND learner_id = $learner
                    ORDER BY answered_at_utc_ticks, prompt_id;
                    """);
                await using (command.ConfigureAwait(false))
                {
                    Add(command, "$tenant", learner.TenantId);
                    Add(command, "$learner", learner.LearnerId);
                    var answers = new List<AnswerRecord>();
                    var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        while (await reader.ReadAsync(ct).ConfigureAwait(false))
                        {
                            answers.Add(new AnswerRecord(
                                learner,
                                reader.GetString(0),
                                reader.GetString(1),
                                reader.GetInt32(2),
                                reader.GetString(3),
                                reader.GetInt64(4) != 0,
                                (Confidence)reader.GetInt32(5),
                                StoredTime.Parse(reader.GetString(6)),
                                StoredTime.Parse(reader.GetString(7))));
                        }
                    }

                    return answers;
                }
            },
            cancellationToken);

    public Task<IReadOnlyList<AnsweredQuestion>> ListAnsweredQuestionsAsync(
        LearnerKey learner, DateTimeOffset windowStart, DateTimeOffset windowEnd, CancellationToken cancellationToken) =>
        LogAsync(learner, log => log.Answered(windowStart.UtcTicks, windowEnd.UtcTicks), cancellationToken);

    public async Task<IReadOnlyList<TimeSpan>> ListResponseTimesBeforeAsync(
        LearnerKey learner, DateTimeOffset before, string exceptPromptId, int latest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exceptPromptId);
        ArgumentOutOfRangeException.ThrowIfLessThan(latest, 1);
        return await LogAsync(learner, log => log.ResponseTimesBefore(before.UtcTicks, exceptPromptId, latest), cancellationToken).ConfigureAwait(false)
            ?? await ReadResponseTimesBeforeAsync(learner, before, exceptPromptId, latest, cancellationToken).ConfigureAwait(false);
    }

    private static SqliteLearnerCache.LoggedAnswer Logged(AnswerRecord answer) =>
        new(answer.QuestionId, answer.PromptId, answer.AnsweredAt.UtcTicks, answer.AnsweredAt.UtcTicks - answer.IssuedAt.UtcTicks);

    private Task<T> LogAsync<T>(LearnerKey learner, Func<SqliteLearnerCache.AnswerLog, T> read, CancellationToken cancellationToken) =>
        database.Cache.ReadAsync(
            learner,
            entry => entry.Answers,
            async () => new SqliteLearnerCache.AnswerLog(await ReadLogAsync(learner, cancellationToken).ConfigureAwait(false)),
            (entry, loaded) => entry.Answers = loaded,
            read);

    private Task<IReadOnlyList<SqliteLearnerCache.LoggedAnswer>> ReadLogAsync(LearnerKey learner, CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<SqliteLearnerCache.LoggedAnswer>>(
            async (connection, ct) =>
            {
                var command = CreateCommand(connection, """
                    SELECT question_id, prompt_id, answered_at_utc_ticks, issued_at FROM answers
                    WHERE tenant_id = $tenant AND learner_id = $learner;
                    """);
                await using (command.ConfigureAwait(false))
                {
                    Add(command, "$tenant", learner.TenantId);
                    Add(command, "$learner", learner.LearnerId);
                    var log = new List<SqliteLearnerCache.LoggedAnswer>();
                    var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        while (await reader.ReadAsync(ct).ConfigureAwait(false))
                        {
                            var answeredTicks = reader.GetInt64(2);
                            log.Add(new(reader.GetString(0), reader.GetString(1), answeredTicks, answeredTicks - StoredTime.Parse(reader.GetString(3)).UtcTicks));
                        }
                    }

                    return log;
                }
            },
            cancellationToken);

    // For a learner whose kept answers are too few to tell: backwards from the answer, then put in log order.
    private Task<IReadOnlyList<TimeSpan>> ReadResponseTimesBeforeAsync(
        LearnerKey learner, DateTimeOffset before, string exceptPromptId, int latest, CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<TimeSpan>>(
            async (connection, ct) =>
            {
                var command = CreateCommand(connection, """
                    SELECT issued_at, answered_at_utc_ticks FROM answers
                    WHERE tenant_id = $tenant AND learner_id = $learner AND answered_at_utc_ticks < $before AND prompt_id <> $prompt
                    ORDER BY answered_at_utc_ticks DESC, prompt_id DESC
                    LIMIT $latest;
                    """);
                await using (command.ConfigureAwait(false))
                {
                    Add(command, "$tenant", learner.TenantId);
                    Add(command, "$learner", learner.LearnerId);
                    Add(command, "$before", before.UtcTicks);
                    Add(command, "$prompt", exceptPromptId);
                    Add(command, "$latest", latest);
                    var times = new List<TimeSpan>();
                    var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        while (await reader.ReadAsync(ct).ConfigureAwait(false))
                        {
                            times.Add(TimeSpan.FromTicks(reader.GetInt64(1) - StoredTime.Parse(reader.GetString(0)).UtcTicks));
                        }
                    }

                    times.Reverse();
                    return times;
                }
            },
            cancellationToken);

    private sealed record IssuedRow(IssuedQuestion? Issued);

    private static AnswerRecord ReadAnswer(SqliteDataReader reader) => new(
        new LearnerKey(reader.GetString(0), reader.GetString(1)),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetInt32(4),
        reader.GetString(5),
        reader.GetInt64(6) != 0,
        (Confidence)reader.GetInt32(7),
        StoredTime.Parse(reader.GetString(8)),
        StoredTime.Parse(reader.GetString(9)));
}
