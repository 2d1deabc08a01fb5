namespace Beacon.Cards.Views;

public sealed record GuidanceLineView(string Name, string? Phone, string? Text, Uri? Web, string? Hours);

public sealed record OrganisationContactView(string Name, string HowToReach, Uri? ProcedureUrl);

public sealed record RegionChoiceView(string Code, string Name);

/// <summary>Reporting guidance for one region. Emergency first, always.</summary>
public sealed record GuidanceView(
    string RegionName,
    string EmergencyNumber,
    OrganisationContactView? Organisation,
    IReadOnlyList<GuidanceLineView> Lines,
    IReadOnlyList<string> ToNote,
    IReadOnlyList<string> DoNot,
    string? RegionNotes)
{
    /// <summary>The region shown, selected in the region picker.</summary>
    public string? RegionCode { get; init; }

    /// <summary>Regions the learner can switch to; no picker when empty.</summary>
    public IReadOnlyList<RegionChoiceView> RegionChoices { get; init; } = [];

    /// <summary>True when the organisation has safeguarding contacts Beacon can message.</summary>
    public bool CanHandOff { get; init; }

    /// <summary>True when the user typed a bare "report", which may have meant their progress report.</summary>
    public bool OfferProgressReport { get; init; }
}
