namespace Beacon.Training.Ports;

using Beacon.Training.Learners;

public interface ILearnerStore
{
    Task<Learner?> GetAsync(LearnerKey key, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the learner (last writer wins; learner profile fields only).</summary>
    Task UpsertAsync(Learner learner, CancellationToken cancellationToken);

    /// <summary>
    /// Sets <see cref="Learner.WelcomedAt"/> if it is not set yet, atomically. True for the one
    /// caller that set it, so a learner is welcomed once even when Teams announces an install twice.
    /// </summary>
    Task<bool> TryMarkWelcomedAsync(LearnerKey key, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Active learners of a tenant, for scheduled delivery. Pages internally.</summary>
    IAsyncEnumerable<Learner> ListActiveAsync(string tenantId, CancellationToken cancellationToken);
}
