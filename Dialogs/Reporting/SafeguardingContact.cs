namespace Beacon.Dialogs.Reporting;

using Beacon.Training.Reporting;

/// <summary>A tenant's designated safeguarding route as guidance shows it: set in chat or from configuration.</summary>
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

    /// <summary>The route a manager set in chat, as guidance and handoffs use it.</summary>
    public static SafeguardingContact From(SafeguardingRoute route)
    {
        ArgumentNullException.ThrowIfNull(route);
        return new SafeguardingContact
        {
            Name = route.Name,
            HowToReach = route.HowToReach,
            ProcedureUrl = route.ProcedureUrl,
            HandoffUserIds = route.Recipients.Select(r => r.AadObjectId).ToList(),
            DefaultRegion = route.DefaultRegion,
        };
    }
}
