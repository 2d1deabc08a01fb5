namespace Beacon.Training.Learners;

/// <summary>Identifies a learner: tenant first, then the learner's stable user id (Entra object id when known).</summary>
public readonly record struct LearnerKey(string TenantId, string LearnerId)
{
    public override string ToString() => $"{TenantId}/{LearnerId}";
}
