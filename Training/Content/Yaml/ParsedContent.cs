namespace Beacon.Training.Content.Yaml;

/// <summary>One content file read into its DTO.</summary>
internal sealed record ParsedFile<T>(string File, T Dto)
    where T : YamlDto;

/// <summary>Everything read from a content directory, before validation and mapping.</summary>
internal sealed class ParsedContent
{
    public List<ParsedFile<QuestionFileDto>> QuestionFiles { get; } = [];

    public List<ParsedFile<RefresherFileDto>> RefresherFiles { get; } = [];

    public ParsedFile<RegionsFileDto>? Regions { get; set; }

    /// <summary>Problems found while finding and parsing files (missing folders, YAML syntax).</summary>
    public List<ContentProblem> FileProblems { get; } = [];

    /// <summary>
    /// False when a question or refresher file could not be parsed: coverage rules are then
    /// skipped, because "topic X has no question" would only be noise.
    /// </summary>
    public bool AllItemFilesRead { get; set; } = true;
}
