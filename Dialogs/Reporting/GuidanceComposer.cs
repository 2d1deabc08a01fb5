namespace Beacon.Dialogs.Reporting;

using Beacon.Cards.Views;
using Beacon.Training.Content;

/// <summary>
/// Builds reporting guidance from content and configuration only: no store call, so it works
/// while the store is down.
/// </summary>
public sealed class GuidanceComposer(ContentPack pack, ISafeguardingDirectory safeguarding)
{
    private readonly IReadOnlyList<RegionChoiceView> regionChoices =
        pack.Regions.Select(region => new RegionChoiceView(region.Code, region.Name)).ToList();

    /// <summary>
    /// Guidance for the region the user picked, else their Teams country, else the tenant's
    /// default region, else the international fallback.
    /// </summary>
    public GuidanceView Compose(GuidanceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var contact = safeguarding.Find(request.TenantId);
        var region = Region(request, contact);
        return new GuidanceView(
            region.Name,
            region.Emergency.Number,
            contact is null ? null : new OrganisationContactView(contact.Name, contact.HowToReach, contact.ProcedureUrl),
            region.Lines.Select(line => new GuidanceLineView(line.Name, line.Phone, line.Text, line.Web, line.Hours)).ToList(),
            SafetyAdvice.ToNote(request.Track),
            SafetyAdvice.DoNot(),
            region.Notes)
        {
            RegionCode = region.Code,
            RegionChoices = regionChoices,
            CanHandOff = contact is { HandoffUserIds.Count: > 0 },
            OfferProgressReport = request.OfferProgressReport,
        };
    }

    public SafeguardingContact? ContactFor(string tenantId) => safeguarding.Find(tenantId);

    /// <summary>The regions guidance knows, for pickers.</summary>
    public IReadOnlyList<RegionChoiceView> RegionChoices => regionChoices;

    public bool IsKnownRegion(string? code) => code is not null && pack.FindRegion(code) is not null;

    private ReportingRegion Region(GuidanceRequest request, SafeguardingContact? contact) =>
        request.RegionOverride is not null && pack.FindRegion(request.RegionOverride) is { } chosen
            ? chosen
            : pack.ResolveRegion(request.Country, contact?.DefaultRegion);
}

/// <summary>What decides the guidance: tenant, where the user is, what they picked, their role.</summary>
public sealed record GuidanceRequest(string TenantId, string? Country, string? RegionOverride, string? Track)
{
    public bool OfferProgressReport { get; init; }
}
