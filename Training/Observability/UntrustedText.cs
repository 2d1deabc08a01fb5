namespace Beacon.Training.Observability;

using System.Globalization;
using System.Text;

/// <summary>
/// Makes a value that came from outside (an activity's type or ids, a token's issuer, a refusal
/// reason quoting them) safe to put in a log line: control characters, line and paragraph
/// separators and bidirectional overrides are written as escapes, so the value cannot forge or
/// break lines, and it is cut to a short length, so a large value cannot flood the log.
/// </summary>
public static class UntrustedText
{
    /// <summary>Enough for any Teams id (user, conversation, activity) whole.</summary>
    public const int DefaultMaxLength = 128;

    /// <summary>What a missing value is logged as.</summary>
    public const string Missing = "(none)";

    /// <summary>The value escaped and, when longer than <paramref name="maxLength"/> once escaped, cut with a note of its original length.</summary>
    public static string ForLog(string? value, int maxLength = DefaultMaxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        if (value is null)
        {
            return Missing;
        }

        if (value.Length <= maxLength && !value.Any(NeedsEscape))
        {
            return value;
        }

        var builder = new StringBuilder(Math.Min(value.Length, maxLength) + 32);
        var index = 0;
        while (index < value.Length)
        {
            var (escaped, consumed) = Escape(value, index);
            if (builder.Length + escaped.Length > maxLength)
            {
                break;
            }

            builder.Append(escaped);
            index += consumed;
        }

        if (index < value.Length)
        {
            builder.Append(CultureInfo.InvariantCulture, $"...[cut, {value.Length} chars]");
        }

        return builder.ToString();
    }

    /// <summary>The text one character (or one surrogate pair, kept whole) becomes, and how many characters it took.</summary>
    private static (string Text, int Consumed) Escape(string value, int index)
    {
        var c = value[index];
        if (char.IsHighSurrogate(c) && index + 1 < value.Length && char.IsLowSurrogate(value[index + 1]))
        {
            return (value.Substring(index, 2), 2);
        }

        var text = !NeedsEscape(c) ? c.ToString() : c switch
        {
            '\r' => "\\r",
            '\n' => "\\n",
            '\t' => "\\t",
            '\\' => "\\\\",
            _ => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
        };
        return (text, 1);
    }

    private static bool NeedsEscape(char c) =>
        char.IsControl(c)
        || c == '\\'
        || char.IsSurrogate(c)
        || c is '\u2028' or '\u2029' // line and paragraph separators
        || c is >= '\u202A' and <= '\u202E' // bidirectional embeddings and overrides
        || c is >= '\u2066' and <= '\u2069'; // bidirectional isolates
}
