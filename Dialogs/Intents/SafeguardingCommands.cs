namespace Beacon.Dialogs.Intents;

using System.Text.RegularExpressions;

/// <summary>
/// "set safeguarding contact" and close wordings: a manager's request to change the
/// organisation's safeguarding route. Matched on the whole message only, so no concern phrasing
/// is taken; from anyone else it is a question about the contact and gets the guidance.
/// </summary>
public static partial class SafeguardingCommands
{
    public static bool IsSetContact(string? text) => SetContact().IsMatch(string.Join(' ', TextNormalizer.Words(text)));

    [GeneratedRegex(
        @"^(?:(?:set|change|update|edit|setup)(?: up)?(?: (?:the|our|my))? safeguarding (?:contact|contacts|lead|route|details|settings)|safeguarding (?:settings|setup|set up))$",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: 1000)]
    private static partial Regex SetContact();
}
