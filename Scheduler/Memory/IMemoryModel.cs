namespace Beacon.Scheduler.Memory;

using Beacon.Training.Reviews;

/// <summary>The spaced-repetition model: how a review changes what a learner remembers.</summary>
public interface IMemoryModel
{
    /// <summary>The state after reviewing with <paramref name="rating"/> at <paramref name="now"/>.</summary>
    ReviewState Review(ReviewState state, Rating rating, DateTimeOffset now);

    /// <summary>The state after an answer rated by <see cref="RatingPolicy"/> (a confident wrong answer comes back sooner).</summary>
    ReviewState Review(ReviewState state, AnswerRating rating, DateTimeOffset now);

    /// <summary>Probability of recall at <paramref name="now"/> (1 for a new item is meaningless: callers treat new items apart).</summary>
    double Retrievability(ReviewState state, DateTimeOffset now);
}
