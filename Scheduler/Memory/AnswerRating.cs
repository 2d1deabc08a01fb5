namespace Beacon.Scheduler.Memory;

/// <summary>
/// The grade derived from one answer, plus whether it was a confident wrong answer (the most
/// dangerous kind: the learner is sure of something false).
/// </summary>
public readonly record struct AnswerRating(Rating Rating, bool ConfidentWrong);
