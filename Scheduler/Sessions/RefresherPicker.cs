namespace Beacon.Scheduler.Sessions;

using Beacon.Training.Answers;
using Beacon.Training.Content;
using Beacon.Training.Learners;

/// <summary>
/// Chooses a refresher card for a learner: on demand (<c>refresher</c>) from their weakest topic,
/// for a named topic (<c>learn &lt;topic&gt;</c>), or for the indicator of a question just missed.
/// Only cards that apply in the learner's region (<c>regionCode</c>; null when unknown: only cards for everywhere).
/// </summary>
public static class RefresherPicker
{
    /// <summary>
    /// The learner's weakest topic among those with a refresher for their track: the lowest share
    /// of correct answers; ties go to fewer answers, then teaching order. With no answers at all,
    /// the first topic in teaching order.
    /// </summary>
    public static string? WeakestTopic(Learner learner, ContentPack pack, IEnumerable<AnswerRecord> answers, string? regionCode = null)
    {
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(answers);
        var topics = pack.Refreshers.Where(r => r.IsFor(learner.Track) && r.AppliesIn(regionCode)).Select(r => r.Topic)
            .Distinct(StringComparer.Ordinal).ToList();
        if (topics.Count == 0)
        {
            return null;
        }

        var tally = new Dictionary<string, (int Correct, int Total)>(StringComparer.Ordinal);
        foreach (var answer in answers)
        {
            if (pack.FindQuestion(answer.QuestionId) is not { } question)
            {
                continue;
            }

            var (correct, total) = tally.GetValueOrDefault(question.Topic);
            tally[question.Topic] = (correct + (answer.Correct ? 1 : 0), total + 1);
        }

        if (tally.Count == 0)
        {
            return topics.OrderBy(Topic.OrderOf).ThenBy(t => t, StringComparer.Ordinal).First();
        }

        // Topics never answered have no share: they rank after every answered topic.
        return topics
            .OrderBy(t => tally.TryGetValue(t, out var c) ? (double)c.Correct / c.Total : 2.0)
            .ThenBy(t => tally.GetValueOrDefault(t).Total)
            .ThenBy(Topic.OrderOf)
            .ThenBy(t => t, StringComparer.Ordinal)
            .First();
    }

    /// <summary>A refresher from the learner's weakest topic (see <see cref="WeakestTopic"/>).</summary>
    public static Refresher? PickWeakest(Learner learner, ContentPack pack, IReadOnlyList<AnswerRecord> answers, string? regionCode = null)
    {
        var topic = WeakestTopic(learner, pack, answers, regionCode);
        return topic is null ? null : PickForTopic(learner, pack, topic, answers, regionCode);
    }

    /// <summary>
    /// A refresher of <paramref name="topic"/> for the learner's track: the one covering the most
    /// indicators of questions they got wrong, then the track-specific one, then pack order.
    /// <paramref name="except"/> (one the learner has just read) is never chosen.
    /// </summary>
    public static Refresher? PickForTopic(Learner learner, ContentPack pack, string topic, IReadOnlyList<AnswerRecord> answers, string? regionCode = null, string? except = null)
    {
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(answers);
        var missed = answers.Where(a => !a.Correct)
            .Select(a => pack.FindQuestion(a.QuestionId)?.Indicator)
            .OfType<string>()
            .ToList();
        return pack.Refreshers
            .Select((r, i) => (Refresher: r, Index: i))
            .Where(x => string.Equals(x.Refresher.Topic, topic, StringComparison.Ordinal) && x.Refresher.IsFor(learner.Track) && x.Refresher.AppliesIn(regionCode) &&
                        !string.Equals(x.Refresher.Id, except, StringComparison.Ordinal))
            .OrderByDescending(x => missed.Count(m => x.Refresher.Indicators.Contains(m, StringComparer.Ordinal)))
            .ThenBy(x => learner.Track is not null && x.Refresher.Tracks.Contains(learner.Track, StringComparer.Ordinal) ? 0 : 1)
            .ThenBy(x => x.Index)
            .Select(x => x.Refresher)
            .FirstOrDefault();
    }

    /// <summary>The refresher for a question's indicator (feedback on a wrong answer), else one of its topic.</summary>
    public static Refresher? ForQuestion(Question question, ContentPack pack, string? track, string? regionCode = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(pack);
        var candidates = pack.Refreshers
            .Where(r => r.IsFor(track) && r.AppliesIn(regionCode) && string.Equals(r.Topic, question.Topic, StringComparison.Ordinal))
            .ToList();
        return candidates.FirstOrDefault(r => question.Indicator is not null && r.Indicators.Contains(question.Indicator, StringComparer.Ordinal))
            ?? pack.Refreshers.FirstOrDefault(r => r.IsFor(track) && r.AppliesIn(regionCode) && question.Indicator is not null && r.Indicators.Contains(question.Indicator, StringComparer.Ordinal))
            ?? candidates.FirstOrDefault();
    }
}
