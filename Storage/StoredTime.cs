namespace Beacon.Storage;

using System.Globalization;

/// <summary>
/// The one text form both stores use for <see cref="DateTimeOffset"/>: ISO-8601 round-trip ("O"),
/// which keeps every tick and the exact offset (Azure Table DateTime would drop the offset).
/// </summary>
internal static class StoredTime
{
    public static string Format(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);

    public static string? Format(DateTimeOffset? value) => value is { } v ? Format(v) : null;

    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.ParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.None);

    public static DateTimeOffset? ParseNullable(string? text) => text is null ? null : Parse(text);
}
