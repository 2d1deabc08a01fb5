namespace Beacon.Training.Campaigns;

/// <summary>A manager role granted in chat by an existing manager (configured managers need none).</summary>
public sealed record ManagerGrant(string TenantId, string LearnerId, string? DisplayName, string GrantedBy, DateTimeOffset GrantedAt);
