namespace Beacon.Training.Content;

/// <summary>The fixed vocabulary of reviewer roles an item's <c>review.roles</c> may name.</summary>
public static class ReviewRoles
{
    /// <summary>Someone with subject knowledge of trafficking law, indicators and support.</summary>
    public const string SubjectExpert = "subject-expert";

    /// <summary>Someone who does the learner's job (nurse, officer, teacher, social worker).</summary>
    public const string Practitioner = "practitioner";

    /// <summary>A reviewer who brings survivors' views through an organisation that works with them.</summary>
    public const string SurvivorInformed = "survivor-informed";

    /// <summary>A reviewer with lived experience of trafficking.</summary>
    public const string LivedExperience = "lived-experience";

    public static IReadOnlyList<string> All { get; } = [SubjectExpert, Practitioner, SurvivorInformed, LivedExperience];

    public static bool IsKnown(string? role) => role is not null && All.Contains(role, StringComparer.Ordinal);
}
