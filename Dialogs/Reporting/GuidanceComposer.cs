namespace Beacon.Dialogs.Reporting;

using Beacon.Cards.Views;
using Beacon.Training.Content;

/// <summary>
/// Builds reporting guidance from content and configuration only: no store call, so it works
/// while the store is down.
/// </summary>
public sealed class GuidanceComposer(ContentPack pack, ISafeguardingDirectory safeguarding)
{
    public GuidanceView Compose(string tenantId, string? country, string? regionOverride, string? track)
    {
        var contact = safeguarding.Find(tenantId);
        var region = regionOverride is not null && pack.FindRegion(regionOverride) is { } chosen
            ? chosen
            : pack.ResolveRegion(country, contact?.DefaultRegion);
        return new GuidanceView(
            region.Name,
            region.Emergency.Number,
            contact is null ? null : new OrganisationContactView(contact.Name, contact.HowToReach, contact.ProcedureUrl),
            region.Lines.Select(line => new GuidanceLineView(line.Name, line.Phone, line.Text, line.Web, line.Hours)).ToList(),
            SafetyAdvice.ToNote(track),
            SafetyAdvice.DoNot(),
            region.Notes);
    }
}
