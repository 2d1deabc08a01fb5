namespace Beacon.Storage.AzureTables;

using System.Globalization;
using System.Text;
using Beacon.Training.Learners;

/// <summary>
/// Key design of the Azure Table store.
/// <code>
/// Table {prefix}Learners      one row per learner profile
///   PartitionKey = esc(tenantId)                   all learners of a tenant: ListActiveAsync is one
///   RowKey       = esc(learnerId)                  partition query (filter Active eq true, paged)
///
/// Table {prefix}LearnerData   everything that belongs to one learner
///   PartitionKey = esc(tenantId) + "|" + esc(learnerId)
///   RowKey       = "issued|" + esc(promptId)       issued question   (AddEntity: add if absent)
///                  "answer|" + esc(promptId)       answer log entry  (AddEntity; 409 = redelivery, read back)
///                  "review|" + esc(questionId)     review state      (AddEntity / UpdateEntity with ETag)
/// </code>
/// esc() replaces the characters Azure forbids in keys (<c>/ \ # ?</c> and control characters),
/// the separator <c>|</c>, the escape character <c>~</c> itself and a few characters that are
/// legal but troublesome in URLs or filters (<c>% + '</c>) by <c>~XX</c> (two hex digits), so
/// keys are valid, deterministic and injective: ("a|b", "c") and ("a", "b|c") never meet.
/// Every row also stores the original ids as plain properties; keys are never decoded.
/// The profile lives only in the tenant-keyed table (not as a "profile" row plus an index row),
/// so an upsert is one atomic write and the list can never disagree with the profile.
/// Prefix range scans use the character after '|' ('}') as the exclusive upper bound.
/// </summary>
internal static class TableKeys
{
    public const string IssuedPrefix = "issued|";
    public const string AnswerPrefix = "answer|";
    public const string ReviewPrefix = "review|";

    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        StringBuilder? builder = null;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (NeedsEscape(c))
            {
                builder ??= new StringBuilder(value.Length + 8).Append(value, 0, i);
                builder.Append('~').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder?.Append(c);
            }
        }

        return builder?.ToString() ?? value;
    }

    public static string Tenant(string tenantId) => Escape(tenantId);

    public static string LearnerRow(LearnerKey key) => Escape(key.LearnerId);

    public static string LearnerPartition(LearnerKey key) => Escape(key.TenantId) + "|" + Escape(key.LearnerId);

    public static string Issued(string promptId) => IssuedPrefix + Escape(promptId);

    public static string Answer(string promptId) => AnswerPrefix + Escape(promptId);

    public static string Review(string questionId) => ReviewPrefix + Escape(questionId);

    /// <summary>The exclusive upper bound of a "kind|" RowKey range: "kind}".</summary>
    public static string PrefixEnd(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);

    // Every escaped character is below U+0100, so two hex digits suffice.
    private static bool NeedsEscape(char c) =>
        c is '/' or '\\' or '#' or '?' or '|' or '~' or '%' or '+' or '\'' || char.IsControl(c);
}
