namespace Beacon.Training.Reporting;

/// <summary>What makes a safeguarding route one people can act on. Messages are written for the manager.</summary>
public static class SafeguardingRouteRules
{
    /// <summary>Problems with the route; empty when it can be saved. <paramref name="isKnownRegion"/> checks a region code against the content pack.</summary>
    public static IReadOnlyList<string> Validate(SafeguardingRoute route, Func<string, bool> isKnownRegion)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(isKnownRegion);
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(route.Name))
        {
            problems.Add("Give the name of the safeguarding contact or team.");
        }
        else if (route.Name.Length > SafeguardingRoute.MaxNameLength)
        {
            problems.Add($"Keep the name to {SafeguardingRoute.MaxNameLength} characters.");
        }

        if (string.IsNullOrWhiteSpace(route.HowToReach))
        {
            problems.Add("Say how people reach them (an email address, a phone number or both).");
        }
        else if (route.HowToReach.Length > SafeguardingRoute.MaxHowToReachLength)
        {
            problems.Add($"Keep how to reach them to {SafeguardingRoute.MaxHowToReachLength} characters.");
        }

        if (route.ProcedureUrl is { } url
            && (!url.IsAbsoluteUri || url.Scheme != Uri.UriSchemeHttps || url.OriginalString.Length > SafeguardingRoute.MaxProcedureUrlLength))
        {
            problems.Add($"The procedure link must be an https:// address of up to {SafeguardingRoute.MaxProcedureUrlLength} characters.");
        }

        if (route.Recipients.Count > SafeguardingRoute.MaxRecipients)
        {
            problems.Add($"Pick up to {SafeguardingRoute.MaxRecipients} people to receive concerns in Teams.");
        }

        if (route.Recipients.Any(r => !Guid.TryParse(r.AadObjectId, out _)))
        {
            problems.Add("One of the people picked could not be recognised; pick them again.");
        }

        if (route.DefaultRegion is { } region && !isKnownRegion(region))
        {
            problems.Add("The default region is not one Beacon has guidance for.");
        }

        return problems;
    }
}
