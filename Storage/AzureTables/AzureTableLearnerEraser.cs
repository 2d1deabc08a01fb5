namespace Beacon.Storage.AzureTables;

using Azure;
using Azure.Data.Tables;
using Beacon.Training.Learners;
using Beacon.Training.Ports;

/// <summary>
/// "My data" and "forget me" on Azure Table Storage: the learner's whole partition of
/// <c>{prefix}LearnerData</c> (issued questions, answers, review states and any other kind of
/// row stored there), and in <c>{prefix}Learners</c> the profile row plus every row whose key
/// starts with the learner's row key and <c>|</c> (the welcome marker and any later marker).
/// Escaped learner ids never contain <c>|</c>, so that prefix belongs to this learner alone.
/// In <c>{prefix}Handoffs</c> (partitioned by tenant), the audit rows whose <c>FromUserId</c> is the learner.
/// In <c>{prefix}Delivery</c> (see <see cref="AzureTableDeliveryTable"/>), the learner's claim
/// partition (session and reminder claims) and their personal schedule row. In <c>{prefix}Campaigns</c>
/// (see <see cref="AzureTableCampaignTable"/>), their manager grant, and their id in the audience of
/// the tenant's campaigns (rewritten with the ETag read, so a concurrent edit is not lost). Records of
/// others that name the learner (a campaign they created, a role they granted, the safeguarding route they
/// saved or receive, another person's handoff they received) are anonymised (<see cref="ErasedPerson"/>).
/// A table not created yet holds nothing.
/// </summary>
public sealed class AzureTableLearnerEraser : ILearnerEraser
{
    private const int BatchSize = 100;
    private const int AudienceAttempts = 3;

    private readonly AzureTableStorage storage;

    public AzureTableLearnerEraser(AzureTableStorage storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        this.storage = storage;
    }

    public Task<LearnerFootprint> DescribeAsync(LearnerKey learner, CancellationToken cancellationToken) =>
        storage.RunAsync(
            async ct =>
            {
                var counts = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var entity in await ProfileRowsAsync(learner, ct).ConfigureAwait(false))
                {
                    var kind = entity.RowKey == TableKeys.LearnerRow(learner) ? LearnerFootprint.Profile : "profile markers";
                    counts[kind] = counts.GetValueOrDefault(kind) + 1;
                }

                foreach (var entity in await DataRowsAsync(learner, ct).ConfigureAwait(false))
                {
                    var kind = KindOf(entity.RowKey);
                    counts[kind] = counts.GetValueOrDefault(kind) + 1;
                }

                var handoffs = (await HandoffRowsAsync(learner, ct).ConfigureAwait(false)).Count;
                if (handoffs > 0)
                {
                    counts[LearnerFootprint.Handoffs] = handoffs;
                }

                foreach (var entity in await DeliveryRowsAsync(learner, ct).ConfigureAwait(false))
                {
                    var kind = entity.PartitionKey == AzureTableDeliveryTable.SchedulePartition ? "delivery schedule"
                        : entity.RowKey.StartsWith(AzureTableDeliveryTable.NudgePrefix, StringComparison.Ordinal) ? "reminders"
                        : entity.RowKey.StartsWith(AzureTableDeliveryTable.AnnouncementPrefix, StringComparison.Ordinal) ? "campaign announcements"
                        : "delivery claims";
                    counts[kind] = counts.GetValueOrDefault(kind) + 1;
                }

                var (grants, audiences, _) = await CampaignRowsAsync(learner, ct).ConfigureAwait(false);
                if (grants.Count > 0)
                {
                    counts[LearnerFootprint.ManagerRole] = grants.Count;
                }

                if (audiences.Count > 0)
                {
                    counts[LearnerFootprint.CampaignAudiences] = audiences.Count;
                }

                return new LearnerFootprint(counts);
            },
            cancellationToken);

    public Task<int> EraseAsync(LearnerKey learner, CancellationToken cancellationToken) =>
        storage.RunAsync(
            async ct =>
            {
                // Data first, profile last: an interrupted erase leaves the profile, so "forget me" can be asked again.
                var deleted = await DeleteAsync(storage.LearnerData, await DataRowsAsync(learner, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
                deleted += await DeleteAsync(storage.Handoffs, await HandoffRowsAsync(learner, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
                deleted += await AnonymiseHandoffRecipientsAsync(learner, ct).ConfigureAwait(false);
                deleted += await DeleteAsync(Delivery, await DeliveryRowsAsync(learner, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
                deleted += await EraseFromCampaignsAsync(learner, ct).ConfigureAwait(false);
                deleted += await DeleteAsync(storage.Learners, await ProfileRowsAsync(learner, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
                return deleted;
            },
            cancellationToken);

    private static string KindOf(string rowKey) =>
        rowKey.StartsWith(TableKeys.IssuedPrefix, StringComparison.Ordinal) ? LearnerFootprint.IssuedQuestions
        : rowKey.StartsWith(TableKeys.AnswerPrefix, StringComparison.Ordinal) ? LearnerFootprint.Answers
        : rowKey.StartsWith(TableKeys.ReviewPrefix, StringComparison.Ordinal) ? LearnerFootprint.ReviewStates
        : rowKey.Contains('|', StringComparison.Ordinal) ? rowKey[..rowKey.IndexOf('|', StringComparison.Ordinal)]
        : "other";

    private async Task<List<TableEntity>> DataRowsAsync(LearnerKey learner, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.LearnerPartition(learner)}");
        return await QueryKeysAsync(storage.LearnerData, filter, cancellationToken).ConfigureAwait(false);
    }

    private TableClient Delivery => storage.GetTable("Delivery");

    private async Task<List<TableEntity>> DeliveryRowsAsync(LearnerKey learner, CancellationToken cancellationToken)
    {
        var partition = TableKeys.LearnerPartition(learner);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {partition} or (PartitionKey eq {AzureTableDeliveryTable.SchedulePartition} and RowKey eq {partition})");
        try
        {
            return await QueryKeysAsync(Delivery, filter, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return [];
        }
    }

    private TableClient Campaigns => storage.GetTable("Campaigns");

    /// <summary>
    /// The learner's grant row, the tenant's campaign entities (whole) whose audience lists the learner, and
    /// the others (whole) that name them: created by them or counting them in reports.
    /// </summary>
    private async Task<(List<TableEntity> Grants, List<TableEntity> Audiences, List<TableEntity> Created)> CampaignRowsAsync(
        LearnerKey learner, CancellationToken cancellationToken)
    {
        var grantFilter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {TableKeys.Tenant(learner.TenantId)} and RowKey eq {AzureTableCampaignTable.GrantRow(learner.LearnerId)}");
        var campaignFilter = AzureTableCampaignTable.RangeFilter(AzureTableCampaignTable.CampaignPrefix, learner.TenantId);
        try
        {
            var grants = await QueryKeysAsync(Campaigns, grantFilter, cancellationToken).ConfigureAwait(false);
            var audiences = new List<TableEntity>();
            var created = new List<TableEntity>();
            await foreach (var entity in Campaigns.QueryAsync<TableEntity>(campaignFilter, storage.ListPageSize, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                var campaign = AzureTableCampaignStore.Read(entity);
                if (campaign.Audience.LearnerIds.Contains(learner.LearnerId, StringComparer.Ordinal)
                    || campaign.Announcement?.Pending.Any(p => p.LearnerId == learner.LearnerId) == true)
                {
                    audiences.Add(entity);
                }
                else if (campaign.CreatedBy == learner.LearnerId || campaign.ReportGroup?.Contains(learner.LearnerId, StringComparer.Ordinal) == true)
                {
                    created.Add(entity);
                }
            }

            return (grants, audiences, created);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return ([], [], []);
        }
    }

    /// <summary>
    /// Deletes the learner's grant, takes them out of every campaign audience and puts <see cref="ErasedPerson.Id"/>
    /// in place of their id as a campaign's creator. Returns the rows changed.
    /// </summary>
    private async Task<int> EraseFromCampaignsAsync(LearnerKey learner, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (grants, audiences, created) = await CampaignRowsAsync(learner, cancellationToken).ConfigureAwait(false);
            var changed = await DeleteAsync(Campaigns, grants, cancellationToken).ConfigureAwait(false);
            try
            {
                foreach (var entity in audiences.Concat(created))
                {
                    var campaign = AzureTableCampaignStore.Read(entity);
                    var remaining = campaign.Audience.LearnerIds.Where(id => !string.Equals(id, learner.LearnerId, StringComparison.Ordinal)).ToList();
                    var announcement = campaign.Announcement is { } a ? a with { Pending = [.. a.Pending.Where(p => p.LearnerId != learner.LearnerId)] } : null;
                    var rewritten = AzureTableCampaignStore.Write(campaign with
                    {
                        CreatedBy = campaign.CreatedBy == learner.LearnerId ? ErasedPerson.Id : campaign.CreatedBy,
                        ReportGroup = campaign.ReportGroup?.Where(id => !string.Equals(id, learner.LearnerId, StringComparison.Ordinal)).ToList(),
                        Audience = campaign.Audience with { LearnerIds = remaining },
                        Announcement = announcement,
                    });
                    await Campaigns.UpdateEntityAsync(rewritten, entity.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                    changed++;
                }

                return changed + await AnonymiseSettingsAsync(learner, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (ex.Status == 412 && attempt < AudienceAttempts)
            {
                // A manager saved the campaign in between: read it again.
            }
        }
    }

    /// <summary>
    /// In the tenant's grants and safeguarding route: <see cref="ErasedPerson.Id"/> in place of the learner as who
    /// granted a role or last saved the route, and their name dropped as a recipient. Returns the rows changed.
    /// </summary>
    private async Task<int> AnonymiseSettingsAsync(LearnerKey learner, CancellationToken cancellationToken)
    {
        var filter = AzureTableCampaignTable.RangeFilter(AzureTableCampaignTable.GrantPrefix, learner.TenantId)
            + " or " + TableClient.CreateQueryFilter(
                $"PartitionKey eq {TableKeys.Tenant(learner.TenantId)} and RowKey eq {AzureTableCampaignTable.SafeguardingRow}");
        var changes = new List<TableEntity>();
        try
        {
            await foreach (var entity in Campaigns.QueryAsync<TableEntity>(filter, storage.ListPageSize, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (SettingsChange(entity, learner.LearnerId) is { } change)
                {
                    changes.Add(change);
                }
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return 0;
        }

        foreach (var change in changes)
        {
            await Campaigns.UpdateEntityAsync(change, ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
        }

        return changes.Count;
    }

    /// <summary>The properties of a grant or route entity to merge so it no longer names the learner; null when it does not.</summary>
    private static TableEntity? SettingsChange(TableEntity entity, string learnerId)
    {
        var change = new TableEntity(entity.PartitionKey, entity.RowKey);
        foreach (var property in (string[])["GrantedBy", "UpdatedBy"])
        {
            if (entity.GetString(property) == learnerId)
            {
                change[property] = ErasedPerson.Id;
            }
        }

        if (ErasedReferences.WithoutName(StoredRecipients.Parse(entity.GetString("Recipients")), learnerId) is { } recipients)
        {
            change["Recipients"] = StoredRecipients.Format(recipients);
        }

        return change.Count > 2 ? change : null;
    }

    /// <summary>Puts <see cref="ErasedPerson.Id"/> in place of the learner among the recipients of other people's handoffs.</summary>
    private async Task<int> AnonymiseHandoffRecipientsAsync(LearnerKey learner, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Tenant(learner.TenantId)}");
        var changes = new List<TableEntity>();
        await foreach (var entity in storage.Handoffs.QueryAsync<TableEntity>(filter, storage.ListPageSize, ["PartitionKey", "RowKey", "ToUserIds"], cancellationToken).ConfigureAwait(false))
        {
            if (ErasedReferences.ReplaceInList(entity.GetString("ToUserIds") ?? string.Empty, '\n', learner.LearnerId) is { } replaced)
            {
                changes.Add(new TableEntity(entity.PartitionKey, entity.RowKey) { ["ToUserIds"] = replaced });
            }
        }

        foreach (var change in changes)
        {
            await storage.Handoffs.UpdateEntityAsync(change, ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
        }

        return changes.Count;
    }

    private async Task<List<TableEntity>> HandoffRowsAsync(LearnerKey learner, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Tenant(learner.TenantId)} and FromUserId eq {learner.LearnerId}");
        return await QueryKeysAsync(storage.Handoffs, filter, cancellationToken).ConfigureAwait(false);
    }

    private async Task<List<TableEntity>> ProfileRowsAsync(LearnerKey learner, CancellationToken cancellationToken)
    {
        var tenant = TableKeys.Tenant(learner.TenantId);
        var row = TableKeys.LearnerRow(learner);
        var markersFrom = row + "|";
        var markersTo = row + "}";
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {tenant} and (RowKey eq {row} or (RowKey ge {markersFrom} and RowKey lt {markersTo}))");
        return await QueryKeysAsync(storage.Learners, filter, cancellationToken).ConfigureAwait(false);
    }

    private async Task<List<TableEntity>> QueryKeysAsync(TableClient table, string filter, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, storage.ListPageSize, ["PartitionKey", "RowKey"], cancellationToken).ConfigureAwait(false))
        {
            rows.Add(entity);
        }

        return rows;
    }

    /// <summary>Deletes in transactions of up to 100 (rows of one partition); a row already gone is not an error.</summary>
    private static async Task<int> DeleteAsync(TableClient table, List<TableEntity> rows, CancellationToken cancellationToken)
    {
        var deleted = 0;
        foreach (var partition in rows.GroupBy(r => r.PartitionKey, StringComparer.Ordinal))
        {
            foreach (var chunk in partition.Chunk(BatchSize))
            {
                try
                {
                    var actions = chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, ETag.All)).ToList();
                    await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
                    deleted += chunk.Length;
                }
                catch (TableTransactionFailedException ex) when (ex.Status == 404)
                {
                    // Someone else deleted a row in between: delete one by one, ignoring those gone.
                    foreach (var row in chunk)
                    {
                        var response = await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken).ConfigureAwait(false);
                        deleted += response.Status == 404 ? 0 : 1;
                    }
                }
            }
        }

        return deleted;
    }
}
