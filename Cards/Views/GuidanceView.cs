namespace Beacon.Cards.Views;

public sealed record GuidanceLineView(string Name, string? Phone, string? Text, Uri? Web, string? Hours);

public sealed record OrganisationContactView(string Name, string HowToReach, Uri? ProcedureUrl);

/// <summary>Reporting guidance for one region. Emergency first, always.</summary>
public sealed record GuidanceView(
    string RegionName,
    string EmergencyNumber,
    OrganisationContactView? Organisation,
    IReadOnlyList<GuidanceLineView> Lines,
    IReadOnlyList<string> ToNote,
    IReadOnlyList<string> DoNot,
    string? RegionNotes);
