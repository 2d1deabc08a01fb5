namespace Beacon.Training.Reporting;

/// <summary>
/// A tenant's own safeguarding route, set by a manager in chat: who the designated contact is, how
/// to reach them, the internal procedure, and whom Beacon messages with a handed-over concern. It
/// takes the place of the configured route for that tenant.
/// </summary>
public sealed record SafeguardingRoute
{
    public const int MaxNameLength = 100;
    public const int MaxHowToReachLength = 300;
    public const int MaxProcedureUrlLength = 500;
    public const int MaxRecipients = 10;

    public required string TenantId { get; init; }

    /// <summary>The designated contact or team, e.g. "Safeguarding team (Sam Patel)".</summary>
    public required string Name { get; init; }

    /// <summary>How to reach them, e.g. "safeguarding@example.org or extension 4410".</summary>
    public required string HowToReach { get; init; }

    /// <summary>The organisation's internal procedure (https only).</summary>
    public Uri? ProcedureUrl { get; init; }

    /// <summary>Who receives handed-over concerns in Teams; may be empty (then the card offers only the route).</summary>
    public IReadOnlyList<SafeguardingRecipient> Recipients { get; init; } = [];

    /// <summary>Region for the specialist line when Teams gives no country for a learner of this tenant.</summary>
    public string? DefaultRegion { get; init; }

    /// <summary>Entra object id of the manager who set it.</summary>
    public required string UpdatedBy { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}
