namespace Beacon.Dialogs.Intents;

/// <summary>
/// Verbs and phrases that only managers may use (campaigns arrive with issue 8). Recognised here
/// so a non-manager gets a refusal whatever the rest of the bot does with them.
/// </summary>
public static class ManagerCommands
{
    /// <summary>Card verbs reserved for managers.</summary>
    public static readonly IReadOnlySet<string> Verbs = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "newCampaign", "campaign", "campaigns", "campaignCreate", "campaignStart", "campaignStop", "campaignCancel",
        "campaignEdit", "campaignReport", "manage", "managerReport",
    };

    private static readonly HashSet<string> Phrases = new(StringComparer.Ordinal)
    {
        "new campaign", "create campaign", "create a campaign", "start campaign", "start a campaign", "stop campaign",
        "cancel campaign", "edit campaign", "campaign", "campaigns", "my campaigns", "list campaigns", "campaign report",
        "campaign results", "manage", "manager", "manage campaigns", "team report", "team progress",
    };

    public static bool IsManagerVerb(string? verb) => verb is not null && Verbs.Contains(verb);

    public static bool IsManagerText(string? text)
    {
        var words = TextNormalizer.Words(text);
        return words.Count is > 0 and <= 6 && Phrases.Contains(string.Join(' ', words));
    }
}
