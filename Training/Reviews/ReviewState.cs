namespace Beacon.Training.Reviews;

using Beacon.Training.Learners;

/// <summary>
/// What the memory model knows about one learner and one question (by id, so it survives
/// content edits). <see cref="ConcurrencyToken"/> is opaque to the domain: the store uses it for
/// optimistic concurrency (an ETag or a row version).
/// </summary>
public sealed record ReviewState
{
    public required LearnerKey Learner { get; init; }

    public required string QuestionId { get; init; }

    public ReviewPhase Phase { get; init; } = ReviewPhase.New;

    public double Stability { get; init; }

    public double Difficulty { get; init; }

    public DateTimeOffset? Due { get; init; }

    public DateTimeOffset? LastReview { get; init; }

    public int Reps { get; init; }

    public int Lapses { get; init; }

    /// <summary>Learning/relearning step index (FSRS short-term steps).</summary>
    public int Step { get; init; }

    public string? ConcurrencyToken { get; init; }
}
