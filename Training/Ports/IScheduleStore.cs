namespace Beacon.Training.Ports;

using Beacon.Training.Learners;
using Beacon.Training.Schedules;

/// <summary>Personal schedules: with the active campaigns (<see cref="ICampaignStore"/>), the truth that the delivery triggers are rebuilt from.</summary>
public interface IScheduleStore
{
    Task<PersonalSchedule?> GetAsync(LearnerKey learner, CancellationToken cancellationToken);

    /// <summary>
    /// Saves if the stored schedule still carries <see cref="PersonalSchedule.ConcurrencyToken"/> (null =
    /// must not exist yet); throws <see cref="ConcurrencyConflictException"/> otherwise. Returns it with its new token.
    /// </summary>
    Task<PersonalSchedule> SaveAsync(PersonalSchedule schedule, CancellationToken cancellationToken);

    /// <summary>Every personal schedule, all tenants (delivery scans them each tick). Pages internally.</summary>
    IAsyncEnumerable<PersonalSchedule> ListAllAsync(CancellationToken cancellationToken);
}
