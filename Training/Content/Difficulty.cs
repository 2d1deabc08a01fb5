namespace Beacon.Training.Content;

public enum Difficulty
{
    /// <summary>Spot the sign or recall the fact.</summary>
    Recognition = 1,

    /// <summary>Use it in a situation.</summary>
    Application = 2,

    /// <summary>Weigh competing concerns and choose the safest action.</summary>
    Judgement = 3,
}
