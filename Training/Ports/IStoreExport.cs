namespace Beacon.Training.Ports;

using Beacon.Training.Answers;
using Beacon.Training.Campaigns;
using Beacon.Training.Learners;
using Beacon.Training.Reporting;
using Beacon.Training.Reviews;
using Beacon.Training.Schedules;

/// <summary>
/// Reads everything a store holds, for moving it to another store (<c>storage copy</c>). Every
/// sequence pages internally: memory holds one page of rows, or one learner's records, at a time.
/// </summary>
public interface IStoreExport
{
    /// <summary>Every learner profile (active or not), with its welcome time.</summary>
    IAsyncEnumerable<Learner> ExportLearnersAsync(CancellationToken cancellationToken);

    /// <summary>Every learner that has issued questions, answers or review states, one learner at a time.</summary>
    IAsyncEnumerable<LearnerRecords> ExportRecordsAsync(CancellationToken cancellationToken);

    /// <summary>Every safeguarding handoff audit record, tenant by tenant.</summary>
    IAsyncEnumerable<HandoffRecord> ExportHandoffsAsync(CancellationToken cancellationToken);

    /// <summary>Every personal schedule (enabled or not, paused or not).</summary>
    IAsyncEnumerable<PersonalSchedule> ExportSchedulesAsync(CancellationToken cancellationToken);

    /// <summary>Every campaign, whatever its status.</summary>
    IAsyncEnumerable<Campaign> ExportCampaignsAsync(CancellationToken cancellationToken);

    /// <summary>Every manager role granted in chat.</summary>
    IAsyncEnumerable<ManagerGrant> ExportManagerGrantsAsync(CancellationToken cancellationToken);

    /// <summary>Every tenant's safeguarding route set in chat.</summary>
    IAsyncEnumerable<SafeguardingRoute> ExportSafeguardingRoutesAsync(CancellationToken cancellationToken);

    /// <summary>Every learner that has delivery claims (sessions and reminders), one learner at a time.</summary>
    IAsyncEnumerable<LearnerDeliveryClaims> ExportDeliveryClaimsAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Writes what <see cref="IStoreExport"/> read, idempotently: rows are keyed as the live store keys
/// them and written add-or-replace, so importing the same data twice leaves the same rows.
/// </summary>
public interface IStoreImport
{
    /// <summary>Creates or replaces the profile; a welcome already recorded in the target is kept.</summary>
    Task ImportLearnerAsync(Learner learner, CancellationToken cancellationToken);

    /// <summary>
    /// Creates or replaces each issued question, answer and review state of one learner, with the
    /// values given (review states get a fresh concurrency token in the target).
    /// </summary>
    Task ImportRecordsAsync(LearnerRecords records, CancellationToken cancellationToken);

    /// <summary>Adds the handoff record unless one with its id is there (the audit trail is append-only).</summary>
    Task ImportHandoffAsync(HandoffRecord record, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the schedule with the values given; it gets a fresh concurrency token in the target.</summary>
    Task ImportScheduleAsync(PersonalSchedule schedule, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the campaign with the values given; it gets a fresh concurrency token in the target.</summary>
    Task ImportCampaignAsync(Campaign campaign, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the grant with the values given (who granted it, and when).</summary>
    Task ImportManagerGrantAsync(ManagerGrant grant, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the tenant's safeguarding route with the values given (who set it, and when).</summary>
    Task ImportSafeguardingRouteAsync(SafeguardingRoute route, CancellationToken cancellationToken);

    /// <summary>Creates or replaces each delivery claim of one learner, with its status, so a day already delivered is not delivered again.</summary>
    Task ImportDeliveryClaimsAsync(LearnerDeliveryClaims claims, CancellationToken cancellationToken);
}

/// <summary>Everything stored for one learner apart from the profile.</summary>
public sealed record LearnerRecords(
    LearnerKey Learner,
    IReadOnlyList<IssuedQuestion> Issued,
    IReadOnlyList<AnswerRecord> Answers,
    IReadOnlyList<ReviewState> Reviews);

/// <summary>One learner's delivery claims, both kinds.</summary>
public sealed record LearnerDeliveryClaims(LearnerKey Learner, IReadOnlyList<DeliveryClaim> Claims);
