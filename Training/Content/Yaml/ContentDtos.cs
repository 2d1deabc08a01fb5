namespace Beacon.Training.Content.Yaml;

// The YAML shape of the pack, as written by content authors. Every scalar is read as a string
// (a version of "one" or a date of "28/11/2026" is a validation problem, not a parse failure),
// and every node remembers its line and the lines of its keys so problems can point at them.
// Property names map to snake_case keys through UnderscoredNamingConvention.

/// <summary>A YAML mapping read into a DTO, with the positions of its keys and any shape issues.</summary>
internal abstract class YamlDto
{
    /// <summary>1-based line where the mapping starts.</summary>
    public int Line { get; set; }

    /// <summary>1-based line of each key present in the YAML.</summary>
    public Dictionary<string, int> KeyLines { get; } = new(StringComparer.Ordinal);

    /// <summary>Unknown keys, duplicate keys and wrong shapes found while reading this mapping.</summary>
    public List<YamlIssue> Issues { get; } = [];

    public bool Has(string key) => KeyLines.ContainsKey(key);

    public int LineOf(string key) => KeyLines.TryGetValue(key, out var line) ? line : Line;
}

/// <summary>A problem found while reading YAML into a DTO; <see cref="Field"/> is relative to the DTO.</summary>
internal sealed record YamlIssue(string Field, int Line, string Rule, string Message);

internal sealed class QuestionFileDto : YamlDto
{
    public List<QuestionDto?>? Questions { get; set; }
}

internal sealed class QuestionDto : YamlDto
{
    public string? Id { get; set; }

    public string? Version { get; set; }

    public string? Topic { get; set; }

    public List<string?>? Tracks { get; set; }

    public List<string?>? Jurisdiction { get; set; }

    public ReviewDto? Review { get; set; }

    public string? Difficulty { get; set; }

    public string? Locale { get; set; }

    public string? Indicator { get; set; }

    public string? Stem { get; set; }

    public List<OptionDto?>? Options { get; set; }

    public List<string?>? Correct { get; set; }

    public string? Explanation { get; set; }

    public string? WhatToDo { get; set; }

    public SourceDto? Source { get; set; }
}

internal sealed class OptionDto : YamlDto
{
    public string? Id { get; set; }

    public string? Text { get; set; }

    public string? Feedback { get; set; }
}

internal sealed class SourceDto : YamlDto
{
    public string? Title { get; set; }

    public string? Url { get; set; }
}

internal sealed class ReviewDto : YamlDto
{
    public List<string?>? Roles { get; set; }

    public string? Date { get; set; }
}

internal sealed class RefresherFileDto : YamlDto
{
    public List<RefresherDto?>? Refreshers { get; set; }
}

internal sealed class RefresherDto : YamlDto
{
    public string? Id { get; set; }

    public string? Version { get; set; }

    public string? Topic { get; set; }

    public List<string?>? Tracks { get; set; }

    public List<string?>? Jurisdiction { get; set; }

    public ReviewDto? Review { get; set; }

    public List<string?>? Indicators { get; set; }

    public string? Locale { get; set; }

    public string? Title { get; set; }

    public List<string?>? KeyPoints { get; set; }

    public string? WhatToDo { get; set; }

    public SourceDto? Source { get; set; }
}

internal sealed class RegionsFileDto : YamlDto
{
    public string? DefaultRegion { get; set; }

    public List<RegionDto?>? Regions { get; set; }
}

internal sealed class RegionDto : YamlDto
{
    public string? Code { get; set; }

    public string? Name { get; set; }

    public List<string?>? Countries { get; set; }

    public EmergencyDto? Emergency { get; set; }

    public List<LineDto?>? Lines { get; set; }

    public string? Notes { get; set; }

    public string? ReviewBy { get; set; }
}

internal sealed class EmergencyDto : YamlDto
{
    public string? Number { get; set; }

    public SourceDto? Source { get; set; }

    public string? Verified { get; set; }
}

internal sealed class LineDto : YamlDto
{
    public string? Name { get; set; }

    public string? Phone { get; set; }

    public string? Text { get; set; }

    public string? Web { get; set; }

    public string? Hours { get; set; }

    public SourceDto? Source { get; set; }

    public string? Verified { get; set; }
}
