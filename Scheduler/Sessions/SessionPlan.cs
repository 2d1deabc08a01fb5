namespace Beacon.Scheduler.Sessions;

using Beacon.Training.Content;

/// <summary>
/// The questions to ask now, in order, and the refresher card to open with, if any: only items
/// that apply in the learner's region, their placeholders filled for it.
/// </summary>
public sealed record SessionPlan(IReadOnlyList<Question> Questions, Refresher? OpeningRefresher)
{
    /// <summary>The learner's region the plan was composed for; null for a plan made elsewhere.</summary>
    public ReportingRegion? Region { get; init; }
}
