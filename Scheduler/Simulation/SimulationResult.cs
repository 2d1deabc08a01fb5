namespace Beacon.Scheduler.Simulation;

/// <summary>What one policy cost and achieved, averaged over the simulated learners.</summary>
/// <param name="Policy">The policy.</param>
/// <param name="ReviewsPerLearner">Questions asked per learner over the run, first presentations included.</param>
/// <param name="MinutesPerLearnerPerWeek">Reviews times seconds per question, per week of the run.</param>
/// <param name="Retention">
/// Per measured day: mean true probability of recall over every item of the pack (items not yet
/// introduced count at their prior, what the learner would answer untrained).
/// </param>
/// <param name="Introduced">Per measured day: mean share of the pack introduced by then.</param>
public sealed record SimulationResult(
    SimulatedPolicy Policy,
    double ReviewsPerLearner,
    double MinutesPerLearnerPerWeek,
    IReadOnlyList<(int Day, double Retention)> Retention,
    IReadOnlyList<(int Day, double Share)> Introduced)
{
    /// <summary>Retention measured on <paramref name="day"/> (which must be a measured day).</summary>
    public double RetentionAt(int day) => Retention.First(x => x.Day == day).Retention;
}
