namespace Beacon.Training.Content;

using Beacon.Training.Content.Yaml;

/// <summary>
/// Reads a content directory (<c>questions/*.yaml</c>, <c>refreshers/*.yaml</c>,
/// <c>reporting/regions.yaml</c>), validates it and maps it to a <see cref="ContentPack"/>. Bad
/// content never throws: every problem is returned with its file, item id and field.
/// </summary>
public static class ContentPackLoader
{
    public const string QuestionsDirectory = "questions";

    public const string RefreshersDirectory = "refreshers";

    /// <summary>Loads and validates the pack in <paramref name="directory"/>.</summary>
    /// <param name="directory">The content directory.</param>
    /// <param name="previous">
    /// The previous pack (for example main's content), to report ids whose wording changed without
    /// a version bump (error) and ids that are gone (warning). Null skips that check.
    /// </param>
    /// <param name="options">The day to check regions' review dates on (null: today by the system clock), and whether overdue regions are allowed.</param>
    public static ContentLoadResult Load(string directory, ContentLoadResult? previous = null, ContentLoadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var parsed = Parse(directory);
        var outcome = ContentValidator.Validate(parsed, options ?? ContentLoadOptions.On(TimeProvider.System));
        var problems = outcome.Problems.ToList();
        var locations = Locations(parsed);
        var partial = Map(parsed, outcome.Broken);

        var previousPack = previous?.PartialPack;
        if (previousPack is not null && partial is not null)
        {
            problems.AddRange(ContentValidator.CheckVersions(previousPack, partial, locations, previous!.Locations));
        }

        return new ContentLoadResult(partial, problems, partial, locations);
    }

    /// <summary>
    /// Loads the pack for the bot's start-up: the pack, or an
    /// <see cref="InvalidContentPackException"/> whose message lists every error.
    /// </summary>
    public static ContentPack LoadOrThrow(string directory, ContentLoadOptions? options = null)
    {
        var result = Load(directory, options: options);
        return result.Pack ?? throw new InvalidContentPackException(directory, result.Problems);
    }

    private static ParsedContent Parse(string directory)
    {
        var parsed = new ParsedContent();
        if (!System.IO.Directory.Exists(directory))
        {
            parsed.FileProblems.Add(new ContentProblem(directory, null, string.Empty, "the content directory does not exist") { Rule = ContentRules.Files });
            parsed.AllItemFilesRead = false;
            return parsed;
        }

        ReadFolder<QuestionFileDto>(directory, QuestionsDirectory, parsed, parsed.QuestionFiles);
        ReadFolder<RefresherFileDto>(directory, RefreshersDirectory, parsed, parsed.RefresherFiles);

        var regionsPath = Path.Combine(directory, "reporting", "regions.yaml");
        if (!File.Exists(regionsPath))
        {
            parsed.FileProblems.Add(new ContentProblem(ContentValidator.RegionsFile, null, string.Empty, "the file is missing: every pack needs its reporting regions") { Rule = ContentRules.Files });
        }
        else
        {
            var dto = ContentYamlReader.Read<RegionsFileDto>(regionsPath, ContentValidator.RegionsFile, out var problem);
            if (problem is not null)
            {
                parsed.FileProblems.Add(problem);
            }

            if (dto is not null)
            {
                parsed.Regions = new ParsedFile<RegionsFileDto>(ContentValidator.RegionsFile, dto);
            }
        }

        return parsed;
    }

    private static void ReadFolder<T>(string directory, string folder, ParsedContent parsed, List<ParsedFile<T>> files)
        where T : YamlDto, new()
    {
        var path = Path.Combine(directory, folder);
        var paths = System.IO.Directory.Exists(path)
            ? System.IO.Directory.EnumerateFiles(path)
                .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];
        if (paths.Count == 0)
        {
            parsed.FileProblems.Add(new ContentProblem(folder + "/", null, string.Empty, $"no .yaml files found in {folder}/") { Rule = ContentRules.Files });
            parsed.AllItemFilesRead = false;
            return;
        }

        foreach (var file in paths)
        {
            var relative = folder + "/" + Path.GetFileName(file);
            var dto = ContentYamlReader.Read<T>(file, relative, out var problem);
            if (problem is not null)
            {
                parsed.FileProblems.Add(problem);
                parsed.AllItemFilesRead = false;
            }

            if (dto is not null)
            {
                files.Add(new ParsedFile<T>(relative, dto));
            }
        }
    }

    private static Dictionary<string, ContentLocation> Locations(ParsedContent parsed)
    {
        var locations = new Dictionary<string, ContentLocation>(StringComparer.Ordinal);
        foreach (var file in parsed.QuestionFiles)
        {
            foreach (var q in file.Dto.Questions ?? [])
            {
                if (q is not null && !ContentValidator.IsBlank(q.Id))
                {
                    locations.TryAdd(q.Id!.Trim(), new ContentLocation(file.File, q.Line));
                }
            }
        }

        foreach (var file in parsed.RefresherFiles)
        {
            foreach (var r in file.Dto.Refreshers ?? [])
            {
                if (r is not null && !ContentValidator.IsBlank(r.Id))
                {
                    locations.TryAdd(r.Id!.Trim(), new ContentLocation(file.File, r.Line));
                }
            }
        }

        return locations;
    }

    /// <summary>Maps every item without an error of its own; null when nothing could be read.</summary>
    private static ContentPack? Map(ParsedContent parsed, IReadOnlySet<YamlDto> broken)
    {
        var questions = new List<Question>();
        var refreshers = new List<Refresher>();
        var regions = new List<ReportingRegion>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var dto in parsed.QuestionFiles.SelectMany(f => f.Dto.Questions ?? []))
        {
            if (dto is not null && !broken.Contains(dto) && MapQuestion(dto) is { } question && ids.Add(question.Id))
            {
                questions.Add(question);
            }
        }

        foreach (var dto in parsed.RefresherFiles.SelectMany(f => f.Dto.Refreshers ?? []))
        {
            if (dto is not null && !broken.Contains(dto) && MapRefresher(dto) is { } refresher && ids.Add(refresher.Id))
            {
                refreshers.Add(refresher);
            }
        }

        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var dto in parsed.Regions?.Dto.Regions ?? [])
        {
            if (dto is not null && !broken.Contains(dto) && MapRegion(dto) is { } region && codes.Add(region.Code))
            {
                regions.Add(region);
            }
        }

        if (questions.Count == 0 && refreshers.Count == 0 && regions.Count == 0)
        {
            return null;
        }

        var defaultRegion = parsed.Regions?.Dto.DefaultRegion?.Trim() ?? string.Empty;
        return new ContentPack(questions, refreshers, regions, defaultRegion);
    }

    private static Question? MapQuestion(QuestionDto dto)
    {
        var options = dto.Options?
            .Select(o => o is null || Blank(o.Id, o.Text, o.Feedback) ? null : new QuestionOption(o.Id!.Trim(), o.Text!.Trim(), o.Feedback!.Trim()))
            .ToList();
        if (Blank(dto.Id, dto.Topic, dto.Locale, dto.Stem, dto.Explanation, dto.WhatToDo)
            || !int.TryParse(dto.Version, System.Globalization.CultureInfo.InvariantCulture, out var version)
            || !ContentValidator.TryParseDifficulty(dto.Difficulty, out var difficulty)
            || options is null || options.Contains(null)
            || MapSource(dto.Source) is not { } source)
        {
            return null;
        }

        return new Question(
            dto.Id!.Trim(),
            version,
            dto.Topic!.Trim(),
            Strings(dto.Tracks),
            difficulty,
            dto.Locale!.Trim(),
            ContentValidator.IsBlank(dto.Indicator) ? null : dto.Indicator!.Trim(),
            dto.Stem!.Trim(),
            options!,
            Strings(dto.Correct),
            dto.Explanation!.Trim(),
            dto.WhatToDo!.Trim(),
            source)
        {
            Jurisdiction = Strings(dto.Jurisdiction),
            Review = MapReview(dto.Review),
        };
    }

    private static Refresher? MapRefresher(RefresherDto dto)
    {
        if (Blank(dto.Id, dto.Topic, dto.Title, dto.WhatToDo)
            || !int.TryParse(dto.Version, System.Globalization.CultureInfo.InvariantCulture, out var version)
            || MapSource(dto.Source) is not { } source)
        {
            return null;
        }

        return new Refresher(
            dto.Id!.Trim(),
            version,
            dto.Topic!.Trim(),
            Strings(dto.Tracks),
            Strings(dto.Indicators),
            dto.Title!.Trim(),
            Strings(dto.KeyPoints),
            dto.WhatToDo!.Trim(),
            source)
        {
            Jurisdiction = Strings(dto.Jurisdiction),
            Review = MapReview(dto.Review),
        };
    }

    private static ItemReview? MapReview(ReviewDto? dto) =>
        dto is not null && ContentValidator.TryParseDate(dto.Date, out var date) ? new ItemReview(Strings(dto.Roles), date) : null;

    private static ReportingRegion? MapRegion(RegionDto dto)
    {
        if (Blank(dto.Code, dto.Name)
            || dto.Emergency is not { } emergencyDto
            || Blank(emergencyDto.Number)
            || MapSource(emergencyDto.Source) is not { } emergencySource
            || !ContentValidator.TryParseDate(emergencyDto.Verified, out var emergencyVerified))
        {
            return null;
        }

        var lines = new List<ReportingLine>();
        foreach (var line in dto.Lines ?? [])
        {
            if (line is null
                || Blank(line.Name)
                || MapSource(line.Source) is not { } lineSource
                || !ContentValidator.TryParseDate(line.Verified, out var lineVerified))
            {
                return null;
            }

            lines.Add(new ReportingLine(
                line.Name!.Trim(),
                Optional(line.Phone),
                Optional(line.Text),
                ContentValidator.IsHttpsUrl(line.Web) ? new Uri(line.Web!.Trim()) : null,
                Optional(line.Hours),
                lineSource,
                lineVerified));
        }

        return new ReportingRegion(
            dto.Code!.Trim(),
            dto.Name!.Trim(),
            Strings(dto.Countries),
            new EmergencyContact(emergencyDto.Number!.Trim(), emergencySource, emergencyVerified),
            lines,
            Optional(dto.Notes))
        {
            ReviewBy = ContentValidator.TryParseDate(dto.ReviewBy, out var reviewBy) ? reviewBy : null,
        };
    }

    private static Source? MapSource(SourceDto? dto) =>
        dto is null || ContentValidator.IsBlank(dto.Title) || !ContentValidator.IsHttpsUrl(dto.Url)
            ? null
            : new Source(dto.Title!.Trim(), new Uri(dto.Url!.Trim()));

    private static List<string> Strings(List<string?>? values) =>
        values?.Where(v => !ContentValidator.IsBlank(v)).Select(v => v!.Trim()).ToList() ?? [];

    private static string? Optional(string? value) => ContentValidator.IsBlank(value) ? null : value!.Trim();

    private static bool Blank(params string?[] values) => values.Any(ContentValidator.IsBlank);
}
