namespace Beacon.Dialogs.Reporting;

/// <summary>A tenant's designated safeguarding route, from configuration.</summary>
public sealed record SafeguardingContact
{
    public required string Name { get; init; }

    /// <summary>How to reach them, e.g. "safeguarding@example.org or extension 4410".</summary>
    public required string HowToReach { get; init; }

    public Uri? ProcedureUrl { get; init; }

    /// <summary>Teams user ids (or Entra object ids) of the designated contacts Beacon can message.</summary>
    public IReadOnlyList<string> HandoffUserIds { get; init; } = [];

    /// <summary>Region to use when Teams gives no country for a learner of this tenant.</summary>
    public string? DefaultRegion { get; init; }
}
