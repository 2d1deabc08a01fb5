namespace Beacon.Cards.Views;

public sealed record GuidanceLineView(string Name, string? Phone, string? Text, Uri? Web, string? Hours)
{
    /// <summary>True only where the content says the service is confidential.</summary>
    public bool Confidential { get; init; }
}

public sealed record OrganisationContactView(string Name, string HowToReach, Uri? ProcedureUrl);

public sealed record RegionChoiceView(string Code, string Name);

/// <summary>Who the guidance speaks to.</summary>
public enum GuidanceVoice
{
    /// <summary>Someone who may have noticed a concern about another person (the default).</summary>
    Observer,

    /// <summary>The person it is happening to, writing about themselves.</summary>
    Disclosure,
}

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

    /// <summary>True when nothing said where the person is and the region shown is the fallback.</summary>
    public bool RegionIsAssumed { get; init; }

    /// <summary>True when the organisation has safeguarding contacts Beacon can message.</summary>
    public bool CanHandOff { get; init; }

    /// <summary>True when the user typed a bare "report", which may have meant their progress report.</summary>
    public bool OfferProgressReport { get; init; }

    /// <summary>One short line that thanks the person for raising it; shown first, before the emergency line.</summary>
    public string? Acknowledgement { get; init; }

    public GuidanceVoice Voice { get; init; }

    /// <summary>For a disclosure: what the person may not know about their own situation.</summary>
    public IReadOnlyList<string> YourRights { get; init; } = [];
}
