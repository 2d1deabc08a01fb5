namespace Beacon.Dialogs.Learners;

using Beacon.Dialogs.Turns;
using Beacon.Training.Learners;
using Beacon.Training.Ports;

/// <summary>Keeps the stored learner in step with what Teams tells us on each turn.</summary>
public sealed class LearnerDirectory(ILearnerStore store, TimeProvider clock)
{
    /// <summary>Reads the learner, creating or refreshing the stored profile when the turn brings news.</summary>
    public async Task<Learner> SyncAsync(IncomingTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var existing = await store.GetAsync(turn.LearnerKey, cancellationToken).ConfigureAwait(false);
        var updated = Merge(existing, turn);
        if (existing != updated)
        {
            await store.UpsertAsync(updated, cancellationToken).ConfigureAwait(false);
        }

        return updated;
    }

    public Task SaveAsync(Learner learner, CancellationToken cancellationToken) => store.UpsertAsync(learner, cancellationToken);

    public Task<bool> TryMarkWelcomedAsync(LearnerKey key, CancellationToken cancellationToken) =>
        store.TryMarkWelcomedAsync(key, clock.GetUtcNow(), cancellationToken);

    private Learner Merge(Learner? existing, IncomingTurn turn)
    {
        var learner = existing ?? new Learner { Key = turn.LearnerKey, CreatedAt = clock.GetUtcNow() };
        return learner with
        {
            DisplayName = turn.From.Name ?? learner.DisplayName,
            Address = turn.IsPersonal ? turn.Address : learner.Address,
            Locale = turn.Locale ?? learner.Locale,
            TimeZone = turn.TimeZone ?? learner.TimeZone,
            Country = turn.Country ?? learner.Country,
            Active = turn.Kind != TurnKind.Uninstalled,
        };
    }
}
