namespace Beacon.Storage.AzureTables;

using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Beacon.Training.Learners;
using Beacon.Training.Ports;
using Beacon.Training.Schedules;

/// <summary>
/// Personal schedules (ETag concurrency) and campaign slots in <c>{prefix}Delivery</c> (see
/// <see cref="AzureTableDeliveryTable"/>). A campaign's audience is stored as JSON split over
/// properties of at most 30,000 characters (an entity holds at most 1 MB).
/// </summary>
public sealed class AzureTableScheduleStore(AzureTableDeliveryTable table) : IScheduleStore
{
    private const int AudienceChunk = 30_000;

    public Task<PersonalSchedule?> GetAsync(LearnerKey learner, CancellationToken cancellationToken) =>
        table.RunAsync(
            async ct =>
            {
                var response = await table.Table
                    .GetEntityIfExistsAsync<TableEntity>(AzureTableDeliveryTable.SchedulePartition, Row(learner), cancellationToken: ct)
                    .ConfigureAwait(false);
                return response.HasValue ? Read(response.Value!) : null;
            },
            cancellationToken);

    public Task<PersonalSchedule> SaveAsync(PersonalSchedule schedule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return table.RunAsync(
            async ct =>
            {
                var entity = Write(schedule);
                try
                {
                    var response = schedule.ConcurrencyToken is null
                        ? await table.Table.AddEntityAsync(entity, ct).ConfigureAwait(false)
                        : await table.Table.UpdateEntityAsync(entity, new ETag(schedule.ConcurrencyToken), TableUpdateMode.Replace, ct).ConfigureAwait(false);
                    return schedule with { ConcurrencyToken = response.Headers.ETag?.ToString() };
                }
                catch (RequestFailedException ex) when (ex.Status is 409 or 412 or 404)
                {
                    throw new ConcurrencyConflictException($"The schedule of {schedule.Learner} changed or exists already.", ex);
                }
            },
            cancellationToken);
    }

    public async IAsyncEnumerable<PersonalSchedule> ListAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var entity in QueryAsync(AzureTableDeliveryTable.SchedulePartition, cancellationToken).ConfigureAwait(false))
        {
            yield return Read(entity);
        }
    }

    public Task SaveCampaignAsync(CampaignSlot campaign, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var entity = new TableEntity(AzureTableDeliveryTable.CampaignPartition, AzureTableDeliveryTable.LearnerRow(campaign.TenantId, campaign.CampaignId))
        {
            ["TenantId"] = campaign.TenantId,
            ["CampaignId"] = campaign.CampaignId,
            ["Days"] = (int)campaign.Days,
            ["LocalTime"] = campaign.LocalTime.ToString("HH:mm", CultureInfo.InvariantCulture),
            ["StartDate"] = campaign.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        if (campaign.EndDate is { } end)
        {
            entity["EndDate"] = end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        var audience = JsonSerializer.Serialize(campaign.Audience);
        var chunks = 0;
        for (var i = 0; i < audience.Length; i += AudienceChunk, chunks++)
        {
            entity["Audience" + chunks.ToString(CultureInfo.InvariantCulture)] = audience.Substring(i, Math.Min(AudienceChunk, audience.Length - i));
        }

        entity["AudienceChunks"] = chunks;
        return table.RunAsync(ct => table.Table.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct), cancellationToken);
    }

    public async IAsyncEnumerable<CampaignSlot> ListCampaignsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var entity in QueryAsync(AzureTableDeliveryTable.CampaignPartition, cancellationToken).ConfigureAwait(false))
        {
            var chunks = entity.GetInt32("AudienceChunks") ?? 0;
            var json = string.Concat(Enumerable.Range(0, chunks).Select(i => entity.GetString("Audience" + i.ToString(CultureInfo.InvariantCulture))));
            yield return new CampaignSlot
            {
                TenantId = entity.GetString("TenantId"),
                CampaignId = entity.GetString("CampaignId"),
                Audience = json.Length == 0 ? [] : JsonSerializer.Deserialize<List<string>>(json) ?? [],
                Days = (Weekdays)(entity.GetInt32("Days") ?? 0),
                LocalTime = TimeOnly.ParseExact(entity.GetString("LocalTime"), "HH:mm", CultureInfo.InvariantCulture),
                StartDate = DateOnly.ParseExact(entity.GetString("StartDate"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                EndDate = entity.GetString("EndDate") is { } end ? DateOnly.ParseExact(end, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            };
        }
    }

    private async IAsyncEnumerable<TableEntity> QueryAsync(string partition, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await table.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        await foreach (var entity in AzureTableStorage.QueryPagesAsync(table.Table, filter, 1000, cancellationToken).ConfigureAwait(false))
        {
            yield return entity;
        }
    }

    private static string Row(LearnerKey learner) => AzureTableDeliveryTable.LearnerRow(learner.TenantId, learner.LearnerId);

    private static TableEntity Write(PersonalSchedule schedule)
    {
        var entity = new TableEntity(AzureTableDeliveryTable.SchedulePartition, Row(schedule.Learner))
        {
            ["TenantId"] = schedule.Learner.TenantId,
            ["LearnerId"] = schedule.Learner.LearnerId,
            ["Enabled"] = schedule.Enabled,
            ["Days"] = (int)schedule.Days,
            ["LocalTime"] = schedule.LocalTime.ToString("HH:mm", CultureInfo.InvariantCulture),
            ["UpdatedAt"] = StoredTime.Format(schedule.UpdatedAt),
        };
        if (schedule.TimeZone is { } zone)
        {
            entity["TimeZone"] = zone;
        }

        if (schedule.QuietHours is { } quiet)
        {
            entity["QuietStart"] = quiet.Start.ToString("HH:mm", CultureInfo.InvariantCulture);
            entity["QuietEnd"] = quiet.End.ToString("HH:mm", CultureInfo.InvariantCulture);
        }

        if (schedule.PausedAt is { } pausedAt)
        {
            entity["PausedAt"] = StoredTime.Format(pausedAt);
        }

        if (schedule.PausedUntil is { } pausedUntil)
        {
            entity["PausedUntil"] = StoredTime.Format(pausedUntil);
        }

        return entity;
    }

    private static PersonalSchedule Read(TableEntity entity)
    {
        var quietStart = entity.GetString("QuietStart");
        var quietEnd = entity.GetString("QuietEnd");
        return new PersonalSchedule
        {
            Learner = new LearnerKey(entity.GetString("TenantId"), entity.GetString("LearnerId")),
            Enabled = entity.GetBoolean("Enabled") ?? true,
            Days = (Weekdays)(entity.GetInt32("Days") ?? 0),
            LocalTime = TimeOnly.ParseExact(entity.GetString("LocalTime"), "HH:mm", CultureInfo.InvariantCulture),
            TimeZone = entity.GetString("TimeZone"),
            QuietHours = quietStart is not null && quietEnd is not null
                ? new QuietHours(TimeOnly.ParseExact(quietStart, "HH:mm", CultureInfo.InvariantCulture), TimeOnly.ParseExact(quietEnd, "HH:mm", CultureInfo.InvariantCulture))
                : null,
            PausedAt = StoredTime.ParseNullable(entity.GetString("PausedAt")),
            PausedUntil = StoredTime.ParseNullable(entity.GetString("PausedUntil")),
            UpdatedAt = StoredTime.Parse(entity.GetString("UpdatedAt")),
            ConcurrencyToken = entity.ETag.ToString(),
        };
    }
}
