namespace Beacon.Dialogs.Intents;

using System.Text.RegularExpressions;
using Beacon.Cards;

public enum ManagerCommandKind
{
    /// <summary>"new campaign", optionally followed by a schedule sentence.</summary>
    NewCampaign,

    /// <summary>"campaigns": the list with its buttons.</summary>
    ListCampaigns,

    /// <summary>"campaign report", optionally followed by the campaign's name.</summary>
    CampaignReport,

    /// <summary>"grant manager @name".</summary>
    Grant,

    /// <summary>"revoke manager @name".</summary>
    Revoke,
}

/// <summary>A typed manager command; <see cref="Rest"/> is the original text after the command words (a schedule sentence, a name).</summary>
public sealed record ManagerCommand(ManagerCommandKind Kind, string Rest);

/// <summary>
/// Verbs and phrases that only managers may use. Recognised here so a non-manager gets a refusal
/// whatever the rest of the bot does with them.
/// </summary>
public static partial class ManagerCommands
{
    /// <summary>Card verbs reserved for managers (older names stay reserved).</summary>
    public static readonly IReadOnlySet<string> Verbs = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "newCampaign", "campaign", "campaigns", "campaignCreate", "campaignStart", "campaignStop", "campaignCancel",
        "campaignEdit", "campaignReport", "manage", "managerReport",
    };

    private static readonly Dictionary<string, ManagerCommandKind> Phrases = new(StringComparer.Ordinal)
    {
        ["campaign"] = ManagerCommandKind.ListCampaigns,
        ["campaigns"] = ManagerCommandKind.ListCampaigns,
        ["my campaigns"] = ManagerCommandKind.ListCampaigns,
        ["list campaigns"] = ManagerCommandKind.ListCampaigns,
        ["show campaigns"] = ManagerCommandKind.ListCampaigns,
        ["manage"] = ManagerCommandKind.ListCampaigns,
        ["manager"] = ManagerCommandKind.ListCampaigns,
        ["manage campaigns"] = ManagerCommandKind.ListCampaigns,
        ["start campaign"] = ManagerCommandKind.ListCampaigns,
        ["start a campaign"] = ManagerCommandKind.NewCampaign,
        ["stop campaign"] = ManagerCommandKind.ListCampaigns,
        ["cancel campaign"] = ManagerCommandKind.ListCampaigns,
        ["edit campaign"] = ManagerCommandKind.ListCampaigns,
        ["pause campaign"] = ManagerCommandKind.ListCampaigns,
        ["resume campaign"] = ManagerCommandKind.ListCampaigns,
        ["team report"] = ManagerCommandKind.CampaignReport,
        ["team progress"] = ManagerCommandKind.CampaignReport,
    };

    public static bool IsManagerVerb(string? verb) =>
        verb is not null && (Verbs.Contains(verb) || CampaignVerbs.Handles(verb) || SafeguardingVerbs.Handles(verb));

    public static bool IsManagerText(string? text) => Recognize(text) is not null;

    public static ManagerCommand? Recognize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var prefixed = Prefixed().Match(text);
        if (prefixed.Success)
        {
            var rest = prefixed.Groups["rest"].Value.Trim();
            var words = prefixed.Groups["command"].Value.ToLowerInvariant();
            ManagerCommandKind? kind = words switch
            {
                _ when words.StartsWith("grant", StringComparison.Ordinal) || words.StartsWith("make", StringComparison.Ordinal)
                    || words.StartsWith("add", StringComparison.Ordinal) => rest.Length > 0 ? ManagerCommandKind.Grant : null,
                _ when words.StartsWith("revoke", StringComparison.Ordinal) || words.StartsWith("remove", StringComparison.Ordinal)
                    => rest.Length > 0 ? ManagerCommandKind.Revoke : null,
                _ when words.EndsWith("report", StringComparison.Ordinal) || words.EndsWith("results", StringComparison.Ordinal)
                    => ManagerCommandKind.CampaignReport,
                _ => ManagerCommandKind.NewCampaign,
            };
            return kind is { } k ? new ManagerCommand(k, rest) : null;
        }

        var phrase = string.Join(' ', TextNormalizer.Words(text));
        return Phrases.TryGetValue(phrase, out var listed) ? new ManagerCommand(listed, string.Empty) : null;
    }

    /// <summary>Commands that take the rest of the text: the rest keeps its punctuation ("8:30", "9am").</summary>
    [GeneratedRegex(
        @"^\s*(?<command>(?:new|create(?:\s+a)?|plan(?:\s+a)?)\s+campaign|campaign\s+(?:report|results)|(?:grant|make|add)\s+(?:a\s+)?manager|(?:revoke|remove)\s+(?:a\s+)?manager)\b[\s,:;.-]*(?<rest>.*)$",
        RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: 1000)]
    private static partial Regex Prefixed();
}
