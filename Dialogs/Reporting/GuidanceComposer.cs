namespace Beacon.Dialogs.Reporting;

using Beacon.Cards.Views;
using Beacon.Dialogs.Intents;
using Beacon.Training.Content;

/// <summary>
/// Builds reporting guidance from content and configuration only: no store call, so it works
/// while the store is down.
/// </summary>
public sealed class GuidanceComposer(ContentPack pack, ISafeguardingDirectory safeguarding)
{
    private readonly IReadOnlyList<RegionChoiceView> regionChoices =
        pack.Regions.Select(region => new RegionChoiceView(region.Code, region.Name)).ToList();

    private readonly HashSet<string> mappedCountries =
        pack.Regions.SelectMany(region => region.Countries).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Guidance for the region the user picked, else their Teams country, else the tenant's
    /// default region, else the international fallback (and then the card says so).
    /// </summary>
    public GuidanceView Compose(GuidanceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var contact = safeguarding.Find(request.TenantId);
        var (region, assumed) = Region(request, contact);
        var voice = request.Voice ?? (FirstPersonDisclosure.IsFirstPerson(request.Text) ? GuidanceVoice.Disclosure : GuidanceVoice.Observer);
        return new GuidanceView(
            region.Name,
            region.Emergency.Number,
            contact is null ? null : new OrganisationContactView(contact.Name, contact.HowToReach, contact.ProcedureUrl),
            region.Lines.Select(line => new GuidanceLineView(line.Name, line.Phone, line.Text, line.Web, line.Hours)
            {
                Confidential = SaysConfidential(line.Hours),
            }).ToList(),
            voice == GuidanceVoice.Disclosure ? [] : SafetyAdvice.ToNote(request.Track),
            voice == GuidanceVoice.Disclosure ? [] : SafetyAdvice.DoNot(),
            region.Notes)
        {
            RegionCode = region.Code,
            RegionChoices = regionChoices,
            RegionIsAssumed = assumed,
            CanHandOff = contact is { HandoffUserIds.Count: > 0 },
            OfferProgressReport = request.OfferProgressReport,
            Voice = voice,
            YourRights = voice == GuidanceVoice.Disclosure ? SafetyAdvice.YourRights() : [],
            Acknowledgement = voice == GuidanceVoice.Disclosure ? SafetyAdvice.ThanksForTelling
                : string.IsNullOrWhiteSpace(request.Text) || request.OfferProgressReport ? SafetyAdvice.ThanksForAsking
                : SafetyAdvice.ThanksForRaising,
        };
    }

    public SafeguardingContact? ContactFor(string tenantId) => safeguarding.Find(tenantId);

    /// <summary>The regions guidance knows, for pickers.</summary>
    public IReadOnlyList<RegionChoiceView> RegionChoices => regionChoices;

    public bool IsKnownRegion(string? code) => code is not null && pack.FindRegion(code) is not null;

    /// <summary>The content's own word decides; "not confidential" never counts.</summary>
    private static bool SaysConfidential(string? hours) =>
        hours is not null
        && hours.Contains("confidential", StringComparison.OrdinalIgnoreCase)
        && !hours.Contains("not confidential", StringComparison.OrdinalIgnoreCase);

    private (ReportingRegion Region, bool Assumed) Region(GuidanceRequest request, SafeguardingContact? contact)
    {
        if (request.RegionOverride is not null && pack.FindRegion(request.RegionOverride) is { } chosen)
        {
            return (chosen, false);
        }

        var known = (request.Country is not null && mappedCountries.Contains(request.Country))
            || (contact?.DefaultRegion is { } fallback && pack.FindRegion(fallback) is not null);
        return (pack.ResolveRegion(request.Country, contact?.DefaultRegion), !known);
    }
}

/// <summary>What decides the guidance: tenant, where the user is, what they picked, their role, their words.</summary>
public sealed record GuidanceRequest(string TenantId, string? Country, string? RegionOverride, string? Track)
{
    public bool OfferProgressReport { get; init; }

    /// <summary>What the person typed; none for a button. Decides the opening line and whether they write about themselves.</summary>
    public string? Text { get; init; }

    /// <summary>Set when the voice is already known (a region switch keeps the card's voice); otherwise read from <see cref="Text"/>.</summary>
    public GuidanceVoice? Voice { get; init; }
}
