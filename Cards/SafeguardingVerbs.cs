namespace Beacon.Cards;

/// <summary>The verbs and inputs of the managers' safeguarding-route form.</summary>
public static class SafeguardingVerbs
{
    public const string Open = "safeguarding.edit";
    public const string Save = "safeguarding.save";
    public const string AskRemove = "safeguarding.remove";
    public const string ConfirmRemove = "safeguarding.remove.confirm";
    public const string Cancel = "safeguarding.cancel";

    public const string NameInput = "safeguardingName";
    public const string ReachInput = "safeguardingReach";
    public const string ProcedureInput = "safeguardingProcedure";
    public const string PeopleInput = "safeguardingPeople";
    public const string RegionInput = "safeguardingRegion";

    public static bool Handles(string? verb) => verb is Open or Save or AskRemove or ConfirmRemove or Cancel;
}
