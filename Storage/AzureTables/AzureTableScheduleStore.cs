namespace Beacon.Storage.AzureTables;

using System.Globalization;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Beacon.Training.Learners;
using Beacon.Training.Ports;
using Beacon.Training.Schedules;

/// <summary>Personal schedules (ETag concurrency) in <c>{prefix}Delivery</c> (see <see cref="AzureTableDeliveryTable"/>).</summary>
public sealed class AzureTableScheduleStore(AzureTableDeliveryTable table) : IScheduleStore
{
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

    internal static TableEntity Write(PersonalSchedule schedule)
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

    internal static PersonalSchedule Read(TableEntity entity)
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
