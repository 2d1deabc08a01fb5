namespace Beacon.Tests.Deployment;

using System.Text;
using System.Text.Json;

/// <summary>
/// Just enough of a Dockerfile reader for the consistency checks: line continuations, comments,
/// build stages, ENV (key=value form), and JSON or shell forms of ENTRYPOINT, VOLUME and EXPOSE.
/// </summary>
internal sealed class Dockerfile
{
    private Dockerfile(IReadOnlyList<Stage> stages)
    {
        Stages = stages;
    }

    public IReadOnlyList<Stage> Stages { get; }

    /// <summary>The stage the image runs: the last one.</summary>
    public Stage Final => Stages[^1];

    public static Dockerfile Parse(string text)
    {
        var stages = new List<Stage>();
        foreach (var (keyword, arguments) in Instructions(text))
        {
            if (keyword == "FROM")
            {
                stages.Add(new Stage(arguments));
            }
            else if (stages.Count == 0)
            {
                if (keyword != "ARG")
                {
                    throw new FormatException($"{keyword} before the first FROM");
                }
            }
            else
            {
                stages[^1].Instructions.Add((keyword, arguments));
            }
        }

        if (stages.Count == 0)
        {
            throw new FormatException("no FROM instruction");
        }

        return new Dockerfile(stages);
    }

    /// <summary>A JSON array (exec form) or, failing that, whitespace-separated words (shell form).</summary>
    public static IReadOnlyList<string> Words(string arguments)
    {
        var trimmed = arguments.Trim();
        if (trimmed.StartsWith('['))
        {
            return JsonSerializer.Deserialize<string[]>(trimmed) ?? [];
        }

        return trimmed.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
    }

    private static IEnumerable<(string Keyword, string Arguments)> Instructions(string text)
    {
        var logical = new StringBuilder();
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith('#'))
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                logical.Append(line[..^1]).Append(' ');
                continue;
            }

            logical.Append(line);
            var instruction = logical.ToString().Trim();
            logical.Clear();
            if (instruction.Length == 0)
            {
                continue;
            }

            var space = instruction.IndexOfAny([' ', '\t']);
            yield return space < 0
                ? (instruction.ToUpperInvariant(), string.Empty)
                : (instruction[..space].ToUpperInvariant(), instruction[(space + 1)..].Trim());
        }
    }

    internal sealed class Stage(string from)
    {
        /// <summary>The FROM arguments, e.g. <c>mcr.microsoft.com/dotnet/sdk:10.0 AS build</c>.</summary>
        public string From { get; } = from;

        public string Image => Words(From)[0];

        public List<(string Keyword, string Arguments)> Instructions { get; } = [];

        public IEnumerable<string> All(string keyword) =>
            Instructions.Where(i => i.Keyword == keyword).Select(i => i.Arguments);

        public string? Last(string keyword) => All(keyword).LastOrDefault();

        /// <summary>The stage's environment from its ENV instructions (key=value pairs, optionally quoted).</summary>
        public IReadOnlyDictionary<string, string> Environment()
        {
            var environment = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var arguments in All("ENV"))
            {
                foreach (var pair in SplitPairs(arguments))
                {
                    var equals = pair.IndexOf('=', StringComparison.Ordinal);
                    if (equals <= 0)
                    {
                        throw new FormatException($"ENV '{arguments}': use the key=value form");
                    }

                    environment[pair[..equals]] = pair[(equals + 1)..].Trim('"');
                }
            }

            return environment;
        }

        private static IEnumerable<string> SplitPairs(string arguments)
        {
            var current = new StringBuilder();
            var quoted = false;
            foreach (var c in arguments)
            {
                if (c == '"')
                {
                    quoted = !quoted;
                }

                if (char.IsWhiteSpace(c) && !quoted)
                {
                    if (current.Length > 0)
                    {
                        yield return current.ToString();
                        current.Clear();
                    }

                    continue;
                }

                current.Append(c);
            }

            if (current.Length > 0)
            {
                yield return current.ToString();
            }
        }
    }
}
