namespace Beacon.Training.Ports;

using Beacon.Training.Learners;
using Beacon.Training.Reviews;

public interface IReviewStore
{
    Task<ReviewState?> GetAsync(LearnerKey learner, string questionId, CancellationToken cancellationToken);

    Task<IReadOnlyList<ReviewState>> ListAsync(LearnerKey learner, CancellationToken cancellationToken);

    /// <summary>
    /// Saves the state if the stored one still carries <see cref="ReviewState.ConcurrencyToken"/>
    /// (null means "must not exist yet"). Throws <see cref="ConcurrencyConflictException"/> otherwise.
    /// Returns the state with its new token.
    /// </summary>
    Task<ReviewState> SaveAsync(ReviewState state, CancellationToken cancellationToken);
}
