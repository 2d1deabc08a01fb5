namespace Beacon.Dialogs.Intents;

/// <summary>Whether a learner writes numeric dates day first ("5/1" is 5 January) or month first ("5/1" is May 1).</summary>
public static class DateOrder
{
    /// <summary>Regions that write month/day: the United States and its territories, the Philippines.</summary>
    private static readonly HashSet<string> MonthFirstRegions = new(StringComparer.OrdinalIgnoreCase) { "US", "PR", "GU", "VI", "AS", "MP", "UM", "PH" };

    /// <summary>
    /// From the Teams locale ("en-GB" day first, "en-US" month first; English Canada month first),
    /// else the Teams country; month first when neither is known, as the recognisers read English.
    /// </summary>
    public static bool IsDayFirst(string? locale, string? country)
    {
        var parts = (locale ?? string.Empty).Split('-', '_');
        if (parts.Length >= 2 && parts[^1].Length == 2)
        {
            var region = parts[^1];
            var monthFirst = MonthFirstRegions.Contains(region)
                || (region.Equals("CA", StringComparison.OrdinalIgnoreCase) && parts[0].Equals("en", StringComparison.OrdinalIgnoreCase));
            return !monthFirst;
        }

        return !string.IsNullOrEmpty(country) && !MonthFirstRegions.Contains(country) && !country.Equals("CA", StringComparison.OrdinalIgnoreCase);
    }
}
