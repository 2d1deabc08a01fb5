namespace Beacon.Scheduler.Memory;

/// <summary>FSRS grades.</summary>
public enum Rating
{
    Again = 1,
    Hard = 2,
    Good = 3,
    Easy = 4,
}
