namespace Beacon.Dialogs.Campaigns;

/// <summary>
/// Cuts a schedule sentence into clauses at its keywords ("at", "starting", "from", "until", "to",
/// "for", "every"...) so each part is read on its own: read whole, Microsoft.Recognizers.Text
/// merges neighbours ("8:30 for six weeks from January 12" becomes one date and time).
/// </summary>
internal static class ScheduleClauses
{
    private static readonly HashSet<string> StartWords = new(StringComparer.Ordinal)
    {
        "starting", "start", "starts", "from", "beginning", "begin", "begins", "commencing", "between",
    };

    private static readonly HashSet<string> EndWords = new(StringComparer.Ordinal)
    {
        "until", "till", "til", "through", "thru", "to", "ending", "ends", "finishing", "finishes",
    };

    private static readonly HashSet<string> DurationWords = new(StringComparer.Ordinal) { "for", "lasting" };

    /// <summary>
    /// Words that take something away ("except Fridays", "but not in August"): what follows them could
    /// change any part of the schedule, so nothing after them is read.
    /// </summary>
    private static readonly HashSet<string> ExceptionWords = new(StringComparer.Ordinal)
    {
        "except", "excluding", "excepting", "but", "not", "without", "apart", "besides", "skipping", "skip", "unless", "other", "alternate",
    };

    private static readonly HashSet<string> EveryWords = new(StringComparer.Ordinal) { "every", "each" };

    /// <summary>Words before "to" in a time ("quarter to nine", "ten to 9").</summary>
    private static readonly HashSet<string> MinuteWords = new(StringComparer.Ordinal)
    {
        "quarter", "five", "ten", "twenty", "twenty-five", "minutes", "mins",
    };

    public static IReadOnlyList<ScheduleClause> Of(IReadOnlyList<ScheduleToken> tokens)
    {
        var clauses = new List<ScheduleClause>();
        ScheduleClause? current = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (ExceptionWords.Contains(token.Word))
            {
                var rest = new ScheduleClause(ClauseKind.Loose);
                rest.Body.AddRange(tokens.Skip(i));
                clauses.Add(rest);
                break;
            }

            if (KeywordKind(tokens, i, current) is { } kind)
            {
                if (current is not null && current.Kind == kind && current.Core.Count == 0 && current.Keywords.Count > 0)
                {
                    current.Keywords.Add(token);
                    continue;
                }

                current = new ScheduleClause(kind);
                current.Keywords.Add(token);
                clauses.Add(current);
                continue;
            }

            if (current?.Kind == ClauseKind.Days ? !ContinuesDays(tokens, i) : OpensDays(tokens, i, current))
            {
                current = new ScheduleClause(current?.Kind == ClauseKind.Days ? ClauseKind.Loose : ClauseKind.Days);
                clauses.Add(current);
            }
            else if (current is null)
            {
                current = new ScheduleClause(ClauseKind.Loose);
                clauses.Add(current);
            }

            current.Body.Add(token);
        }

        return clauses;
    }

    private static ClauseKind? KeywordKind(IReadOnlyList<ScheduleToken> tokens, int i, ScheduleClause? current)
    {
        var word = tokens[i].Word;
        var previous = i > 0 ? tokens[i - 1].Word : null;
        var next = i + 1 < tokens.Count ? tokens[i + 1].Word : null;
        if (previous is "the" or "a")
        {
            return null; // "the end of February", "the beginning of March"
        }

        if (word == "at")
        {
            // "starting at the beginning of March": "at" joins the open date keyword.
            return current is { Kind: ClauseKind.Start or ClauseKind.End } && current.Core.Count == 0 ? current.Kind : ClauseKind.Time;
        }

        if (word == "and" && current is { Kind: ClauseKind.Start } && current.Core.Count > 0 && current.Keywords.Exists(k => k.Word == "between"))
        {
            return ClauseKind.End; // "between December 5 and December 27"
        }

        if (word == "up" && next == "to")
        {
            return ClauseKind.End;
        }

        if (EndWords.Contains(word) || DayWords.RangeWords.Contains(word))
        {
            var dayRange = current?.Kind == ClauseKind.Days && DayWords.RangeWords.Contains(word)
                && previous is not null && DayWords.DayOf(previous) is not null
                && next is not null && DayWords.DayOf(next) is not null;
            var minutesTo = word == "to" && current?.Kind == ClauseKind.Time
                && previous is not null && (MinuteWords.Contains(previous) || previous.All(char.IsAsciiDigit));
            return dayRange || minutesTo || !EndWords.Contains(word) ? null : ClauseKind.End;
        }

        return StartWords.Contains(word) ? ClauseKind.Start
            : DurationWords.Contains(word) ? ClauseKind.Duration
            : null;
    }

    private static bool OpensDays(IReadOnlyList<ScheduleToken> tokens, int i, ScheduleClause? current)
    {
        var word = tokens[i].Word;
        if (EveryWords.Contains(word))
        {
            return true;
        }

        var next = i + 1 < tokens.Count ? tokens[i + 1].Word : string.Empty;
        var namesDays = DayWords.Of(word) is not null || DayWords.Of(word, next) is not null;
        return current?.Kind switch
        {
            // Inside a date a single day name is a date ("starting Monday"); a plural is days.
            ClauseKind.Start or ClauseKind.End => DayWords.IsRecurring(word),

            // After words not understood, days could be part of them ("in our Friday slot").
            ClauseKind.Loose => current.Core.Count == 0 && namesDays,
            _ => namesDays,
        };
    }

    private static bool ContinuesDays(IReadOnlyList<ScheduleToken> tokens, int i)
    {
        var token = tokens[i];
        var word = token.Word;
        var previous = i > 0 ? tokens[i - 1].Word : string.Empty;
        var next = i + 1 < tokens.Count ? tokens[i + 1].Word : string.Empty;
        return token.IsConnector
            || EveryWords.Contains(word)
            || DayWords.Of(word) is not null
            || DayWords.Of(word, next) is not null
            || (word is "day" or "days" && (EveryWords.Contains(previous) || DayWords.Of(previous, word) is not null))
            || (DayWords.RangeWords.Contains(word) && DayWords.DayOf(previous) is not null && DayWords.DayOf(next) is not null);
    }
}
