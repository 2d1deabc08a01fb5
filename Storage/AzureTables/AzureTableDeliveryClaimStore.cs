namespace Beacon.Storage.AzureTables;

using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Beacon.Training.Learners;
using Beacon.Training.Ports;
using Beacon.Training.Schedules;

/// <summary>Session, reminder and announcement claims in <c>{prefix}Delivery</c> (see <see cref="AzureTableDeliveryTable"/>): AddEntity is the "add if absent"; 409 means taken.</summary>
public sealed class AzureTableDeliveryClaimStore(AzureTableDeliveryTable table) : IDeliveryClaimStore
{
    public Task<bool> TryClaimAsync(DeliveryClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return table.RunAsync(
            async ct =>
            {
                try
                {
                    await table.Table.AddEntityAsync(Write(claim), ct).ConfigureAwait(false);
                    return true;
                }
                catch (RequestFailedException ex) when (ex.Status == 409)
                {
                    return false;
                }
            },
            cancellationToken);
    }

    public Task<DeliveryClaim?> GetAsync(LearnerKey learner, DateOnly localDate, ClaimKind kind, CancellationToken cancellationToken) =>
        table.RunAsync(
            async ct =>
            {
                var response = await table.Table
                    .GetEntityIfExistsAsync<TableEntity>(TableKeys.LearnerPartition(learner), Row(kind, localDate), cancellationToken: ct)
                    .ConfigureAwait(false);
                return response.HasValue ? Read(response.Value!) with { Kind = kind } : null;
            },
            cancellationToken);

    public Task CompleteAsync(DeliveryClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return table.RunAsync(ct => table.Table.UpsertEntityAsync(Write(claim), TableUpdateMode.Replace, ct), cancellationToken);
    }

    private static string Row(ClaimKind kind, DateOnly date) =>
        (kind == ClaimKind.Nudge ? AzureTableDeliveryTable.NudgePrefix : AzureTableDeliveryTable.ClaimPrefix) + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An announcement is once per learner and campaign (its source), the other kinds once per learner and date.</summary>
    private static string Row(DeliveryClaim claim) => claim.Kind == ClaimKind.Announcement
        ? AzureTableDeliveryTable.AnnouncementPrefix + TableKeys.Escape(claim.Source)
        : Row(claim.Kind, claim.LocalDate);

    internal static TableEntity Write(DeliveryClaim claim)
    {
        var entity = new TableEntity(TableKeys.LearnerPartition(claim.Learner), Row(claim))
        {
            ["TenantId"] = claim.Learner.TenantId,
            ["LearnerId"] = claim.Learner.LearnerId,
            ["LocalDate"] = claim.LocalDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Owner"] = claim.Owner,
            ["Source"] = claim.Source,
            ["ClaimedAt"] = StoredTime.Format(claim.ClaimedAt),
            ["Status"] = (int)claim.Status,
            ["Attempts"] = claim.Attempts,
        };
        if (claim.CompletedAt is { } completed)
        {
            entity["CompletedAt"] = StoredTime.Format(completed);
        }

        if (claim.ActivityId is { } activityId)
        {
            entity["ActivityId"] = activityId;
        }

        return entity;
    }

    internal static DeliveryClaim Read(TableEntity entity) => new()
    {
        Learner = new LearnerKey(entity.GetString("TenantId"), entity.GetString("LearnerId")),
        LocalDate = DateOnly.ParseExact(entity.GetString("LocalDate"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
        Owner = entity.GetString("Owner"),
        Source = entity.GetString("Source"),
        ClaimedAt = StoredTime.Parse(entity.GetString("ClaimedAt")),
        Status = (DeliveryStatus)(entity.GetInt32("Status") ?? 0),
        CompletedAt = StoredTime.ParseNullable(entity.GetString("CompletedAt")),
        ActivityId = entity.GetString("ActivityId"),
        Attempts = entity.GetInt32("Attempts") ?? 0,
    };
}
