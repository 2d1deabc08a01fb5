namespace Beacon.Storage.AzureTables;

using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Beacon.Training.Answers;
using Beacon.Training.Campaigns;
using Beacon.Training.Learners;
using Beacon.Training.Ports;
using Beacon.Training.Reporting;
using Beacon.Training.Reviews;
using Beacon.Training.Schedules;

/// <summary>
/// Export and import of the whole Azure Table store for <c>storage copy</c>. Export scans the
/// tables page by page (the service returns rows in PartitionKey, RowKey order, so one learner's
/// rows arrive together). Import writes with the live stores' keys and UpsertReplace, so running
/// it twice leaves the same entities (with new ETags, the concurrency tokens); the rows of one
/// partition go in entity-group transactions of at most <see cref="MaxTransactionActions"/>
/// actions, so a learner's records (or delivery claims) land together.
/// </summary>
public sealed class AzureTableStoreTransfer : IStoreExport, IStoreImport, IDisposable
{
    /// <summary>The service's limit on actions in one entity-group transaction.</summary>
    public const int MaxTransactionActions = 100;

    private readonly AzureTableStorage storage;
    private readonly AzureTableLearnerStore learners;
    private readonly AzureTableHandoffLog handoffs;
    private readonly AzureTableDeliveryTable delivery;
    private readonly AzureTableCampaignTable campaigns;
    private readonly AzureTableSafeguardingRouteStore routes;

    public AzureTableStoreTransfer(AzureTableStorage storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        this.storage = storage;
        learners = new AzureTableLearnerStore(storage);
        handoffs = new AzureTableHandoffLog(storage);
        delivery = new AzureTableDeliveryTable(storage);
        campaigns = new AzureTableCampaignTable(storage);
        routes = new AzureTableSafeguardingRouteStore(campaigns);
    }

    public void Dispose()
    {
        delivery.Dispose();
        campaigns.Dispose();
    }

    public async IAsyncEnumerable<Learner> ExportLearnersAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var entity in ScanAsync(storage.Learners, cancellationToken).ConfigureAwait(false))
        {
            if (!AzureTableLearnerStore.IsWelcomeMarker(entity))
            {
                yield return AzureTableLearnerStore.Read(entity);
            }
        }
    }

    public async IAsyncEnumerable<LearnerRecords> ExportRecordsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? partition = null;
        LearnerKey? learner = null;
        var issued = new List<IssuedQuestion>();
        var answers = new List<AnswerRecord>();
        var reviews = new List<ReviewState>();
        await foreach (var entity in ScanAsync(storage.LearnerData, cancellationToken).ConfigureAwait(false))
        {
            if (partition is not null && !string.Equals(partition, entity.PartitionKey, StringComparison.Ordinal))
            {
                yield return Records(learner!.Value, issued, answers, reviews);
                issued = [];
                answers = [];
                reviews = [];
            }

            partition = entity.PartitionKey;
            learner = new LearnerKey(
                AzureTableLearnerStore.Required(entity, "TenantId"),
                AzureTableLearnerStore.Required(entity, "LearnerId"));
            if (entity.RowKey.StartsWith(TableKeys.IssuedPrefix, StringComparison.Ordinal))
            {
                issued.Add(AzureTableAnswerStore.ReadIssued(entity));
            }
            else if (entity.RowKey.StartsWith(TableKeys.AnswerPrefix, StringComparison.Ordinal))
            {
                answers.Add(AzureTableAnswerStore.ReadAnswer(entity));
            }
            else if (entity.RowKey.StartsWith(TableKeys.ReviewPrefix, StringComparison.Ordinal))
            {
                reviews.Add(AzureTableReviewStore.Read(entity));
            }
        }

        if (partition is not null)
        {
            yield return Records(learner!.Value, issued, answers, reviews);
        }
    }

    public async IAsyncEnumerable<HandoffRecord> ExportHandoffsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var entity in ScanAsync(storage.Handoffs, cancellationToken).ConfigureAwait(false))
        {
            yield return new HandoffRecord(
                AzureTableLearnerStore.Required(entity, "TenantId"),
                AzureTableLearnerStore.Required(entity, "HandoffId"),
                AzureTableLearnerStore.Required(entity, "FromUserId"),
                StoredTime.Parse(AzureTableLearnerStore.Required(entity, "At")),
                AzureTableLearnerStore.Required(entity, "ToUserIds").Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
    }

    public async IAsyncEnumerable<PersonalSchedule> ExportSchedulesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {AzureTableDeliveryTable.SchedulePartition}");
        await foreach (var entity in ScanAsync(delivery, filter, cancellationToken).ConfigureAwait(false))
        {
            yield return AzureTableScheduleStore.Read(entity);
        }
    }

    public async IAsyncEnumerable<Campaign> ExportCampaignsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = AzureTableCampaignTable.RangeFilter(AzureTableCampaignTable.CampaignPrefix, null);
        await foreach (var entity in ScanAsync(campaigns, filter, cancellationToken).ConfigureAwait(false))
        {
            yield return AzureTableCampaignStore.Read(entity);
        }
    }

    public async IAsyncEnumerable<ManagerGrant> ExportManagerGrantsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = AzureTableCampaignTable.RangeFilter(AzureTableCampaignTable.GrantPrefix, null);
        await foreach (var entity in ScanAsync(campaigns, filter, cancellationToken).ConfigureAwait(false))
        {
            yield return AzureTableManagerGrantStore.Read(entity);
        }
    }

    public async IAsyncEnumerable<SafeguardingRoute> ExportSafeguardingRoutesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var route in await routes.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return route;
        }
    }

    public async IAsyncEnumerable<LearnerDeliveryClaims> ExportDeliveryClaimsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Claim rows of every learner partition (session, reminder, announcement): everything but the schedules.
        var filter = TableClient.CreateQueryFilter($"PartitionKey ne {AzureTableDeliveryTable.SchedulePartition}");
        string? partition = null;
        var claims = new List<DeliveryClaim>();
        await foreach (var entity in ScanAsync(delivery, filter, cancellationToken).ConfigureAwait(false))
        {
            var kind = entity.RowKey.StartsWith(AzureTableDeliveryTable.NudgePrefix, StringComparison.Ordinal) ? ClaimKind.Nudge
                : entity.RowKey.StartsWith(AzureTableDeliveryTable.ClaimPrefix, StringComparison.Ordinal) ? ClaimKind.Session
                : entity.RowKey.StartsWith(AzureTableDeliveryTable.AnnouncementPrefix, StringComparison.Ordinal) ? ClaimKind.Announcement
                : (ClaimKind?)null;
            if (kind is null)
            {
                continue;
            }

            if (partition is not null && !string.Equals(partition, entity.PartitionKey, StringComparison.Ordinal))
            {
                yield return new LearnerDeliveryClaims(claims[0].Learner, claims);
                claims = [];
            }

            partition = entity.PartitionKey;
            claims.Add(AzureTableDeliveryClaimStore.Read(entity) with { Kind = kind.Value });
        }

        if (claims.Count > 0)
        {
            yield return new LearnerDeliveryClaims(claims[0].Learner, claims);
        }
    }

    public Task ImportScheduleAsync(PersonalSchedule schedule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var entity = AzureTableScheduleStore.Write(schedule);
        return delivery.RunAsync(ct => delivery.Table.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct), cancellationToken);
    }

    public Task ImportCampaignAsync(Campaign campaign, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var entity = AzureTableCampaignStore.Write(campaign);
        return campaigns.RunAsync(ct => campaigns.Table.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct), cancellationToken);
    }

    public Task ImportManagerGrantAsync(ManagerGrant grant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grant);
        var entity = AzureTableManagerGrantStore.Write(grant);
        return campaigns.RunAsync(ct => campaigns.Table.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct), cancellationToken);
    }

    public Task ImportSafeguardingRouteAsync(SafeguardingRoute route, CancellationToken cancellationToken) =>
        routes.SaveAsync(route, cancellationToken); // one row per tenant, replaced

    public async Task ImportDeliveryClaimsAsync(LearnerDeliveryClaims claims, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claims);
        if (claims.Claims.FirstOrDefault(c => c.Learner != claims.Learner) is { } stray)
        {
            throw new ArgumentException($"A claim of {stray.Learner} is among the claims of {claims.Learner}.", nameof(claims));
        }

        foreach (var chunk in claims.Claims.Select(AzureTableDeliveryClaimStore.Write).Chunk(MaxTransactionActions))
        {
            var actions = chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)).ToList();
            await delivery.RunAsync(ct => delivery.Table.SubmitTransactionAsync(actions, ct), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The live RecordAsync: same deterministic key (time + id), add-if-absent.</summary>
    public Task ImportHandoffAsync(HandoffRecord record, CancellationToken cancellationToken) =>
        handoffs.RecordAsync(record, cancellationToken);

    /// <summary>
    /// With a welcome: profile and welcome marker replaced together in one transaction (same
    /// tenant partition). Without: the live upsert, which keeps a welcome the target already has.
    /// </summary>
    public Task ImportLearnerAsync(Learner learner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        if (learner.WelcomedAt is not { } welcomed)
        {
            return learners.UpsertAsync(learner, cancellationToken);
        }

        TableTransactionAction[] actions =
        [
            new(TableTransactionActionType.UpsertReplace, AzureTableLearnerStore.Write(learner)),
            new(TableTransactionActionType.UpsertReplace, AzureTableLearnerStore.WelcomeMarker(learner.Key, welcomed)),
        ];
        return storage.RunAsync(ct => storage.Learners.SubmitTransactionAsync(actions, ct), cancellationToken);
    }

    public async Task ImportRecordsAsync(LearnerRecords records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        var entities = records.Issued.Select(AzureTableAnswerStore.IssuedEntity)
            .Concat(records.Answers.Select(AzureTableAnswerStore.AnswerEntity))
            .Concat(records.Reviews.Select(AzureTableReviewStore.ReviewEntity))
            .ToList();
        var partition = TableKeys.LearnerPartition(records.Learner);
        if (entities.FirstOrDefault(e => !string.Equals(e.PartitionKey, partition, StringComparison.Ordinal)) is { } stray)
        {
            throw new ArgumentException($"Row {stray.RowKey} belongs to another learner than {records.Learner}.", nameof(records));
        }

        foreach (var chunk in entities.Chunk(MaxTransactionActions))
        {
            var actions = chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)).ToList();
            await storage.RunAsync(ct => storage.LearnerData.SubmitTransactionAsync(actions, ct), cancellationToken).ConfigureAwait(false);
        }
    }

    private static LearnerRecords Records(LearnerKey learner, List<IssuedQuestion> issued, List<AnswerRecord> answers, List<ReviewState> reviews) =>
        new(
            learner,
            issued,
            answers.OrderBy(a => a.AnsweredAt.UtcTicks).ThenBy(a => a.PromptId, StringComparer.Ordinal).ToList(),
            reviews);

    /// <summary>The entities of one of the stores' own tables that match the filter, paged like <see cref="ScanAsync(TableClient, CancellationToken)"/>.</summary>
    private async IAsyncEnumerable<TableEntity> ScanAsync(AzureTableOwnTable table, string filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await table.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var entity in AzureTableStorage.QueryPagesAsync(table.Table, filter, storage.ListPageSize, cancellationToken).ConfigureAwait(false))
        {
            yield return entity;
        }
    }

    /// <summary>Every entity of a table, one request per page, fetched when the caller has used up the previous page.</summary>
    private async IAsyncEnumerable<TableEntity> ScanAsync(TableClient table, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var entity in AzureTableStorage.QueryPagesAsync(table, null, storage.ListPageSize, cancellationToken).ConfigureAwait(false))
        {
            yield return entity;
        }
    }
}
