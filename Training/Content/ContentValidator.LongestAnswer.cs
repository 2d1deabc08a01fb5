namespace Beacon.Training.Content;

using Beacon.Training.Content.Yaml;

/// <summary>
/// A learner who guesses "the longest option" should not do well: when the right option is the
/// longest in more than <see cref="MaxRightLongestShare"/> of a track's questions (or of the whole
/// pack), the validator warns so the writer can give distractors of similar length.
/// </summary>
public static partial class ContentValidator
{
    /// <summary>The highest share of questions in a track whose right option may be the longest.</summary>
    public const double MaxRightLongestShare = 0.40;

    /// <summary>Below this many questions a share says little, so the track is not judged.</summary>
    public const int MinQuestionsForRightLongest = 10;

    /// <summary>The label of the whole pack in the warning (every question, whatever its tracks).</summary>
    public const string AllTracks = "all tracks";

    /// <summary>
    /// True when a correct option is strictly longer (in characters, trimmed) than every wrong
    /// option; null when the question has no readable option texts or no wrong option.
    /// </summary>
    internal static bool? RightOptionIsLongest(IEnumerable<(string Text, bool Correct)> options)
    {
        var lengths = options.Select(o => (Length: o.Text.Trim().Length, o.Correct)).ToList();
        var right = lengths.Where(o => o.Correct).Select(o => o.Length).DefaultIfEmpty(-1).Max();
        var wrong = lengths.Where(o => !o.Correct).Select(o => o.Length).DefaultIfEmpty(-1).Max();
        return right < 0 || wrong < 0 ? null : right > wrong;
    }

    private static void CheckRightLongest(Run run, List<(QuestionDto Dto, Scope Scope)> questions)
    {
        var judged = new List<(IReadOnlyList<string> Tracks, bool Longest)>();
        foreach (var (dto, _) in questions)
        {
            var correct = (dto.Correct ?? []).Where(c => !IsBlank(c)).Select(c => c!.Trim()).ToHashSet(StringComparer.Ordinal);
            var options = (dto.Options ?? []).Where(o => o is not null && !IsBlank(o.Id) && !IsBlank(o.Text))
                .Select(o => (o!.Text!, correct.Contains(o.Id!.Trim())));
            if (RightOptionIsLongest(options) is { } longest)
            {
                var tracks = (dto.Tracks ?? []).Where(t => !IsBlank(t)).Select(t => t!.Trim()).Distinct(StringComparer.Ordinal).ToList();
                judged.Add((tracks, longest));
            }
        }

        var groups = Track.All
            .Select(track => (Label: track, Items: judged.Where(j => j.Tracks.Contains(track, StringComparer.Ordinal)).ToList()))
            .Append((Label: AllTracks, Items: judged));
        foreach (var (label, items) in groups)
        {
            var longest = items.Count(i => i.Longest);
            if (items.Count < MinQuestionsForRightLongest || longest <= MaxRightLongestShare * items.Count)
            {
                continue;
            }

            var field = label == AllTracks ? "correct" : Invariant($"tracks[{label}]");
            run.Warn(ContentRules.RightLongest, new Scope(QuestionsFolder, null, string.Empty), field, null, Invariant(
                $"in {label} the right option is the longest in {longest} of {items.Count} questions ({100.0 * longest / items.Count:0}%); keep it at or below {MaxRightLongestShare * 100:0}% by giving wrong options of similar length (a plausible mistake, not an absurd one) or trimming the right one"));
        }
    }
}
