namespace Beacon.Training.Reviews;

/// <summary>The FSRS card states.</summary>
public enum ReviewPhase
{
    New = 0,
    Learning = 1,
    Review = 2,
    Relearning = 3,
}
