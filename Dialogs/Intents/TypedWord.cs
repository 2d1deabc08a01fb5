namespace Beacon.Dialogs.Intents;

/// <summary>
/// A word as typed (for its capitals) with its lookup key (lower case, no accents). Place names
/// need the capitals: "in NY" is a place and "in ny" is not, "in Reading" is and "reading" is not.
/// </summary>
public readonly record struct TypedWord(string Typed, string Key)
{
    /// <summary>Every letter a capital ("NY", "US").</summary>
    public bool IsCapitals => Typed.Any(char.IsLetter) && !Typed.Any(char.IsLower);

    /// <summary>Begins with a capital ("Reading").</summary>
    public bool IsCapitalised => char.IsUpper(Typed[0]);

    /// <summary>The words of <paramref name="text"/>, split as <see cref="TextNormalizer"/> splits them.</summary>
    public static IReadOnlyList<TypedWord> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<TypedWord>();
        var start = -1;
        var apostrophes = false;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            if (char.IsLetterOrDigit(c) || (start >= 0 && char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark))
            {
                start = start < 0 ? i : start;
            }
            else if (start >= 0 && c is '\'' or '\u2019')
            {
                apostrophes = true;
            }
            else if (start >= 0)
            {
                var typed = text[start..i];
                typed = apostrophes ? typed.Replace("'", string.Empty, StringComparison.Ordinal).Replace("\u2019", string.Empty, StringComparison.Ordinal) : typed;
                words.Add(new TypedWord(typed, PlaceNames.Key(typed)));
                start = -1;
                apostrophes = false;
            }
        }

        return words;
    }
}
