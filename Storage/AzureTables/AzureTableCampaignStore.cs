namespace Beacon.Storage.AzureTables;

using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Beacon.Training.Campaigns;
using Beacon.Training.Ports;
using Beacon.Training.Schedules;

/// <summary>Campaigns in <c>{prefix}Campaigns</c> (see <see cref="AzureTableCampaignTable"/>), with ETag concurrency.</summary>
public sealed class AzureTableCampaignStore(AzureTableCampaignTable table) : ICampaignStore
{
    private const int TextChunk = 30_000;

    public Task<Campaign?> GetAsync(CampaignKey key, CancellationToken cancellationToken) =>
        table.RunAsync(
            async ct =>
            {
                var response = await table.Table
                    .GetEntityIfExistsAsync<TableEntity>(TableKeys.Tenant(key.TenantId), AzureTableCampaignTable.CampaignRow(key.CampaignId), cancellationToken: ct)
                    .ConfigureAwait(false);
                return response.HasValue ? Read(response.Value!) : null;
            },
            cancellationToken);

    public Task<Campaign> SaveAsync(Campaign campaign, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        if (campaign.ConcurrencyToken is { } token && !token.StartsWith("W/\"", StringComparison.Ordinal))
        {
            // Not an ETag this store gave out (Table Storage ETags are weak): the service would answer 400.
            throw new ConcurrencyConflictException($"The campaign {campaign.Key} changed since token {token} was read.");
        }

        var entity = Write(campaign);
        return table.RunAsync(
            async ct =>
            {
                try
                {
                    var response = campaign.ConcurrencyToken is null
                        ? await table.Table.AddEntityAsync(entity, ct).ConfigureAwait(false)
                        : await table.Table.UpdateEntityAsync(entity, new ETag(campaign.ConcurrencyToken), TableUpdateMode.Replace, ct).ConfigureAwait(false);
                    return campaign with { ConcurrencyToken = response.Headers.ETag?.ToString() };
                }
                catch (RequestFailedException ex) when (ex.Status is 409 or 412 or 404)
                {
                    throw new ConcurrencyConflictException($"The campaign {campaign.Key} changed or exists already.", ex);
                }
            },
            cancellationToken);
    }

    public async Task<IReadOnlyList<Campaign>> ListAsync(string tenantId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        var campaigns = new List<Campaign>();
        await foreach (var entity in QueryAsync(AzureTableCampaignTable.RangeFilter(AzureTableCampaignTable.CampaignPrefix, tenantId), cancellationToken).ConfigureAwait(false))
        {
            campaigns.Add(Read(entity));
        }

        return [.. campaigns.OrderByDescending(c => c.CreatedAt).ThenBy(c => c.Id, StringComparer.Ordinal)];
    }

    public async IAsyncEnumerable<Campaign> ListActiveAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = AzureTableCampaignTable.RangeFilter(AzureTableCampaignTable.CampaignPrefix, null) + " and " +
                     TableClient.CreateQueryFilter($"Status eq {(int)CampaignStatus.Active}");
        await foreach (var entity in QueryAsync(filter, cancellationToken).ConfigureAwait(false))
        {
            yield return Read(entity);
        }
    }

    private async IAsyncEnumerable<TableEntity> QueryAsync(string filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await table.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var entity in AzureTableStorage.QueryPagesAsync(table.Table, filter, table.Storage.ListPageSize, cancellationToken).ConfigureAwait(false))
        {
            yield return entity;
        }
    }

    internal static TableEntity Write(Campaign campaign)
    {
        var entity = new TableEntity(TableKeys.Tenant(campaign.TenantId), AzureTableCampaignTable.CampaignRow(campaign.Id))
        {
            ["TenantId"] = campaign.TenantId,
            ["CampaignId"] = campaign.Id,
            ["Name"] = campaign.Name,
            ["CreatedBy"] = campaign.CreatedBy,
            ["Status"] = (int)campaign.Status,
            ["AudienceKind"] = (int)campaign.Audience.Kind,
            ["Tracks"] = JsonSerializer.Serialize(campaign.Tracks),
            ["Topics"] = JsonSerializer.Serialize(campaign.Topics),
            ["StartDate"] = FormatDate(campaign.StartDate),
            ["EndDate"] = FormatDate(campaign.EndDate),
            ["Days"] = (int)campaign.Days,
            ["LocalTime"] = campaign.LocalTime.ToString("HH:mm", CultureInfo.InvariantCulture),
            ["QuestionsPerSession"] = campaign.QuestionsPerSession,
            ["PreAssessment"] = campaign.PreAssessment,
            ["PostAssessment"] = campaign.PostAssessment,
            ["Nudges"] = campaign.Nudges,
            ["CreatedAt"] = StoredTime.Format(campaign.CreatedAt),
            ["UpdatedAt"] = StoredTime.Format(campaign.UpdatedAt),
        };
        if (campaign.Audience.TeamId is { } teamId)
        {
            entity["TeamId"] = teamId;
        }

        if (campaign.Audience.TeamName is { } teamName)
        {
            entity["TeamName"] = teamName;
        }

        WriteChunked(entity, "Audience", JsonSerializer.Serialize(campaign.Audience.LearnerIds));
        if (StoredAnnouncement.Format(campaign.Announcement) is { } announcement)
        {
            WriteChunked(entity, "Announcement", announcement);
        }

        if (campaign.ReportGroup is { } group)
        {
            WriteChunked(entity, "ReportGroup", JsonSerializer.Serialize(group));
        }

        return entity;
    }

    internal static Campaign Read(TableEntity entity)
    {
        var audience = ReadChunked(entity, "Audience");
        return new Campaign
        {
            TenantId = AzureTableLearnerStore.Required(entity, "TenantId"),
            Id = AzureTableLearnerStore.Required(entity, "CampaignId"),
            Name = AzureTableLearnerStore.Required(entity, "Name"),
            CreatedBy = AzureTableLearnerStore.Required(entity, "CreatedBy"),
            Status = (CampaignStatus)(entity.GetInt32("Status") ?? 0),
            Audience = new CampaignAudience
            {
                Kind = (AudienceKind)(entity.GetInt32("AudienceKind") ?? 0),
                TeamId = entity.GetString("TeamId"),
                TeamName = entity.GetString("TeamName"),
                LearnerIds = StringList(audience),
            },
            Tracks = StringList(entity.GetString("Tracks")),
            Topics = StringList(entity.GetString("Topics")),
            StartDate = ParseDate(AzureTableLearnerStore.Required(entity, "StartDate")),
            EndDate = ParseDate(AzureTableLearnerStore.Required(entity, "EndDate")),
            Days = (Weekdays)(entity.GetInt32("Days") ?? 0),
            LocalTime = TimeOnly.ParseExact(AzureTableLearnerStore.Required(entity, "LocalTime"), "HH:mm", CultureInfo.InvariantCulture),
            QuestionsPerSession = entity.GetInt32("QuestionsPerSession") ?? Campaign.DefaultQuestionsPerSession,
            PreAssessment = entity.GetBoolean("PreAssessment") ?? true,
            PostAssessment = entity.GetBoolean("PostAssessment") ?? true,
            Nudges = entity.GetBoolean("Nudges") ?? true,
            CreatedAt = StoredTime.Parse(AzureTableLearnerStore.Required(entity, "CreatedAt")),
            UpdatedAt = StoredTime.Parse(AzureTableLearnerStore.Required(entity, "UpdatedAt")),
            ConcurrencyToken = entity.ETag.ToString(),
            Announcement = StoredAnnouncement.Parse(ReadChunked(entity, "Announcement")),
            ReportGroup = entity.ContainsKey("ReportGroupChunks") ? StringList(ReadChunked(entity, "ReportGroup")) : null,
        };
    }

    /// <summary>A string property can hold 32K characters: longer text goes into Name0, Name1, ... with NameChunks.</summary>
    private static void WriteChunked(TableEntity entity, string name, string text)
    {
        var chunks = 0;
        for (var i = 0; i < text.Length; i += TextChunk, chunks++)
        {
            entity[name + chunks.ToString(CultureInfo.InvariantCulture)] = text.Substring(i, Math.Min(TextChunk, text.Length - i));
        }

        entity[name + "Chunks"] = chunks;
    }

    private static string ReadChunked(TableEntity entity, string name) =>
        string.Concat(Enumerable.Range(0, entity.GetInt32(name + "Chunks") ?? 0).Select(i => entity.GetString(name + i.ToString(CultureInfo.InvariantCulture))));

    private static List<string> StringList(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<string>>(json) ?? [];

    private static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly ParseDate(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
