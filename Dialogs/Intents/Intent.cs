namespace Beacon.Dialogs.Intents;

public enum Intent
{
    /// <summary>Anything Beacon does not understand: answered with help, never silence.</summary>
    Unknown,
    Report,
    Quiz,
    Help,
    Refresher,
    ChooseTrack,
    Greeting,
    Thanks,
    Progress,
    CampaignReport,
}
