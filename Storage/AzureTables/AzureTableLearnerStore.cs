namespace Beacon.Storage.AzureTables;

using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Beacon.Training.Learners;
using Beacon.Training.Ports;

/// <summary>Learner profiles in <c>{prefix}Learners</c>: PartitionKey = tenant, RowKey = learner (see <see cref="TableKeys"/>).</summary>
public sealed class AzureTableLearnerStore : ILearnerStore
{
    private const string WelcomeMarkerSuffix = "|welcomed";

    private readonly AzureTableStorage storage;

    public AzureTableLearnerStore(AzureTableStorage storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        this.storage = storage;
    }

    public Task<Learner?> GetAsync(LearnerKey key, CancellationToken cancellationToken) =>
        storage.RunAsync(
            async ct =>
            {
                var response = await storage.Learners
                    .GetEntityIfExistsAsync<TableEntity>(TableKeys.Tenant(key.TenantId), TableKeys.LearnerRow(key), cancellationToken: ct)
                    .ConfigureAwait(false);
                return response.HasValue ? Read(response.Value!) : null;
            },
            cancellationToken);

    public Task UpsertAsync(Learner learner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        if (learner.WelcomedAt is not null)
        {
            // Replace (not merge): properties that became null disappear. Last writer wins.
            var entity = Write(learner);
            return storage.RunAsync(ct => storage.Learners.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct), cancellationToken);
        }

        return storage.RunAsync(ct => ReplaceKeepingWelcomeAsync(learner, ct), cancellationToken);
    }

    /// <summary>A welcome, once recorded, is never cleared by a profile written without it (ETag-guarded).</summary>
    private async Task<Response> ReplaceKeepingWelcomeAsync(Learner learner, CancellationToken cancellationToken)
    {
        while (true)
        {
            var current = await storage.Learners
                .GetEntityIfExistsAsync<TableEntity>(TableKeys.Tenant(learner.Key.TenantId), TableKeys.LearnerRow(learner.Key), cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            try
            {
                if (!current.HasValue)
                {
                    return await storage.Learners.AddEntityAsync(Write(learner), cancellationToken).ConfigureAwait(false);
                }

                var welcomed = StoredTime.ParseNullable(current.Value!.GetString("WelcomedAt"));
                return await storage.Learners
                    .UpdateEntityAsync(Write(learner with { WelcomedAt = welcomed }), current.Value.ETag, TableUpdateMode.Replace, cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another writer got in between: read again.
            }
        }
    }

    /// <summary>
    /// The welcome marker is its own entity (RowKey <c>learner|welcomed</c>), added only if absent,
    /// so the first caller wins even when a profile upsert that read an older profile replaces
    /// <c>WelcomedAt</c> at the same time. Marker and profile share the tenant partition, so both
    /// are written in one entity-group transaction: they never disagree, even after a crash.
    /// </summary>
    public Task<bool> TryMarkWelcomedAsync(LearnerKey key, DateTimeOffset at, CancellationToken cancellationToken) =>
        storage.RunAsync(
            async ct =>
            {
                var current = await storage.Learners
                    .GetEntityIfExistsAsync<TableEntity>(TableKeys.Tenant(key.TenantId), TableKeys.LearnerRow(key), cancellationToken: ct)
                    .ConfigureAwait(false);
                if (current.HasValue && current.Value!.GetString("WelcomedAt") is not null)
                {
                    return false;
                }

                var marker = WelcomeMarker(key, at);
                if (current.HasValue)
                {
                    var profile = new TableEntity(marker.PartitionKey, TableKeys.LearnerRow(key)) { ["WelcomedAt"] = marker["WelcomedAt"] };
                    try
                    {
                        await storage.Learners.SubmitTransactionAsync(
                            [
                                new TableTransactionAction(TableTransactionActionType.Add, marker),
                                new TableTransactionAction(TableTransactionActionType.UpdateMerge, profile, ETag.All),
                            ],
                            ct).ConfigureAwait(false);
                        return true;
                    }
                    catch (TableTransactionFailedException ex) when (ex.Status == 409 && ex.FailedTransactionActionIndex is null or 0)
                    {
                        return false;
                    }
                    catch (TableTransactionFailedException ex) when (ex.Status == 404 && ex.FailedTransactionActionIndex == 1)
                    {
                        // The profile was deleted in between: the marker alone records the welcome.
                    }
                }

                try
                {
                    await storage.Learners.AddEntityAsync(marker, ct).ConfigureAwait(false);
                    return true;
                }
                catch (RequestFailedException ex) when (ex.Status == 409)
                {
                    return false;
                }
            },
            cancellationToken);

    internal static TableEntity WelcomeMarker(LearnerKey key, DateTimeOffset at) =>
        new(TableKeys.Tenant(key.TenantId), TableKeys.LearnerRow(key) + WelcomeMarkerSuffix)
        {
            ["WelcomedAt"] = StoredTime.Format(at),
        };

    internal static bool IsWelcomeMarker(TableEntity entity) =>
        entity.RowKey.EndsWith(WelcomeMarkerSuffix, StringComparison.Ordinal);

    public async IAsyncEnumerable<Learner> ListActiveAsync(string tenantId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Tenant(tenantId)} and Active eq {true}");
        await foreach (var entity in AzureTableStorage.QueryPagesAsync(storage.Learners, filter, storage.ListPageSize, cancellationToken).ConfigureAwait(false))
        {
            yield return Read(entity);
        }
    }

    internal static TableEntity Write(Learner learner)
    {
        var entity = new TableEntity(TableKeys.Tenant(learner.Key.TenantId), TableKeys.LearnerRow(learner.Key))
        {
            ["TenantId"] = learner.Key.TenantId,
            ["LearnerId"] = learner.Key.LearnerId,
            ["CreatedAt"] = StoredTime.Format(learner.CreatedAt),
            ["Active"] = learner.Active,
        };
        SetIfNotNull(entity, "DisplayName", learner.DisplayName);
        if (learner.Address is { } address)
        {
            entity["AddressServiceUrl"] = address.ServiceUrl;
            entity["AddressChannelId"] = address.ChannelId;
            entity["AddressConversationId"] = address.ConversationId;
            entity["AddressBotId"] = address.BotId;
            entity["AddressUserId"] = address.UserId;
            SetIfNotNull(entity, "AddressTenantId", address.TenantId);
        }

        SetIfNotNull(entity, "Locale", learner.Locale);
        SetIfNotNull(entity, "TimeZone", learner.TimeZone);
        SetIfNotNull(entity, "Country", learner.Country);
        SetIfNotNull(entity, "Track", learner.Track);
        SetIfNotNull(entity, "ReportingRegion", learner.ReportingRegion);
        SetIfNotNull(entity, "WelcomedAt", StoredTime.Format(learner.WelcomedAt));
        return entity;
    }

    internal static Learner Read(TableEntity entity)
    {
        var serviceUrl = entity.GetString("AddressServiceUrl");
        return new Learner
        {
            Key = new LearnerKey(Required(entity, "TenantId"), Required(entity, "LearnerId")),
            DisplayName = entity.GetString("DisplayName"),
            Address = serviceUrl is null
                ? null
                : new ConversationAddress(
                    serviceUrl,
                    Required(entity, "AddressChannelId"),
                    Required(entity, "AddressConversationId"),
                    Required(entity, "AddressBotId"),
                    Required(entity, "AddressUserId"),
                    entity.GetString("AddressTenantId")),
            Locale = entity.GetString("Locale"),
            TimeZone = entity.GetString("TimeZone"),
            Country = entity.GetString("Country"),
            Track = entity.GetString("Track"),
            ReportingRegion = entity.GetString("ReportingRegion"),
            CreatedAt = StoredTime.Parse(Required(entity, "CreatedAt")),
            WelcomedAt = StoredTime.ParseNullable(entity.GetString("WelcomedAt")),
            Active = entity.GetBoolean("Active") ?? throw Missing(entity, "Active"),
        };
    }

    internal static void SetIfNotNull(TableEntity entity, string name, object? value)
    {
        if (value is not null)
        {
            entity[name] = value;
        }
    }

    internal static string Required(TableEntity entity, string name) =>
        entity.GetString(name) ?? throw Missing(entity, name);

    internal static InvalidDataException Missing(TableEntity entity, string name) =>
        new($"Entity {entity.PartitionKey}/{entity.RowKey} has no {name}.");
}
