namespace Beacon.Dialogs.Campaigns;

using System.Globalization;
using Beacon.Dialogs.Intents;
using Beacon.Training.Schedules;

/// <summary>
/// Reads the clauses of one schedule sentence into days, time, start, end and duration, and keeps
/// every word it could not use (see <see cref="ScheduleSentenceParser"/> for the rules).
/// </summary>
internal sealed class ScheduleReading(string sentence, DateTime localNow)
{
    private static readonly TimeOnly WorkingDayStart = new(7, 0);
    private static readonly TimeOnly WorkingDayEnd = new(20, 0);

    private static readonly HashSet<string> EveryWords = new(StringComparer.Ordinal) { "every", "each" };

    /// <summary>Words that may stand just before a date or time and add nothing ("the end of February", "in January").</summary>
    private static readonly HashSet<string> LeadIns = new(StringComparer.Ordinal) { "the", "in", "during", "throughout" };

    private const string ModifierKey = "Mod";

    private readonly DateOnly today = DateOnly.FromDateTime(localNow);
    private readonly List<ScheduleToken> unused = [];
    private Weekdays? days;
    private TimeOnly? time;
    private DateOnly? start;
    private DateOnly? end;
    private ScheduleDuration? duration;
    private ScheduleClause? durationClause;

    public ParsedSchedule Read(IReadOnlyList<ScheduleClause> clauses)
    {
        // Starts first: an end without a year is the next one on or after the start, wherever it stands.
        foreach (var clause in clauses.OrderBy(c => c.Kind is ClauseKind.End or ClauseKind.Duration ? 1 : 0))
        {
            switch (clause.Kind)
            {
                case ClauseKind.Days:
                    ReadDays(clause);
                    break;
                case ClauseKind.Time:
                    ReadTime(clause);
                    break;
                case ClauseKind.Start:
                    ReadStart(clause);
                    break;
                case ClauseKind.End:
                    ReadEnd(clause);
                    break;
                case ClauseKind.Duration:
                    ReadDuration(clause);
                    break;
                default:
                    ReadLoose(clause);
                    break;
            }
        }

        ApplyDuration();
        return new ParsedSchedule(days, time, start, end, UnusedText()) { Duration = duration };
    }

    private void ReadDays(ScheduleClause clause)
    {
        var core = clause.Core;
        var found = Weekdays.None;
        var notUnderstood = new List<ScheduleToken>();
        for (var i = 0; i < core.Count; i++)
        {
            var word = core[i].Word;
            var next = i + 1 < core.Count ? core[i + 1].Word : string.Empty;
            if (EveryWords.Contains(word) || core[i].IsConnector)
            {
                continue;
            }

            if (word is "day" or "days" && i > 0 && EveryWords.Contains(core[i - 1].Word))
            {
                found |= Weekdays.Every;
            }
            else if (DayWords.Of(word, next) is { } pair)
            {
                found |= pair;
                i++;
            }
            else if (DayWords.DayOf(word) is { } from && DayWords.RangeWords.Contains(next)
                && i + 2 < core.Count && DayWords.DayOf(core[i + 2].Word) is { } to)
            {
                found |= DayWords.Range(from, to);
                i += 2;
            }
            else if (DayWords.Of(word) is { } named)
            {
                found |= named;
            }
            else
            {
                notUnderstood.Add(core[i]);
            }
        }

        if (found == Weekdays.None)
        {
            NotUsed(clause.All);
            return;
        }

        days = (days ?? Weekdays.None) | found;
        NotUsed(notUnderstood);
    }

    private void ReadTime(ScheduleClause clause)
    {
        var (mention, covered) = Find(clause, includeKeywords: true, "time");
        if (mention is null || ChooseTime(mention) is not { } chosen || (time is { } earlier && earlier != chosen))
        {
            NotUsed(clause.All);
            return;
        }

        time = chosen;
        UseRest(clause, covered);
    }

    private void ReadStart(ScheduleClause clause)
    {
        var (mention, covered) = Find(clause, includeKeywords: false, "date", "daterange", "time");
        if (mention?.Type == "time")
        {
            ReadTime(clause); // "starting at 9am"
            return;
        }

        var candidates = mention?.Values
            .Where(v => EdgeFits(v, "start"))
            .Select(v => DateOf(v, mention.Type == "date" ? "value" : "start"))
            .OfType<DateOnly>()
            .ToList();
        if (candidates is not { Count: > 0 } || (start is { } earlier && earlier != Choose(candidates, today)))
        {
            NotUsed(clause.All);
            return;
        }

        start = Choose(candidates, today);
        UseRest(clause, covered);
    }

    private void ReadEnd(ScheduleClause clause)
    {
        var (mention, covered) = Find(clause, includeKeywords: false, "date", "daterange");

        // A range's end is the day after it ("to the end of February" resolves to March 1).
        var candidates = mention?.Values
            .Where(v => EdgeFits(v, "end"))
            .Select(v => mention.Type == "date" ? DateOf(v, "value") : DateOf(v, "end")?.AddDays(-1))
            .OfType<DateOnly>()
            .ToList();
        var reference = start ?? today;
        if (candidates is not { Count: > 0 } || (end is { } earlier && earlier != Choose(candidates, reference)))
        {
            NotUsed(clause.All);
            return;
        }

        end = Choose(candidates, reference);
        UseRest(clause, covered);
    }

    private void ReadDuration(ScheduleClause clause)
    {
        var (mention, covered) = Find(clause, includeKeywords: false, "duration");
        var read = mention?.Values.Select(v => ScheduleDuration.FromTimex(v.GetValueOrDefault("timex"))).FirstOrDefault(d => d is not null);
        if (read is null || duration is not null)
        {
            NotUsed(clause.All);
            return;
        }

        duration = read;
        durationClause = clause;
        UseRest(clause, covered);
    }

    /// <summary>Words after no keyword: a bare time ("daily 9am") or a whole range ("in January"); anything else is not used.</summary>
    private void ReadLoose(ScheduleClause clause)
    {
        var (mention, covered) = Find(clause, includeKeywords: false, "time", "daterange");
        if (mention?.Type == "time" && ChooseTime(mention) is { } chosen && time is null)
        {
            time = chosen;
            UseRest(clause, covered);
            return;
        }

        var range = mention?.Type == "daterange" && !mention.Values.Any(v => v.ContainsKey(ModifierKey))
            ? mention.Values
                .Select(v => (Start: DateOf(v, "start"), End: DateOf(v, "end")?.AddDays(-1)))
                .Where(r => r.Start is not null && r.End is not null)
                .OrderBy(r => r.End < today ? 1 : 0)
                .ThenBy(r => r.Start)
                .FirstOrDefault()
            : default;
        if (range.Start is null || start is not null || end is not null)
        {
            NotUsed(clause.All);
            return;
        }

        start = range.Start;
        end = range.End;
        UseRest(clause, covered);
    }

    /// <summary>
    /// Ranges with a modifier are parts of a period ("the end of February" is February 16 to 28): only
    /// the matching edge can be used ("from the start of March", "until the end of February").
    /// </summary>
    private static bool EdgeFits(IReadOnlyDictionary<string, string> value, string edge) =>
        value.GetValueOrDefault(ModifierKey) is not { } modifier || modifier == edge;

    /// <summary>A duration with one known end gives the other; with both known it must agree or is not used.</summary>
    private void ApplyDuration()
    {
        if (duration is null)
        {
            return;
        }

        if (start is { } first && end is { } last)
        {
            if (duration.LastDayFrom(first) != last)
            {
                NotUsed(durationClause!.All);
                duration = null;
            }
        }
        else if (start is { } from)
        {
            end = duration.LastDayFrom(from);
        }
        else if (end is { } to)
        {
            start = duration.FirstDayTo(to);
        }
    }

    /// <summary>
    /// The first mention of one of <paramref name="types"/> in the clause's words (with its keywords
    /// when <paramref name="includeKeywords"/>: "9" alone is no time, "at 9" is), and the words it covers.
    /// </summary>
    private (DateTimeMention? Mention, IReadOnlyList<ScheduleToken> Covered) Find(ScheduleClause clause, bool includeKeywords, params string[] types)
    {
        var core = clause.Core;
        if (core.Count == 0)
        {
            return (null, []);
        }

        var words = includeKeywords ? clause.Keywords.Concat(core).ToList() : core;
        var offset = words[0].Start;
        var text = sentence[offset..words[^1].End];
        var mention = DateTimeMention.Find(text, localNow).FirstOrDefault(m => types.Contains(m.Type, StringComparer.Ordinal));
        if (mention is null)
        {
            return (null, []);
        }

        var covered = words.Where(t => t.Start - offset < mention.End && t.End - offset > mention.Start).ToList();
        return (mention, covered);
    }

    /// <summary>
    /// After a clause's mention: lead-ins just before it are understood, other words before it are not
    /// used, and the words after it are read again on their own ("at 9 in January": "in January").
    /// </summary>
    private void UseRest(ScheduleClause clause, IReadOnlyList<ScheduleToken> covered)
    {
        var first = covered.Min(t => t.Index);
        var last = covered.Max(t => t.Index);
        var before = clause.Core.Where(t => t.Index < first).ToList();
        var leadIns = before.Count - before.FindLastIndex(t => !LeadIns.Contains(t.Word)) - 1;
        NotUsed(before.Take(before.Count - leadIns));
        var rest = new ScheduleClause(ClauseKind.Loose);
        rest.Body.AddRange(clause.Core.Where(t => t.Index > last));
        if (rest.Core.Count > 0)
        {
            ReadLoose(rest);
        }
    }

    /// <summary>"8:30" resolves to 08:30 and 20:30: the reading in working hours (07:00-19:59) wins, the earlier if both are.</summary>
    private static TimeOnly? ChooseTime(DateTimeMention mention)
    {
        var candidates = mention.Values
            .Select(v => TimeOnly.TryParseExact(v.GetValueOrDefault("value"), "HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : (TimeOnly?)null)
            .OfType<TimeOnly>()
            .Distinct()
            .ToList();
        return candidates.Count == 1
            ? candidates[0]
            : candidates.Where(t => t >= WorkingDayStart && t < WorkingDayEnd).Order().Cast<TimeOnly?>().FirstOrDefault();
    }

    /// <summary>The first candidate on or after <paramref name="reference"/>; an explicit past date stays as written.</summary>
    private static DateOnly Choose(IReadOnlyList<DateOnly> candidates, DateOnly reference) =>
        candidates.Where(d => d >= reference).Order().Cast<DateOnly?>().FirstOrDefault() ?? candidates.Max();

    private static DateOnly? DateOf(IReadOnlyDictionary<string, string> value, string key) =>
        value.GetValueOrDefault(key) is { Length: >= 10 } text
            && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    private void NotUsed(IEnumerable<ScheduleToken> tokens) => unused.AddRange(tokens);

    /// <summary>The unused words as written, runs of neighbouring words joined by ", ".</summary>
    private string UnusedText()
    {
        var runs = new List<string>();
        var ordered = unused.DistinctBy(t => t.Index).OrderBy(t => t.Index).ToList();
        for (var i = 0; i < ordered.Count;)
        {
            var j = i;
            while (j + 1 < ordered.Count && ordered[j + 1].Index == ordered[j].Index + 1)
            {
                j++;
            }

            var run = ordered.GetRange(i, j - i + 1);
            var first = run.FindIndex(t => !t.IsConnector);
            var last = run.FindLastIndex(t => !t.IsConnector);
            if (first >= 0)
            {
                runs.Add(sentence[run[first].Start..run[last].End]);
            }

            i = j + 1;
        }

        return string.Join(", ", runs);
    }
}
