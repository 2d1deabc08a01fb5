namespace Beacon.Training.Content;

/// <summary>Where an item applies: a list of region codes from <c>reporting/regions.yaml</c>, or everywhere.</summary>
public static class Jurisdictions
{
    /// <summary>
    /// An item without a jurisdiction applies everywhere; one with a jurisdiction only in the
    /// regions it lists, and never when the learner's region is unknown.
    /// </summary>
    public static bool AppliesIn(IReadOnlyList<string> jurisdiction, string? regionCode)
    {
        ArgumentNullException.ThrowIfNull(jurisdiction);
        return jurisdiction.Count == 0
            || (regionCode is not null && jurisdiction.Contains(regionCode, StringComparer.OrdinalIgnoreCase));
    }
}
