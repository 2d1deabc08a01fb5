namespace Beacon.Training.Content;

/// <summary>Role tracks. Every learner gets <see cref="Core"/> items; a role track adds its own.</summary>
public static class Track
{
    public const string Core = "core";
    public const string LawEnforcement = "law-enforcement";
    public const string Healthcare = "healthcare";
    public const string SocialWork = "social-work";
    public const string Education = "education";
    public const string Community = "community";

    /// <summary>The tracks a learner can choose (everything but core).</summary>
    public static readonly IReadOnlyList<string> Roles = [LawEnforcement, Healthcare, SocialWork, Education, Community];

    public static readonly IReadOnlyList<string> All = [Core, .. Roles];

    public static bool IsKnown(string? track) => track is not null && All.Contains(track);

    public static bool IsRole(string? track) => track is not null && Roles.Contains(track);

    public static string DisplayName(string track) => track switch
    {
        Core => "Everyone",
        LawEnforcement => "Law enforcement",
        Healthcare => "Healthcare",
        SocialWork => "Social work",
        Education => "Education",
        Community => "Community and front-line staff",
        _ => track,
    };
}
