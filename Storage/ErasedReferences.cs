namespace Beacon.Storage;

using Beacon.Training.Learners;
using Beacon.Training.Reporting;

/// <summary>How both stores anonymise a forgotten person inside records that are not theirs.</summary>
internal static class ErasedReferences
{
    /// <summary>The ids joined by <paramref name="separator"/> with <paramref name="learnerId"/> replaced by <see cref="ErasedPerson.Id"/>; null when it is not among them.</summary>
    public static string? ReplaceInList(string joined, char separator, string learnerId)
    {
        var ids = joined.Split(separator);
        if (!ids.Contains(learnerId, StringComparer.Ordinal))
        {
            return null;
        }

        return string.Join(separator, ids.Select(id => string.Equals(id, learnerId, StringComparison.Ordinal) ? ErasedPerson.Id : id));
    }

    /// <summary>
    /// The route's recipients with the forgotten person's name dropped (their id stays, so concerns keep
    /// reaching them until a manager changes the route); null when they are not a named recipient.
    /// </summary>
    public static IReadOnlyList<SafeguardingRecipient>? WithoutName(IReadOnlyList<SafeguardingRecipient> recipients, string learnerId)
    {
        if (!recipients.Any(r => r.AadObjectId == learnerId && r.DisplayName is not null))
        {
            return null;
        }

        return [.. recipients.Select(r => r.AadObjectId == learnerId ? r with { DisplayName = null } : r)];
    }
}
