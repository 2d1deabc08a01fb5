namespace Beacon.Training.Content;

using System.Text.RegularExpressions;

/// <summary>
/// Placeholders an item's text may hold, filled from the learner's region when a card is built:
/// <c>{emergency}</c> is the region's emergency number, <c>{hotline}</c> its first specialist line
/// with the way to reach it.
/// </summary>
public static partial class Placeholders
{
    public const string Emergency = "emergency";

    public const string Hotline = "hotline";

    public static IReadOnlyList<string> All { get; } = [Emergency, Hotline];

    /// <summary>The names inside braces in <paramref name="text"/>, known or not.</summary>
    public static IEnumerable<string> NamesIn(string? text) =>
        text is null ? [] : PlaceholderPattern().Matches(text).Select(m => m.Groups[1].Value);

    /// <summary><paramref name="text"/> with every known placeholder replaced by the region's value.</summary>
    public static string Fill(string text, ReportingRegion region)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(region);
        if (!text.Contains('{', StringComparison.Ordinal))
        {
            return text;
        }

        return PlaceholderPattern().Replace(text, m => m.Groups[1].Value switch
        {
            Emergency => region.Emergency.Number,
            Hotline => HotlineOf(region),
            _ => m.Value,
        });
    }

    /// <summary>The question with its text filled for <paramref name="region"/>; the same instance when it has no placeholder or the region is unknown.</summary>
    public static Question Fill(Question question, ReportingRegion? region)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (region is null)
        {
            return question;
        }

        var options = question.Options.Select(o => o with { Text = Fill(o.Text, region), Feedback = Fill(o.Feedback, region) }).ToList();
        var filled = question with
        {
            Stem = Fill(question.Stem, region),
            Options = options,
            Explanation = Fill(question.Explanation, region),
            WhatToDo = Fill(question.WhatToDo, region),
        };
        return Same(question.Stem, filled.Stem) && Same(question.Explanation, filled.Explanation) && Same(question.WhatToDo, filled.WhatToDo)
            && question.Options.Zip(options).All(p => Same(p.First.Text, p.Second.Text) && Same(p.First.Feedback, p.Second.Feedback))
            ? question
            : filled;
    }

    /// <summary>The refresher with its text filled for <paramref name="region"/>; the same instance when it has no placeholder or the region is unknown.</summary>
    public static Refresher Fill(Refresher refresher, ReportingRegion? region)
    {
        ArgumentNullException.ThrowIfNull(refresher);
        if (region is null)
        {
            return refresher;
        }

        var points = refresher.KeyPoints.Select(p => Fill(p, region)).ToList();
        var filled = refresher with { Title = Fill(refresher.Title, region), KeyPoints = points, WhatToDo = Fill(refresher.WhatToDo, region) };
        return Same(refresher.Title, filled.Title) && Same(refresher.WhatToDo, filled.WhatToDo)
            && refresher.KeyPoints.Zip(points).All(p => Same(p.First, p.Second))
            ? refresher
            : filled;
    }

    /// <summary>"Name (phone)", or the text number or web address when the line has no phone.</summary>
    private static string HotlineOf(ReportingRegion region)
    {
        if (region.Lines.Count == 0)
        {
            return "your national anti-trafficking line";
        }

        var line = region.Lines[0];
        var reach = line.Phone ?? (line.Text is { } text ? "text " + text : line.Web?.ToString());
        return reach is null ? line.Name : $"{line.Name} ({reach})";
    }

    private static bool Same(string before, string after) => ReferenceEquals(before, after) || string.Equals(before, after, StringComparison.Ordinal);

    [GeneratedRegex(@"\{([^{}\s]*)\}")]
    private static partial Regex PlaceholderPattern();
}
