namespace Beacon.Dialogs.Intents;

using System.Globalization;
using System.Text;

/// <summary>Lower-case words without punctuation or accents, for matching typed text.</summary>
public static class TextNormalizer
{
    public static IReadOnlyList<string> Words(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : c == '\'' || c == '\u2019' ? '\0' : ' ');
        }

        return builder.ToString().Replace("\0", string.Empty, StringComparison.Ordinal)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }
}
