namespace Beacon.Scheduler.Sessions;

using Beacon.Training.Answers;
using Beacon.Training.Content;
using Beacon.Training.Learners;
using Beacon.Training.Ports;
using Beacon.Training.Reviews;

/// <summary>Everything needed to compose one learner's session, already read from the store.</summary>
public sealed record SessionRequest(
    Learner Learner,
    ContentPack Pack,
    IReadOnlyList<ReviewState> States,
    IReadOnlyList<AnswerRecord> Answers,
    DateTimeOffset Now,
    int Size,
    bool OnDemand)
{
    /// <summary>Which questions the session may ask; null = those of the learner's track (core plus their role track).</summary>
    public QuestionFilter? Filter { get; init; }

    /// <summary>
    /// When set, what the composer reads instead of <see cref="Answers"/>: each question the
    /// learner has answered, answered in the window when an answer falls in the learner's day of
    /// <see cref="Now"/> (<see cref="LearnerDay.Of(DateTimeOffset, string?)"/> with the learner's time zone).
    /// <see cref="IAnswerStore.ListAnsweredQuestionsAsync"/> reads it without the whole log.
    /// </summary>
    public IReadOnlyList<AnsweredQuestion>? Answered { get; init; }

    /// <summary>
    /// The tenant's default region, used when the learner chose no region and Teams gave no known
    /// country (see <see cref="ContentPack.RegionOf"/>); null: the pack's international fallback.
    /// </summary>
    public string? TenantDefaultRegion { get; init; }
}
