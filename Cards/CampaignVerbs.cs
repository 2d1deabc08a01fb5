namespace Beacon.Cards;

/// <summary>The verbs and data fields of the managers' campaign cards (form, list, cancel confirmation).</summary>
public static class CampaignVerbs
{
    public const string New = "newCampaign";
    public const string Confirm = "campaign.confirm";
    public const string List = "campaigns";
    public const string Pause = "campaign.pause";
    public const string Resume = "campaign.resume";
    public const string Edit = "campaign.edit";
    public const string AskCancel = "campaign.cancel";
    public const string ConfirmCancel = "campaign.cancel.confirm";
    public const string Report = "campaignReport";

    /// <summary>Which campaign an action is about (in the action's data, never an input).</summary>
    public const string CampaignId = "campaignId";

    public const string NameInput = "campaignName";
    public const string AudienceInput = "campaignAudience";
    public const string PeopleInput = "campaignPeople";
    public const string TracksInput = "campaignTracks";
    public const string TopicsInput = "campaignTopics";
    public const string StartInput = "campaignStart";
    public const string WeeksInput = "campaignWeeks";
    public const string DaysInput = "campaignDays";
    public const string TimeInput = "campaignTime";
    public const string QuestionsInput = "campaignQuestions";
    public const string PreInput = "campaignPre";
    public const string PostInput = "campaignPost";
    public const string NudgesInput = "campaignNudges";

    /// <summary>Audience choices (values of <see cref="AudienceInput"/>).</summary>
    public const string AudienceTeam = "team";
    public const string AudienceTrack = "track";
    public const string AudiencePicked = "picked";

    public static bool Handles(string? verb) =>
        verb is New or Confirm or List or Pause or Resume or Edit or AskCancel or ConfirmCancel or Report;
}
