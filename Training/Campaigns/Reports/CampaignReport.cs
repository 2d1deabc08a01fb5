namespace Beacon.Training.Campaigns.Reports;

/// <summary>
/// What a campaign's answer log says, every figure already suppressed where it covers fewer than
/// <see cref="ReportPrivacy.MinimumLearners"/> learners. <see cref="Individuals"/> is empty unless
/// the tenant allows individual results.
/// </summary>
public sealed record CampaignReport
{
    public required CampaignKey Key { get; init; }

    public required string Name { get; init; }

    public required DateOnly StartDate { get; init; }

    public required DateOnly EndDate { get; init; }

    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>People in the audience; null when fewer than the privacy minimum.</summary>
    public int? AudienceSize { get; init; }

    /// <summary>Campaign weeks that have started, in order.</summary>
    public IReadOnlyList<WeekActivity> Weeks { get; init; } = [];

    /// <summary>Share correct at each learner's first answer to an item and at their latest, per topic.</summary>
    public IReadOnlyList<TopicProficiency> Proficiency { get; init; } = [];

    public required TopicProficiency OverallProficiency { get; init; }

    /// <summary>Pre- vs post-assessment per topic (topics in teaching order).</summary>
    public IReadOnlyList<TopicChange> Assessment { get; init; } = [];

    public required ReportChange OverallAssessment { get; init; }

    /// <summary>Correctness by topic, lowest first; suppressed rows last.</summary>
    public IReadOnlyList<KnowledgeGap> TopicGaps { get; init; } = [];

    /// <summary>Correctness by indicator, lowest first; suppressed rows last.</summary>
    public IReadOnlyList<KnowledgeGap> IndicatorGaps { get; init; } = [];

    /// <summary>Share of all campaign answers that were wrong although the learner said they were sure.</summary>
    public required ReportShare ConfidentButWrong { get; init; }

    /// <summary>Mean estimated probability of recall now, over the audience's reviewed campaign items.</summary>
    public required ReportShare RetentionNow { get; init; }

    /// <summary>Per-person results: only when the tenant turned individual results on.</summary>
    public IReadOnlyList<LearnerResult> Individuals { get; init; } = [];
}

/// <summary>One campaign week (seven days from the start date, the last one cut at the end date).</summary>
public sealed record WeekActivity(int Number, DateOnly From, DateOnly To, ReportShare Participation, ReportShare Completion);

/// <summary><paramref name="Topic"/> is a topic id, or null for the overall row.</summary>
public sealed record TopicProficiency(string? Topic, ReportShare FirstAnswer, ReportShare Now);

public sealed record TopicChange(string Topic, ReportChange Change);

/// <summary>A topic id or an indicator id with the share of campaign answers that were correct.</summary>
public sealed record KnowledgeGap(string Id, ReportShare Correct);

/// <summary>One learner's campaign results, for tenants that allow individual results.</summary>
public sealed record LearnerResult(
    string LearnerId,
    string? DisplayName,
    int Answered,
    int Correct,
    int ConfidentButWrong,
    int SessionsCompleted,
    double? PreScore,
    double? PostScore);
