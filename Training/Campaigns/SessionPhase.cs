namespace Beacon.Training.Campaigns;

/// <summary>Which part of a campaign a question belongs to.</summary>
public enum SessionPhase
{
    /// <summary>The fixed assessment on the first session date.</summary>
    PreAssessment,

    /// <summary>An ordinary spaced-repetition session.</summary>
    Session,

    /// <summary>The same assessment again on the last session date.</summary>
    PostAssessment,
}
