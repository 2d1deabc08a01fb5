namespace Beacon.Training.Answers;

/// <summary>How sure the learner said they were. Unsure is the default when they do not say.</summary>
public enum Confidence
{
    Unsure = 0,
    Sure = 1,
}
