namespace Beacon.Storage.Sqlite;

using System.Globalization;
using Beacon.Training.Learners;
using Beacon.Training.Ports;
using Beacon.Training.Reviews;
using Microsoft.Data.Sqlite;
using static Beacon.Storage.Sqlite.SqliteDatabase;

/// <summary>
/// Review states with optimistic concurrency: each row carries a version number, and
/// <see cref="ReviewState.ConcurrencyToken"/> is that number as invariant text.
/// </summary>
public sealed class SqliteReviewStore : IReviewStore
{
    private const string StateColumns = "question_id, phase, stability, difficulty, due, last_review, reps, lapses, step, version";

    private const string Columns = "tenant_id, learner_id, " + StateColumns;

    private readonly SqliteDatabase database;

    public SqliteReviewStore(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        this.database = database;
    }

    public Task<ReviewState?> GetAsync(LearnerKey learner, string questionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(questionId);
        return StatesAsync(learner, states => states.GetValueOrDefault(questionId), cancellationToken);
    }

    public Task<IReadOnlyList<ReviewState>> ListAsync(LearnerKey learner, CancellationToken cancellationToken) =>
        StatesAsync<IReadOnlyList<ReviewState>>(learner, states => [.. states.Values.OrderBy(s => s.QuestionId, StringComparer.Ordinal)], cancellationToken);

    private Task<T> StatesAsync<T>(LearnerKey learner, Func<Dictionary<string, ReviewState>, T> read, CancellationToken cancellationToken) =>
        database.Cache.ReadAsync(
            learner,
            entry => entry.Reviews,
            async () => (await ReadAllAsync(learner, cancellationToken).ConfigureAwait(false)).ToDictionary(s => s.QuestionId, StringComparer.Ordinal),
            (entry, loaded) => entry.Reviews = loaded,
            read);

    private Task<IReadOnlyList<ReviewState>> ReadAllAsync(LearnerKey learner, CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<ReviewState>>(
            async (connection, ct) =>
            {
                // The learner's own rows: the key is not read back for each of them.
                var command = CreateCommand(connection, $"""
                    SELECT {StateColumns} FROM review_states
                    WHERE tenant_id = $tenant AND learner_id = $learner
                    ORDER BY question_id;
                    """);
                await using (command.ConfigureAwait(false))
                {
                    Add(command, "$tenant", learner.TenantId);
                    Add(command, "$learner", learner.LearnerId);
                    var states = new List<ReviewState>();
                    var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        while (await reader.ReadAsync(ct).ConfigureAwait(false))
                        {
                            states.Add(Read(learner, reader));
                        }
                    }

                    return states;
                }
            },
            cancellationToken);

    public Task<ReviewState> SaveAsync(ReviewState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        long? expected = null;
        if (state.ConcurrencyToken is { } token)
        {
            if (!long.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                // A token this store never handed out cannot match the stored row.
                throw Conflict(state);
            }

            expected = parsed;
        }

        return database.RunWriteAsync(
            async (connection, ct) =>
            {
                var sql = expected is null
                    ? $"""
                      INSERT INTO review_states ({Columns})
                      VALUES ($tenant, $learner, $question, $phase, $stability, $difficulty, $due, $last_review, $reps, $lapses, $step, 1)
                      ON CONFLICT (tenant_id, learner_id, question_id) DO NOTHING
                      RETURNING version;
                      """
                    : """
                      UPDATE review_states SET
                          phase = $phase, stability = $stability, difficulty = $difficulty, due = $due,
                          last_review = $last_review, reps = $reps, lapses = $lapses, step = $step,
                          version = version + 1
                      WHERE tenant_id = $tenant AND learner_id = $learner AND question_id = $question AND version = $expected
                      RETURNING version;
                      """;
                var command = CreateCommand(connection, sql);
                await using (command.ConfigureAwait(false))
                {
                    Add(command, "$tenant", state.Learner.TenantId);
                    Add(command, "$learner", state.Learner.LearnerId);
                    Add(command, "$question", state.QuestionId);
                    Add(command, "$phase", (int)state.Phase);
                    Add(command, "$stability", state.Stability);
                    Add(command, "$difficulty", state.Difficulty);
                    Add(command, "$due", StoredTime.Format(state.Due));
                    Add(command, "$last_review", StoredTime.Format(state.LastReview));
                    Add(command, "$reps", state.Reps);
                    Add(command, "$lapses", state.Lapses);
                    Add(command, "$step", state.Step);
                    if (expected is { } version)
                    {
                        Add(command, "$expected", version);
                    }

                    // One statement, one row: atomic on its own. No row back means the insert met
                    // an existing row, or the update found no row with the expected version.
                    var result = await command.ExecuteScalarAsync(ct).ConfigureAwait(false);
                    if (result is null or DBNull)
                    {
                        throw Conflict(state);
                    }

                    var newVersion = Convert.ToInt64(result, CultureInfo.InvariantCulture);
                    return state with { ConcurrencyToken = newVersion.ToString(CultureInfo.InvariantCulture) };
                }
            },
            saved => database.Cache.Committed(saved.Learner, entry => entry.Reviews?[saved.QuestionId] = saved),
            cancellationToken);
    }

    private static ConcurrencyConflictException Conflict(ReviewState state) => new(
        state.ConcurrencyToken is null
            ? $"Review state {state.Learner}/{state.QuestionId} already exists."
            : $"Review state {state.Learner}/{state.QuestionId} changed since token {state.ConcurrencyToken} was read.");

    /// <summary>Reads a row of <see cref="StateColumns"/> of <paramref name="learner"/>.</summary>
    private static ReviewState Read(LearnerKey learner, SqliteDataReader reader) => new()
    {
        Learner = learner,
        QuestionId = reader.GetString(0),
        Phase = (ReviewPhase)reader.GetInt32(1),
        Stability = reader.GetDouble(2),
        Difficulty = reader.GetDouble(3),
        Due = StoredTime.ParseNullable(GetNullableString(reader, 4)),
        LastReview = StoredTime.ParseNullable(GetNullableString(reader, 5)),
        Reps = reader.GetInt32(6),
        Lapses = reader.GetInt32(7),
        Step = reader.GetInt32(8),
        ConcurrencyToken = reader.GetInt64(9).ToString(CultureInfo.InvariantCulture),
    };
}
