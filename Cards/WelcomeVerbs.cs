namespace Beacon.Cards;

/// <summary>
/// The welcome card's actions. Each carries the role picker's value, so whichever the learner
/// presses first, a role they chose is not lost; the card that comes back keeps every control
/// they have not used yet.
/// </summary>
public static class WelcomeVerbs
{
    /// <summary>Saves the chosen role and turns the daily quiz on.</summary>
    public const string GetStarted = "welcome.start";

    /// <summary>Saves the chosen role only.</summary>
    public const string SaveRole = "welcome.role";

    /// <summary>Turns the daily quiz on (and saves a role if one is chosen).</summary>
    public const string DailyQuiz = "welcome.daily";

    public static bool Handles(string? verb) => verb is GetStarted or SaveRole or DailyQuiz;
}
