namespace Beacon.Training.Ports;

using Beacon.Training.Learners;

/// <summary>
/// Everything a store holds about one learner, for "my data" and "forget me". Each store
/// implementation (and each later store with rows keyed by a learner) registers one; the privacy
/// flow asks all of them.
/// </summary>
public interface ILearnerEraser
{
    /// <summary>How many rows or entities of each kind this store holds for the learner.</summary>
    Task<LearnerFootprint> DescribeAsync(LearnerKey learner, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes every row or entity this store holds for the learner (profile, issued questions,
    /// answers, review states, markers, anything else keyed by the learner). Idempotent: erasing
    /// a learner that is not there deletes nothing and succeeds. Returns how many were deleted.
    /// </summary>
    Task<int> EraseAsync(LearnerKey learner, CancellationToken cancellationToken);
}

/// <summary>Counts of what a store holds for one learner, by kind (e.g. "profile", "answers").</summary>
public sealed record LearnerFootprint(IReadOnlyDictionary<string, int> Counts)
{
    public const string Profile = "profile";
    public const string IssuedQuestions = "issued questions";
    public const string Answers = "answers";
    public const string ReviewStates = "review states";
    public const string Handoffs = "concerns passed to your safeguarding contact (who and when, never the text)";
    public const string CampaignAudiences = "campaigns you are in";
    public const string ManagerRole = "manager role";

    public static LearnerFootprint Empty { get; } = new(new Dictionary<string, int>());

    public int Total => Counts.Values.Sum();

    public int this[string kind] => Counts.TryGetValue(kind, out var count) ? count : 0;

    /// <summary>The counts of several stores added up by kind.</summary>
    public static LearnerFootprint Combine(IEnumerable<LearnerFootprint> footprints)
    {
        ArgumentNullException.ThrowIfNull(footprints);
        var sum = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (kind, count) in footprints.SelectMany(f => f.Counts))
        {
            sum[kind] = sum.GetValueOrDefault(kind) + count;
        }

        return new LearnerFootprint(sum);
    }
}
