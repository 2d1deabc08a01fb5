namespace Beacon.Training.Ports;

using Beacon.Training.Learners;

public interface ILearnerStore
{
    Task<Learner?> GetAsync(LearnerKey key, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the learner (last writer wins; learner profile fields only).</summary>
    Task UpsertAsync(Learner learner, CancellationToken cancellationToken);

    /// <summary>Active learners of a tenant, for scheduled delivery. Pages internally.</summary>
    IAsyncEnumerable<Learner> ListActiveAsync(string tenantId, CancellationToken cancellationToken);
}
