namespace Beacon.Training.Ports;

using Beacon.Training.Campaigns;

/// <summary>Manager roles granted in chat. Granting twice keeps the first grant; revoking an absent grant is a no-op.</summary>
public interface IManagerGrantStore
{
    Task<bool> IsGrantedAsync(string tenantId, string learnerId, CancellationToken cancellationToken);

    Task GrantAsync(ManagerGrant grant, CancellationToken cancellationToken);

    /// <summary>True when a grant was removed.</summary>
    Task<bool> RevokeAsync(string tenantId, string learnerId, CancellationToken cancellationToken);

    Task<IReadOnlyList<ManagerGrant>> ListAsync(string tenantId, CancellationToken cancellationToken);
}
