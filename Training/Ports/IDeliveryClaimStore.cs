namespace Beacon.Training.Ports;

using Beacon.Training.Learners;
using Beacon.Training.Schedules;

/// <summary>
/// Exactly-once delivery across instances: one claim per learner, learner-local date (for an
/// announcement: campaign, see <see cref="ClaimKind.Announcement"/>) and
/// <see cref="ClaimKind"/>, added only if absent (SQLite primary key, Azure Tables AddEntity).
/// </summary>
public interface IDeliveryClaimStore
{
    /// <summary>Adds the claim if none of its kind exists for its learner and date. True for the one caller that added it.</summary>
    Task<bool> TryClaimAsync(DeliveryClaim claim, CancellationToken cancellationToken);

    Task<DeliveryClaim?> GetAsync(LearnerKey learner, DateOnly localDate, ClaimKind kind, CancellationToken cancellationToken);

    /// <summary>Records how the claimed delivery ended (status, time, activity id, attempts). Last writer wins.</summary>
    Task CompleteAsync(DeliveryClaim claim, CancellationToken cancellationToken);
}
