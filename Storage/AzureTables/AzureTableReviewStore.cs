namespace Beacon.Storage.AzureTables;

using Azure;
using Azure.Data.Tables;
using Beacon.Training.Learners;
using Beacon.Training.Ports;
using Beacon.Training.Reviews;
using static Beacon.Storage.AzureTables.AzureTableLearnerStore;

/// <summary>
/// Review states in <c>{prefix}LearnerData</c> (RowKey <c>review|questionId</c>) with ETag
/// optimistic concurrency: <see cref="ReviewState.ConcurrencyToken"/> is the entity's ETag.
/// </summary>
public sealed class AzureTableReviewStore : IReviewStore
{
    private readonly AzureTableStorage storage;

    public AzureTableReviewStore(AzureTableStorage storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        this.storage = storage;
    }

    public Task<ReviewState?> GetAsync(LearnerKey learner, string questionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(questionId);
        return storage.RunAsync(
            async ct =>
            {
                var response = await storage.LearnerData
                    .GetEntityIfExistsAsync<TableEntity>(TableKeys.LearnerPartition(learner), TableKeys.Review(questionId), cancellationToken: ct)
                    .ConfigureAwait(false);
                return response.HasValue ? Read(response.Value!) : null;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<ReviewState>> ListAsync(LearnerKey learner, CancellationToken cancellationToken) =>
        storage.RunAsync<IReadOnlyList<ReviewState>>(
            async ct =>
            {
                var states = new List<ReviewState>();
                await foreach (var entity in AzureTableAnswerStore.QueryKind(storage.LearnerData, learner, TableKeys.ReviewPrefix, ct).ConfigureAwait(false))
                {
                    states.Add(Read(entity));
                }

                return states.OrderBy(s => s.QuestionId, StringComparer.Ordinal).ToList();
            },
            cancellationToken);

    public Task<ReviewState> SaveAsync(ReviewState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var entity = ReviewEntity(state);

        return storage.RunAsync(
            async ct =>
            {
                Response response;
                try
                {
                    response = state.ConcurrencyToken is { } token
                        ? await storage.LearnerData.UpdateEntityAsync(entity, new ETag(token), TableUpdateMode.Replace, ct).ConfigureAwait(false)
                        : await storage.LearnerData.AddEntityAsync(entity, ct).ConfigureAwait(false);
                }
                catch (RequestFailedException ex) when (ex.Status is 409 or 412 || (ex.Status == 404 && state.ConcurrencyToken is not null))
                {
                    // 409: insert met an existing state; 412: the ETag moved on; 404: updating a state that is not there.
                    throw new ConcurrencyConflictException(
                        state.ConcurrencyToken is null
                            ? $"Review state {state.Learner}/{state.QuestionId} already exists."
                            : $"Review state {state.Learner}/{state.QuestionId} changed since it was read.",
                        ex);
                }

                var etag = response.Headers.ETag ?? throw new InvalidOperationException("The table service returned no ETag.");
                return state with { ConcurrencyToken = etag.ToString() };
            },
            cancellationToken);
    }

    internal static ReviewState Read(TableEntity entity) => new()
    {
        Learner = new LearnerKey(Required(entity, "TenantId"), Required(entity, "LearnerId")),
        QuestionId = Required(entity, "QuestionId"),
        Phase = (ReviewPhase)(entity.GetInt32("Phase") ?? throw Missing(entity, "Phase")),
        Stability = entity.GetDouble("Stability") ?? throw Missing(entity, "Stability"),
        Difficulty = entity.GetDouble("Difficulty") ?? throw Missing(entity, "Difficulty"),
        Due = StoredTime.ParseNullable(entity.GetString("Due")),
        LastReview = StoredTime.ParseNullable(entity.GetString("LastReview")),
        Reps = entity.GetInt32("Reps") ?? throw Missing(entity, "Reps"),
        Lapses = entity.GetInt32("Lapses") ?? throw Missing(entity, "Lapses"),
        Step = entity.GetInt32("Step") ?? throw Missing(entity, "Step"),
        ConcurrencyToken = entity.ETag.ToString(),
    };

    internal static TableEntity ReviewEntity(ReviewState state)
    {
        var entity = new TableEntity(TableKeys.LearnerPartition(state.Learner), TableKeys.Review(state.QuestionId))
        {
            ["TenantId"] = state.Learner.TenantId,
            ["LearnerId"] = state.Learner.LearnerId,
            ["QuestionId"] = state.QuestionId,
            ["Phase"] = (int)state.Phase,
            ["Stability"] = state.Stability,
            ["Difficulty"] = state.Difficulty,
            ["Reps"] = state.Reps,
            ["Lapses"] = state.Lapses,
            ["Step"] = state.Step,
        };
        SetIfNotNull(entity, "Due", StoredTime.Format(state.Due));
        SetIfNotNull(entity, "LastReview", StoredTime.Format(state.LastReview));
        return entity;
    }
}
