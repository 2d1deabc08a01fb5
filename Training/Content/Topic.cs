namespace Beacon.Training.Content;

/// <summary>The eight topics of the curriculum, in teaching order.</summary>
public static class Topic
{
    public const string Definition = "definition";
    public const string Forms = "forms";
    public const string Indicators = "indicators";
    public const string Impact = "impact";
    public const string Legal = "legal";
    public const string Responding = "responding";
    public const string Collaboration = "collaboration";
    public const string Resources = "resources";

    public static readonly IReadOnlyList<string> All =
        [Definition, Forms, Indicators, Impact, Legal, Responding, Collaboration, Resources];

    public static bool IsKnown(string? topic) => topic is not null && All.Contains(topic);

    public static string DisplayName(string topic) => topic switch
    {
        Definition => "What trafficking is",
        Forms => "Forms of trafficking",
        Indicators => "Signs to notice",
        Impact => "Impact on people",
        Legal => "Law and rights",
        Responding => "Responding safely",
        Collaboration => "Working together",
        Resources => "Where to get help",
        _ => topic,
    };

    public static int OrderOf(string topic)
    {
        var index = All.ToList().IndexOf(topic);
        return index < 0 ? All.Count : index;
    }
}
