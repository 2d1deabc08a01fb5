namespace Beacon.Storage.AzureTables;

using Azure;
using Azure.Data.Tables;
using Beacon.Training.Answers;
using Beacon.Training.Learners;
using Beacon.Training.Ports;
using static Beacon.Storage.AzureTables.AzureTableLearnerStore;

/// <summary>
/// Issued questions and the append-only answer log in <c>{prefix}LearnerData</c>, one partition
/// per learner, RowKeys <c>issued|promptId</c> and <c>answer|promptId</c>: AddEntity inserts only
/// if absent, so a redelivered write is stored once. Answers are listed by the instant they were
/// given (<see cref="AnswerRecord.AnsweredAt"/> in UTC), then by prompt id.
/// </summary>
public sealed class AzureTableAnswerStore : IAnswerStore
{
    private readonly AzureTableStorage storage;

    public AzureTableAnswerStore(AzureTableStorage storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        this.storage = storage;
    }

    public Task RecordIssuedAsync(IssuedQuestion issued, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(issued);
        var entity = IssuedEntity(issued);
        return storage.RunAsync(
            async ct =>
            {
                try
                {
                    await storage.LearnerData.AddEntityAsync(entity, ct).ConfigureAwait(false);
                }
                catch (RequestFailedException ex) when (ex.Status == 409)
                {
                    // Already recorded: a retry, nothing to do.
                }

                return true;
            },
            cancellationToken);
    }

    public Task<IssuedQuestion?> GetIssuedAsync(LearnerKey learner, string promptId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(promptId);
        return storage.RunAsync(
            async ct =>
            {
                var response = await storage.LearnerData
                    .GetEntityIfExistsAsync<TableEntity>(TableKeys.LearnerPartition(learner), TableKeys.Issued(promptId), cancellationToken: ct)
                    .ConfigureAwait(false);
                if (!response.HasValue)
                {
                    return null;
                }

                return ReadIssued(response.Value!);
            },
            cancellationToken);
    }

    public Task<AppendResult> AppendAsync(AnswerRecord answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var partition = TableKeys.LearnerPartition(answer.Learner);
        var row = TableKeys.Answer(answer.PromptId);
        var entity = AnswerEntity(answer);
        return storage.RunAsync(
            async ct =>
            {
                try
                {
                    await storage.LearnerData.AddEntityAsync(entity, ct).ConfigureAwait(false);
                    return new AppendResult(answer, Added: true);
                }
                catch (RequestFailedException ex) when (ex.Status == 409)
                {
                    // A redelivery: answers are never changed or deleted, so the stored one wins.
                    var stored = await storage.LearnerData.GetEntityAsync<TableEntity>(partition, row, cancellationToken: ct).ConfigureAwait(false);
                    return new AppendResult(ReadAnswer(stored.Value), Added: false);
                }
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<AnswerRecord>> ListAnswersAsync(LearnerKey learner, CancellationToken cancellationToken) =>
        storage.RunAsync<IReadOnlyList<AnswerRecord>>(
            async ct =>
            {
                var answers = new List<AnswerRecord>();
                await foreach (var entity in QueryKind(storage.LearnerData, learner, TableKeys.AnswerPrefix, ct).ConfigureAwait(false))
                {
                    answers.Add(ReadAnswer(entity));
                }

                return answers
                    .OrderBy(a => a.AnsweredAt.UtcTicks)
                    .ThenBy(a => a.PromptId, StringComparer.Ordinal)
                    .ToList();
            },
            cancellationToken);

    // A partition holds one learner's rows; Table storage has no grouping, so both read the log.
    public async Task<IReadOnlyList<AnsweredQuestion>> ListAnsweredQuestionsAsync(
        LearnerKey learner, DateTimeOffset windowStart, DateTimeOffset windowEnd, CancellationToken cancellationToken) =>
        AnsweredQuestion.Summarize(await ListAnswersAsync(learner, cancellationToken).ConfigureAwait(false), windowStart, windowEnd);

    public async Task<IReadOnlyList<TimeSpan>> ListResponseTimesBeforeAsync(
        LearnerKey learner, DateTimeOffset before, string exceptPromptId, int latest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exceptPromptId);
        ArgumentOutOfRangeException.ThrowIfLessThan(latest, 1);
        return AnsweredQuestion.ResponseTimesBefore(await ListAnswersAsync(learner, cancellationToken).ConfigureAwait(false), before, exceptPromptId, latest);
    }

    /// <summary>All rows of one kind ("answer|", "review|", ...) in a learner's partition; the SDK follows continuation tokens.</summary>
    internal static AsyncPageable<TableEntity> QueryKind(TableClient table, LearnerKey learner, string kindPrefix, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {TableKeys.LearnerPartition(learner)} and RowKey ge {kindPrefix} and RowKey lt {TableKeys.PrefixEnd(kindPrefix)}");
        return table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken);
    }

    internal static AnswerRecord ReadAnswer(TableEntity entity) => new(
        new LearnerKey(Required(entity, "TenantId"), Required(entity, "LearnerId")),
        Required(entity, "PromptId"),
        Required(entity, "QuestionId"),
        entity.GetInt32("QuestionVersion") ?? throw Missing(entity, "QuestionVersion"),
        Required(entity, "OptionId"),
        entity.GetBoolean("Correct") ?? throw Missing(entity, "Correct"),
        (Confidence)(entity.GetInt32("Confidence") ?? throw Missing(entity, "Confidence")),
        StoredTime.Parse(Required(entity, "IssuedAt")),
        StoredTime.Parse(Required(entity, "AnsweredAt")));

    internal static TableEntity IssuedEntity(IssuedQuestion issued)
    {
        var entity = new TableEntity(TableKeys.LearnerPartition(issued.Learner), TableKeys.Issued(issued.PromptId))
        {
            ["TenantId"] = issued.Learner.TenantId,
            ["LearnerId"] = issued.Learner.LearnerId,
            ["PromptId"] = issued.PromptId,
            ["QuestionId"] = issued.QuestionId,
            ["QuestionVersion"] = issued.QuestionVersion,
            ["IssuedAt"] = StoredTime.Format(issued.IssuedAt),
            ["OnDemand"] = issued.OnDemand,
        };

        // Absent rather than null: rows written before these existed read the same way.
        if (issued.OptionOrder is { } order)
        {
            entity["OptionOrder"] = order.ToStored();
        }

        if (issued.RefresherId is { } refresher)
        {
            entity["RefresherId"] = refresher;
        }

        return entity;
    }

    internal static IssuedQuestion ReadIssued(TableEntity entity) => new(
        new LearnerKey(Required(entity, "TenantId"), Required(entity, "LearnerId")),
        Required(entity, "PromptId"),
        Required(entity, "QuestionId"),
        entity.GetInt32("QuestionVersion") ?? throw Missing(entity, "QuestionVersion"),
        StoredTime.Parse(Required(entity, "IssuedAt")),
        entity.GetBoolean("OnDemand") ?? throw Missing(entity, "OnDemand"))
    {
        OptionOrder = OptionOrder.FromStored(entity.GetString("OptionOrder")),
        RefresherId = entity.GetString("RefresherId"),
    };

    internal static TableEntity AnswerEntity(AnswerRecord answer) =>
        new TableEntity(TableKeys.LearnerPartition(answer.Learner), TableKeys.Answer(answer.PromptId))
        {
            ["TenantId"] = answer.Learner.TenantId,
            ["LearnerId"] = answer.Learner.LearnerId,
            ["PromptId"] = answer.PromptId,
            ["QuestionId"] = answer.QuestionId,
            ["QuestionVersion"] = answer.QuestionVersion,
            ["OptionId"] = answer.OptionId,
            ["Correct"] = answer.Correct,
            ["Confidence"] = (int)answer.Confidence,
            ["IssuedAt"] = StoredTime.Format(answer.IssuedAt),
            ["AnsweredAt"] = StoredTime.Format(answer.AnsweredAt),
        };
}
