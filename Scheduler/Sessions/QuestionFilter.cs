namespace Beacon.Scheduler.Sessions;

using Beacon.Training.Content;

/// <summary>
/// Narrows the questions a session may ask (a campaign's choice): only these topics (empty = all),
/// and questions for these role tracks plus core (empty = the learner's own track plus core).
/// </summary>
public sealed record QuestionFilter(IReadOnlyList<string> Topics, IReadOnlyList<string> Tracks)
{
    public bool Allows(Question question, string? learnerTrack)
    {
        ArgumentNullException.ThrowIfNull(question);
        return (Topics.Count == 0 || Topics.Contains(question.Topic, StringComparer.Ordinal)) &&
               (Tracks.Count == 0 ? question.IsFor(learnerTrack) : Tracks.Any(question.IsFor));
    }
}
