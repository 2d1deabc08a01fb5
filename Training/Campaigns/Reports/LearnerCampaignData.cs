namespace Beacon.Training.Campaigns.Reports;

using Beacon.Training.Answers;
using Beacon.Training.Learners;
using Beacon.Training.Reviews;

/// <summary>
/// What the report reads about one audience member: their whole answer log and review states (the
/// calculator keeps the campaign's part), and their display name only when individual results are allowed.
/// </summary>
public sealed record LearnerCampaignData(
    LearnerKey Learner,
    string? DisplayName,
    IReadOnlyList<AnswerRecord> Answers,
    IReadOnlyList<ReviewState> Reviews);
