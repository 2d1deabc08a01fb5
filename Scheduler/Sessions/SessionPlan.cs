namespace Beacon.Scheduler.Sessions;

using Beacon.Training.Content;

/// <summary>The questions to ask now, in order, and the refresher card to open with, if any.</summary>
public sealed record SessionPlan(IReadOnlyList<Question> Questions, Refresher? OpeningRefresher);
