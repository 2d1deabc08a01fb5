namespace Beacon.Scheduler.Memory;

using Beacon.Training.Reviews;

public static class MemoryModelExtensions
{
    /// <summary>
    /// Reviews with a rating from <see cref="RatingPolicy"/>: the confident-wrong rule applies when
    /// the model is <see cref="FsrsMemoryModel"/>; other models get the plain grade.
    /// </summary>
    public static ReviewState Review(this IMemoryModel model, ReviewState state, AnswerRating rating, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model is FsrsMemoryModel fsrs ? fsrs.Review(state, rating, now) : model.Review(state, rating.Rating, now);
    }
}
