namespace Beacon.Dialogs.Intents;

/// <summary>
/// A word pattern over normalised words. Tokens are separated by spaces; within a token,
/// <c>a|b</c> are alternatives, a leading <c>?</c> makes it optional, a trailing <c>*</c> matches
/// any word starting so, <c>#</c> matches a number, <c>~N</c> skips up to N words and
/// <c>!a|b</c> requires that the next word is none of those (or that there is none).
/// Alternatives of 6+ letters also match likely typos (see <see cref="TypoTolerance"/>).
/// </summary>
public sealed class PhrasePattern
{
    private readonly Token[] tokens;

    public PhrasePattern(string pattern)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        Text = pattern;
        tokens = pattern.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Token.Parse).ToArray();
    }

    public string Text { get; }

    /// <summary>The literal words this pattern names (no wildcards or numbers).</summary>
    public IEnumerable<string> Words => tokens.SelectMany(token => token.Alternatives).Where(word => word != "#" && !word.EndsWith('*'));

    public bool IsFoundIn(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        for (var start = 0; start < words.Count; start++)
        {
            if (MatchesFrom(words, start, 0))
            {
                return true;
            }
        }

        return false;
    }

    public override string ToString() => Text;

    private bool MatchesFrom(IReadOnlyList<string> words, int position, int tokenIndex)
    {
        if (tokenIndex == tokens.Length)
        {
            return true;
        }

        var token = tokens[tokenIndex];
        switch (token.Kind)
        {
            case TokenKind.Skip:
                for (var skipped = 0; skipped <= token.Skip && position + skipped <= words.Count; skipped++)
                {
                    if (MatchesFrom(words, position + skipped, tokenIndex + 1))
                    {
                        return true;
                    }
                }

                return false;
            case TokenKind.NotNext:
                return (position == words.Count || !token.Matches(words[position])) && MatchesFrom(words, position, tokenIndex + 1);
            default:
                if (position < words.Count && token.Matches(words[position]) && MatchesFrom(words, position + 1, tokenIndex + 1))
                {
                    return true;
                }

                return token.Kind == TokenKind.Optional && MatchesFrom(words, position, tokenIndex + 1);
        }
    }

    private enum TokenKind
    {
        Word,
        Optional,
        Skip,
        NotNext,
    }

    private sealed record Token(TokenKind Kind, string[] Alternatives, int Skip)
    {
        public static Token Parse(string text)
        {
            if (text.StartsWith('~'))
            {
                return new Token(TokenKind.Skip, [], int.Parse(text.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture));
            }

            var kind = text[0] switch
            {
                '?' => TokenKind.Optional,
                '!' => TokenKind.NotNext,
                _ => TokenKind.Word,
            };
            var body = kind == TokenKind.Word ? text : text[1..];
            return new Token(kind, body.Split('|'), 0);
        }

        public bool Matches(string word)
        {
            foreach (var alternative in Alternatives)
            {
                if (alternative == "#" ? word.All(char.IsAsciiDigit)
                    : alternative.EndsWith('*') ? word.StartsWith(alternative[..^1], StringComparison.Ordinal)
                    : TypoTolerance.Matches(word, alternative))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
