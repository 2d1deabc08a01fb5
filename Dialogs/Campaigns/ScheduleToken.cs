namespace Beacon.Dialogs.Campaigns;

using System.Text.RegularExpressions;

/// <summary>A word or separator of a schedule sentence: lower-case text, its position among the words and its place in the sentence.</summary>
internal sealed partial record ScheduleToken(string Word, int Index, int Start, int End)
{
    /// <summary>Commas, "and", "on" and the like: they join the parts of a sentence and mean nothing alone.</summary>
    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal) { ",", "&", ";", "and", "on", "then", "also" };

    public bool IsConnector => Connectors.Contains(Word);

    public static IReadOnlyList<ScheduleToken> Split(string sentence) =>
        WordPattern().Matches(sentence)
            .Select((m, i) => new ScheduleToken(m.Value.ToLowerInvariant(), i, m.Index, m.Index + m.Length))
            .ToList();

    // Words keep inner ':', '.', '/', '-' and apostrophes ("8:30", "9.30", "12/15", "mon-fri", "o'clock").
    [GeneratedRegex(@"[\p{L}\p{N}]+(?:[:.'’/\-][\p{L}\p{N}]+)*|[,&;–-]", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();
}
