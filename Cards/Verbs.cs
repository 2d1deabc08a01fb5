namespace Beacon.Cards;

/// <summary>The verbs Beacon's card actions carry; Dialogs routes on them.</summary>
public static class Verbs
{
    public const string Answer = "answer";
    public const string Quiz = "quiz";
    public const string Report = "report";
    public const string Help = "help";
    public const string ChooseTrack = "track";
    public const string Refresher = "refresher";
    public const string ReportRegion = "reportRegion";
    public const string Handoff = "handoff";
    public const string Progress = "progress";
}
