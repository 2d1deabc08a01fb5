namespace Beacon.Training.Ports;

using Beacon.Training.Campaigns;

/// <summary>Campaigns, per tenant. Delivery reads every active one; managers list their tenant's.</summary>
public interface ICampaignStore
{
    Task<Campaign?> GetAsync(CampaignKey key, CancellationToken cancellationToken);

    /// <summary>
    /// Saves if the stored campaign still carries <see cref="Campaign.ConcurrencyToken"/> (null = must not
    /// exist yet); throws <see cref="ConcurrencyConflictException"/> otherwise. Returns it with its new token.
    /// </summary>
    Task<Campaign> SaveAsync(Campaign campaign, CancellationToken cancellationToken);

    /// <summary>The tenant's campaigns, newest first.</summary>
    Task<IReadOnlyList<Campaign>> ListAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>Every campaign in <see cref="CampaignStatus.Active"/>, all tenants (delivery scans them each tick).</summary>
    IAsyncEnumerable<Campaign> ListActiveAsync(CancellationToken cancellationToken);
}
