namespace Beacon.Storage;

using System.Text.Json;
using Beacon.Training.Reporting;

/// <summary>The one text form both stores use for a safeguarding route's recipients: a JSON array.</summary>
internal static class StoredRecipients
{
    public static string Format(IReadOnlyList<SafeguardingRecipient> recipients) => JsonSerializer.Serialize(recipients);

    public static IReadOnlyList<SafeguardingRecipient> Parse(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<SafeguardingRecipient>>(json) ?? [];
}
