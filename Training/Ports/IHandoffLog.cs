namespace Beacon.Training.Ports;

using Beacon.Training.Reporting;

/// <summary>The audit trail of safeguarding handoffs (append-only; a retried record is stored once).</summary>
public interface IHandoffLog
{
    Task RecordAsync(HandoffRecord record, CancellationToken cancellationToken);

    /// <summary>The handoff recorded under <paramref name="handoffId"/>, if any (a redelivered request must not message the contacts again).</summary>
    Task<HandoffRecord?> FindAsync(string tenantId, string handoffId, CancellationToken cancellationToken);

    /// <summary>How many handoffs from one person of the tenant were recorded at or after <paramref name="since"/>.</summary>
    Task<int> CountFromAsync(string tenantId, string fromUserId, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>A tenant's handoffs, oldest first.</summary>
    Task<IReadOnlyList<HandoffRecord>> ListAsync(string tenantId, CancellationToken cancellationToken);
}
