namespace Beacon.Training.Content;

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Beacon.Training.Content.Yaml;

/// <summary>
/// The rules a content pack must keep. Every problem names the file, the item id and the field
/// (see <see cref="ContentRules"/> for the rule names). The structural rules run on what the YAML
/// says, before mapping, so a broken item is still reported in full; the version rules compare
/// two loaded packs.
/// </summary>
public static partial class ContentValidator
{
    /// <summary>About 30 seconds of reading at a comfortable pace.</summary>
    public const int MaxStemLength = 450;

    public const int MinOptions = 3;

    public const int MaxOptions = 4;

    public const int MinKeyPoints = 3;

    public const int MaxKeyPoints = 5;

    /// <summary>Folder-level "file" of problems about question coverage.</summary>
    public const string QuestionsFolder = "questions/";

    /// <summary>Folder-level "file" of problems about refresher coverage.</summary>
    public const string RefreshersFolder = "refreshers/";

    /// <summary>The reporting data file, relative to the content directory.</summary>
    public const string RegionsFile = "reporting/regions.yaml";

    private static readonly Dictionary<string, Difficulty> Difficulties = new(StringComparer.Ordinal)
    {
        ["recognition"] = Difficulty.Recognition,
        ["application"] = Difficulty.Application,
        ["judgement"] = Difficulty.Judgement,
    };

    /// <summary>True for lowercase letters and digits in groups joined by single hyphens.</summary>
    public static bool IsWellFormedId(string? id) => id is not null && IdPattern().IsMatch(id);

    /// <summary>
    /// Compares a pack with the previous one: an id whose wording (question stem, options or
    /// correct answer; refresher title or key points) changed without a higher version is an error,
    /// because learners' history follows the id; an id that is gone is a warning.
    /// </summary>
    /// <param name="previous">The pack as it was (for example the content of the main branch).</param>
    /// <param name="current">The pack as it is now.</param>
    /// <param name="currentLocations">Where the current ids are (names the file and line; an id present here counts as not removed).</param>
    /// <param name="previousLocations">Where the previous ids were (names the file of a removed id).</param>
    public static IReadOnlyList<ContentProblem> CheckVersions(
        ContentPack previous,
        ContentPack current,
        IReadOnlyDictionary<string, ContentLocation>? currentLocations = null,
        IReadOnlyDictionary<string, ContentLocation>? previousLocations = null)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(current);
        var problems = new List<ContentProblem>();
        var before = Wordings(previous);
        var after = Wordings(current);
        foreach (var (id, old) in before)
        {
            if (!after.TryGetValue(id, out var now))
            {
                if (currentLocations is null || !currentLocations.ContainsKey(id))
                {
                    var file = previousLocations is not null && previousLocations.TryGetValue(id, out var was) ? was.File : old.Folder;
                    problems.Add(new ContentProblem(file, id, "id", "this id is gone from the pack; learners' history for it is kept but no longer used (if the item was only edited, keep its id and bump its version)")
                    {
                        Rule = ContentRules.IdRemoved,
                        Severity = ContentSeverity.Warning,
                    });
                }

                continue;
            }

            var location = currentLocations is not null && currentLocations.TryGetValue(id, out var here) ? here : null;
            var nowFile = location?.File ?? now.Folder;
            if (now.Version < old.Version)
            {
                problems.Add(new ContentProblem(nowFile, id, "version", Invariant($"version went down from {old.Version} to {now.Version}; versions only go up"))
                {
                    Rule = ContentRules.VersionBump,
                    Line = location?.Line,
                });
                continue;
            }

            var changed = old.Parts.Where(p => !string.Equals(p.Value, now.Parts[p.Key], StringComparison.Ordinal)).Select(p => p.Key).ToList();
            if (changed.Count > 0 && now.Version == old.Version)
            {
                problems.Add(new ContentProblem(nowFile, id, "version", Invariant($"the {string.Join(" and ", changed)} changed but version is still {now.Version}; set version: {now.Version + 1} so learners' history stays honest"))
                {
                    Rule = ContentRules.VersionBump,
                    Line = location?.Line,
                });
            }
        }

        return problems;
    }

    /// <summary>Runs every structural rule on a parsed directory, and the regions' review dates against <paramref name="options"/>.</summary>
    internal static ValidationOutcome Validate(ParsedContent content, ContentLoadOptions options)
    {
        var run = new Run();
        run.Problems.AddRange(content.FileProblems);
        var facts = FactsOf(content);
        var questions = new List<(QuestionDto Dto, Scope Scope)>();
        foreach (var file in content.QuestionFiles)
        {
            Issues(run, new Scope(file.File, null, string.Empty), file.Dto, null);
            if (file.Dto.Questions is null or { Count: 0 })
            {
                run.Add(ContentRules.Required, new Scope(file.File, null, string.Empty), "questions", file.Dto.LineOf("questions"), "the file needs a top-level 'questions:' list with at least one question");
                continue;
            }

            for (var i = 0; i < file.Dto.Questions.Count; i++)
            {
                var dto = file.Dto.Questions[i];
                var position = Invariant($"questions[{i}]");
                if (dto is null)
                {
                    run.Add(ContentRules.Required, new Scope(file.File, null, string.Empty), position, file.Dto.LineOf("questions"), "an empty entry in the questions list");
                    continue;
                }

                var scope = ItemScope(file.File, dto.Id, position);
                questions.Add((dto, scope));
                run.Current = dto;
                CheckQuestion(run, dto, scope);
                CheckWhere(run, scope, dto, dto.Jurisdiction, dto.Review, TextsOf(dto), facts);
            }
        }

        var refreshers = new List<(RefresherDto Dto, Scope Scope)>();
        foreach (var file in content.RefresherFiles)
        {
            run.Current = null;
            Issues(run, new Scope(file.File, null, string.Empty), file.Dto, null);
            if (file.Dto.Refreshers is null or { Count: 0 })
            {
                run.Add(ContentRules.Required, new Scope(file.File, null, string.Empty), "refreshers", file.Dto.LineOf("refreshers"), "the file needs a top-level 'refreshers:' list with at least one refresher");
                continue;
            }

            for (var i = 0; i < file.Dto.Refreshers.Count; i++)
            {
                var dto = file.Dto.Refreshers[i];
                var position = Invariant($"refreshers[{i}]");
                if (dto is null)
                {
                    run.Add(ContentRules.Required, new Scope(file.File, null, string.Empty), position, file.Dto.LineOf("refreshers"), "an empty entry in the refreshers list");
                    continue;
                }

                var scope = ItemScope(file.File, dto.Id, position);
                refreshers.Add((dto, scope));
                run.Current = dto;
                CheckRefresher(run, dto, scope);
                CheckWhere(run, scope, dto, dto.Jurisdiction, dto.Review, TextsOf(dto), facts);
            }
        }

        run.Current = null;
        CheckUniqueIds(run, questions, refreshers);
        CheckDuplicateStems(run, questions);
        CheckRightLongest(run, questions);
        if (content.AllItemFilesRead)
        {
            CheckCoverage(run, questions, refreshers);
            CheckRegionCoverage(run, questions, refreshers, facts);
        }

        if (content.Regions is not null)
        {
            CheckRegions(run, content.Regions.File, content.Regions.Dto, options);
        }

        return new ValidationOutcome(run.Problems, run.Broken);
    }

    private static void CheckQuestion(Run run, QuestionDto q, Scope s)
    {
        Issues(run, s, q, null);
        CheckId(run, s, q, q.Id);
        CheckVersion(run, s, q, q.Version);
        CheckTopic(run, s, q, q.Topic);
        CheckTracks(run, s, q, q.Tracks);

        if (IsBlank(q.Difficulty))
        {
            run.Add(ContentRules.Required, s, "difficulty", q.LineOf("difficulty"), "difficulty is missing (recognition, application or judgement)");
        }
        else if (!Difficulties.ContainsKey(q.Difficulty!.Trim()))
        {
            run.Add(ContentRules.Difficulty, s, "difficulty", q.LineOf("difficulty"), $"unknown difficulty '{q.Difficulty}' (use recognition, application or judgement)");
        }

        CheckLocale(run, s, q, q.Locale, required: true);

        if (IsBlank(q.Stem))
        {
            run.Add(ContentRules.Required, s, "stem", q.LineOf("stem"), "stem is missing");
        }
        else if (q.Stem!.Trim().Length > MaxStemLength)
        {
            run.Add(ContentRules.StemLength, s, "stem", q.LineOf("stem"), Invariant($"stem is {q.Stem.Trim().Length} characters; keep it to {MaxStemLength} or fewer (about 30 seconds of reading)"));
        }

        CheckOptions(run, s, q);
        CheckCorrect(run, s, q);

        if (IsBlank(q.Explanation))
        {
            run.Add(ContentRules.Explanation, s, "explanation", q.LineOf("explanation"), "explanation is missing (say why, and what to do)");
        }

        if (IsBlank(q.WhatToDo))
        {
            run.Add(ContentRules.WhatToDo, s, "what_to_do", q.LineOf("what_to_do"), "what_to_do is missing");
        }

        CheckSource(run, s, q, q.Source, ContentRules.Source, "source");
    }

    private static void CheckOptions(Run run, Scope s, QuestionDto q)
    {
        if (q.Options is null)
        {
            run.Add(ContentRules.Required, s, "options", q.LineOf("options"), Invariant($"options are missing ({MinOptions} to {MaxOptions})"));
            return;
        }

        if (q.Options.Count is < MinOptions or > MaxOptions)
        {
            run.Add(ContentRules.OptionCount, s, "options", q.LineOf("options"), Invariant($"a question needs {MinOptions} to {MaxOptions} options; this one has {q.Options.Count}"));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < q.Options.Count; i++)
        {
            var option = q.Options[i];
            var field = Invariant($"options[{i}]");
            if (option is null)
            {
                run.Add(ContentRules.Required, s, field, q.LineOf("options"), "an empty entry in the options list");
                continue;
            }

            Issues(run, s, option, field);
            if (IsBlank(option.Id))
            {
                run.Add(ContentRules.Required, s, field + ".id", option.Line, "option id is missing");
            }
            else if (!seen.Add(option.Id!.Trim()))
            {
                run.Add(ContentRules.OptionIdUnique, s, field + ".id", option.LineOf("id"), $"option id '{option.Id}' is used twice in this question");
            }

            if (IsBlank(option.Text))
            {
                run.Add(ContentRules.Required, s, field + ".text", option.LineOf("text"), "option text is missing");
            }

            if (IsBlank(option.Feedback))
            {
                run.Add(ContentRules.Feedback, s, field + ".feedback", option.LineOf("feedback"), "feedback is missing (one line saying why this option is right or wrong)");
            }
        }
    }

    private static void CheckCorrect(Run run, Scope s, QuestionDto q)
    {
        var correct = q.Correct?.Where(c => !IsBlank(c)).Select(c => c!.Trim()).ToList() ?? [];
        if (correct.Count == 0)
        {
            run.Add(ContentRules.Correct, s, "correct", q.LineOf("correct"), "correct is missing; name the id(s) of the right option(s), for example [b]");
            return;
        }

        if (q.Options is null)
        {
            return;
        }

        var optionIds = q.Options.Where(o => o is not null && !IsBlank(o.Id)).Select(o => o!.Id!.Trim()).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < q.Correct!.Count; i++)
        {
            var id = q.Correct[i]?.Trim();
            if (IsBlank(id))
            {
                continue;
            }

            var field = Invariant($"correct[{i}]");
            if (!optionIds.Contains(id!))
            {
                run.Add(ContentRules.Correct, s, field, q.LineOf("correct"), $"'{id}' is not one of the option ids ({string.Join(", ", optionIds)})");
            }
            else if (!seen.Add(id!))
            {
                run.Add(ContentRules.Correct, s, field, q.LineOf("correct"), $"'{id}' is listed twice");
            }
        }

        if (optionIds.Count > 0 && optionIds.All(seen.Contains))
        {
            run.Add(ContentRules.Correct, s, "correct", q.LineOf("correct"), "every option is marked correct; at least one option must be wrong");
        }
    }

    private static void CheckRefresher(Run run, RefresherDto r, Scope s)
    {
        Issues(run, s, r, null);
        CheckId(run, s, r, r.Id);
        CheckVersion(run, s, r, r.Version);
        CheckTopic(run, s, r, r.Topic);
        CheckTracks(run, s, r, r.Tracks);
        CheckLocale(run, s, r, r.Locale, required: false);
        if (IsBlank(r.Title))
        {
            run.Add(ContentRules.Required, s, "title", r.LineOf("title"), "title is missing");
        }

        var points = r.KeyPoints ?? [];
        if (points.Count is < MinKeyPoints or > MaxKeyPoints)
        {
            run.Add(ContentRules.KeyPoints, s, "key_points", r.LineOf("key_points"), Invariant($"a refresher needs {MinKeyPoints} to {MaxKeyPoints} key points; this one has {points.Count}"));
        }

        for (var i = 0; i < points.Count; i++)
        {
            if (IsBlank(points[i]))
            {
                run.Add(ContentRules.KeyPoints, s, Invariant($"key_points[{i}]"), r.LineOf("key_points"), "key point is empty");
            }
        }

        if (IsBlank(r.WhatToDo))
        {
            run.Add(ContentRules.WhatToDo, s, "what_to_do", r.LineOf("what_to_do"), "what_to_do is missing (one line on what to do)");
        }

        CheckSource(run, s, r, r.Source, ContentRules.Source, "source");
    }

    private static void CheckId(Run run, Scope s, YamlDto dto, string? id)
    {
        if (IsBlank(id))
        {
            run.Add(ContentRules.Required, s, "id", dto.LineOf("id"), "id is missing");
        }
        else if (!IsWellFormedId(id!.Trim()))
        {
            run.Add(ContentRules.IdFormat, s, "id", dto.LineOf("id"), $"id '{id}' must be lowercase letters, digits and single hyphens (for example core-indicators-001)");
        }
    }

    private static void CheckVersion(Run run, Scope s, YamlDto dto, string? version)
    {
        if (IsBlank(version))
        {
            run.Add(ContentRules.Required, s, "version", dto.LineOf("version"), "version is missing (start at 1)");
        }
        else if (!int.TryParse(version!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
        {
            run.Add(ContentRules.Version, s, "version", dto.LineOf("version"), $"version '{version}' must be a whole number, 1 or more");
        }
    }

    private static void CheckTopic(Run run, Scope s, YamlDto dto, string? topic)
    {
        if (IsBlank(topic))
        {
            run.Add(ContentRules.Required, s, "topic", dto.LineOf("topic"), "topic is missing");
        }
        else if (!Topic.IsKnown(topic!.Trim()))
        {
            run.Add(ContentRules.Topic, s, "topic", dto.LineOf("topic"), $"unknown topic '{topic}' (use one of: {string.Join(", ", Topic.All)})");
        }
    }

    private static void CheckTracks(Run run, Scope s, YamlDto dto, List<string?>? tracks)
    {
        if (tracks is null || tracks.All(IsBlank))
        {
            run.Add(ContentRules.Required, s, "tracks", dto.LineOf("tracks"), "tracks are missing (for example [core])");
            return;
        }

        for (var i = 0; i < tracks.Count; i++)
        {
            if (!IsBlank(tracks[i]) && !Track.IsKnown(tracks[i]!.Trim()))
            {
                run.Add(ContentRules.Track, s, Invariant($"tracks[{i}]"), dto.LineOf("tracks"), $"unknown track '{tracks[i]}' (use one of: {string.Join(", ", Track.All)})");
            }
        }
    }

    private static void CheckLocale(Run run, Scope s, YamlDto dto, string? locale, bool required)
    {
        if (IsBlank(locale))
        {
            if (required)
            {
                run.Add(ContentRules.Required, s, "locale", dto.LineOf("locale"), "locale is missing (for example en)");
            }
        }
        else if (!LocalePattern().IsMatch(locale!.Trim()))
        {
            run.Add(ContentRules.Locale, s, "locale", dto.LineOf("locale"), $"locale '{locale}' is not a language tag such as en or en-GB");
        }
    }

    private static void CheckSource(Run run, Scope s, YamlDto owner, SourceDto? source, string rule, string field)
    {
        if (source is null)
        {
            run.Add(rule, s, field, owner.LineOf(field.Split('.')[^1]), "source is missing (title and https url of what you checked the fact against)");
            return;
        }

        Issues(run, s, source, field);
        if (IsBlank(source.Title))
        {
            run.Add(rule, s, field + ".title", source.LineOf("title"), "source title is missing");
        }

        if (IsBlank(source.Url))
        {
            run.Add(rule, s, field + ".url", source.LineOf("url"), "source url is missing");
        }
        else if (!IsHttpsUrl(source.Url))
        {
            run.Add(rule, s, field + ".url", source.LineOf("url"), $"source url '{source.Url}' must be an absolute https link");
        }
    }

    private static void CheckUniqueIds(Run run, List<(QuestionDto Dto, Scope Scope)> questions, List<(RefresherDto Dto, Scope Scope)> refreshers)
    {
        var first = new Dictionary<string, (Scope Scope, int Line)>(StringComparer.Ordinal);
        var items = questions.Select(q => (Dto: (YamlDto)q.Dto, Id: q.Dto.Id, q.Scope))
            .Concat(refreshers.Select(r => (Dto: (YamlDto)r.Dto, Id: r.Dto.Id, r.Scope)));
        foreach (var (dto, rawId, scope) in items)
        {
            if (IsBlank(rawId))
            {
                continue;
            }

            var id = rawId!.Trim();
            if (first.TryGetValue(id, out var earlier))
            {
                run.Current = dto;
                run.Add(ContentRules.IdUnique, scope, "id", dto.LineOf("id"), Invariant($"id '{id}' is already used in {earlier.Scope.File} (line {earlier.Line}); every question and refresher needs its own id"));
            }
            else
            {
                first[id] = (scope, dto.LineOf("id"));
            }
        }

        run.Current = null;
    }

    private static void CheckDuplicateStems(Run run, List<(QuestionDto Dto, Scope Scope)> questions)
    {
        var first = new Dictionary<string, (QuestionDto Dto, Scope Scope)>(StringComparer.Ordinal);
        foreach (var (dto, scope) in questions)
        {
            if (IsBlank(dto.Stem))
            {
                continue;
            }

            var key = NormaliseStem(dto.Stem!);
            if (first.TryGetValue(key, out var earlier))
            {
                run.Current = dto;
                var other = earlier.Scope.ItemId ?? "another question";
                run.Add(ContentRules.DuplicateStem, scope, "stem", dto.LineOf("stem"), Invariant($"same stem as {other} in {earlier.Scope.File} (line {earlier.Dto.LineOf("stem")})"));
            }
            else
            {
                first[key] = (dto, scope);
            }
        }

        run.Current = null;
    }

    private static void CheckCoverage(Run run, List<(QuestionDto Dto, Scope Scope)> questions, List<(RefresherDto Dto, Scope Scope)> refreshers)
    {
        var questionTopics = questions.Select(q => q.Dto.Topic?.Trim()).ToHashSet(StringComparer.Ordinal);
        var refresherTopics = refreshers.Select(r => r.Dto.Topic?.Trim()).ToHashSet(StringComparer.Ordinal);
        var tracks = questions.SelectMany(q => q.Dto.Tracks ?? []).Select(t => t?.Trim()).ToHashSet(StringComparer.Ordinal);
        foreach (var topic in Topic.All)
        {
            if (!questionTopics.Contains(topic))
            {
                run.Add(ContentRules.TopicCoverage, new Scope(QuestionsFolder, null, string.Empty), "topic", null, $"no question covers topic '{topic}'");
            }

            if (!refresherTopics.Contains(topic))
            {
                run.Add(ContentRules.TopicCoverage, new Scope(RefreshersFolder, null, string.Empty), "topic", null, $"no refresher covers topic '{topic}'");
            }
        }

        foreach (var track in Track.All)
        {
            if (!tracks.Contains(track))
            {
                run.Add(ContentRules.TrackCoverage, new Scope(QuestionsFolder, null, string.Empty), "tracks", null, $"no question is for track '{track}'");
            }
        }
    }

    private static void CheckRegions(Run run, string file, RegionsFileDto dto, ContentLoadOptions options)
    {
        var fileScope = new Scope(file, null, string.Empty);
        run.Current = null;
        Issues(run, fileScope, dto, null);
        var regions = dto.Regions ?? [];
        if (regions.Count == 0)
        {
            run.Add(ContentRules.Required, fileScope, "regions", dto.LineOf("regions"), "the file needs a 'regions:' list with at least one region");
        }

        var codes = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var countries = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var defaultCode = dto.DefaultRegion?.Trim();

        // With no usable default_region, "only the default region may have no countries" would
        // only repeat the default-region problem.
        var defaultKnown = regions.Exists(r => r is not null && string.Equals(r.Code?.Trim(), defaultCode, StringComparison.OrdinalIgnoreCase));
        for (var i = 0; i < regions.Count; i++)
        {
            var region = regions[i];
            var position = Invariant($"regions[{i}]");
            if (region is null)
            {
                run.Add(ContentRules.Required, fileScope, position, dto.LineOf("regions"), "an empty entry in the regions list");
                continue;
            }

            run.Current = region;
            var code = region.Code?.Trim();
            var s = ItemScope(file, code, position);
            Issues(run, s, region, null);
            if (IsBlank(code))
            {
                run.Add(ContentRules.Required, s, "code", region.LineOf("code"), "region code is missing");
            }
            else if (codes.TryGetValue(code!, out var earlierLine))
            {
                run.Add(ContentRules.RegionCodeUnique, s, "code", region.LineOf("code"), Invariant($"region code '{code}' is already used (line {earlierLine})"));
            }
            else
            {
                codes[code!] = region.LineOf("code");
            }

            if (IsBlank(region.Name))
            {
                run.Add(ContentRules.Required, s, "name", region.LineOf("name"), "region name is missing");
            }

            var isDefault = code is not null && string.Equals(code, defaultCode, StringComparison.OrdinalIgnoreCase);
            var regionCountries = region.Countries ?? [];
            if (regionCountries.All(IsBlank) && !isDefault && defaultKnown)
            {
                run.Add(ContentRules.Required, s, "countries", region.LineOf("countries"), "countries lists no country code (only the default region may have none)");
            }

            for (var c = 0; c < regionCountries.Count; c++)
            {
                var country = regionCountries[c]?.Trim();
                if (IsBlank(country))
                {
                    continue;
                }

                var field = Invariant($"countries[{c}]");
                if (!CountryPattern().IsMatch(country!))
                {
                    run.Add(ContentRules.CountryCode, s, field, region.LineOf("countries"), $"'{country}' is not a two-letter ISO 3166-1 country code in capitals (for example GB)");
                }
                else if (countries.TryGetValue(country!, out var otherRegion))
                {
                    run.Add(ContentRules.CountryUnique, s, field, region.LineOf("countries"), $"country '{country}' is already mapped to region {otherRegion}");
                }
                else
                {
                    countries[country!] = code ?? position;
                }
            }

            CheckEmergency(run, s, region);
            CheckLines(run, s, region);
            CheckReviewBy(run, s, region, options);
        }

        run.Current = null;
        if (IsBlank(defaultCode))
        {
            run.Add(ContentRules.DefaultRegion, fileScope, "default_region", dto.LineOf("default_region"), "default_region is missing (the region used when no country is known)");
        }
        else if (!codes.ContainsKey(defaultCode!))
        {
            run.Add(ContentRules.DefaultRegion, fileScope, "default_region", dto.LineOf("default_region"), $"default_region '{defaultCode}' is not the code of any region");
        }
    }

    private static void CheckEmergency(Run run, Scope s, RegionDto region)
    {
        var emergency = region.Emergency;
        if (emergency is null)
        {
            run.Add(ContentRules.Emergency, s, "emergency", region.LineOf("emergency"), "emergency is missing: every region needs its emergency number, with source and verified date");
            return;
        }

        Issues(run, s, emergency, "emergency");
        if (IsBlank(emergency.Number) || !emergency.Number!.Any(char.IsAsciiDigit))
        {
            run.Add(ContentRules.Emergency, s, "emergency.number", emergency.LineOf("number"), "emergency number is missing");
        }

        CheckSource(run, s, emergency, emergency.Source, ContentRules.Emergency, "emergency.source");
        CheckVerified(run, s, emergency, emergency.Verified, ContentRules.Emergency, "emergency.verified");
    }

    private static void CheckLines(Run run, Scope s, RegionDto region)
    {
        var lines = region.Lines ?? [];
        if (lines.Count == 0)
        {
            run.Add(ContentRules.ReportingLines, s, "lines", region.LineOf("lines"), "lines is empty: every region needs at least one specialist line or reporting route");
            return;
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var field = Invariant($"lines[{i}]");
            if (line is null)
            {
                run.Add(ContentRules.ReportingLines, s, field, region.LineOf("lines"), "an empty entry in the lines list");
                continue;
            }

            Issues(run, s, line, field);
            if (IsBlank(line.Name))
            {
                run.Add(ContentRules.ReportingLines, s, field + ".name", line.Line, "line name is missing");
            }

            if (IsBlank(line.Phone) && IsBlank(line.Text) && IsBlank(line.Web))
            {
                run.Add(ContentRules.ReportingLines, s, field, line.Line, "a line needs a phone, a text number or a web address");
            }

            if (!IsBlank(line.Web) && !IsHttpsUrl(line.Web))
            {
                run.Add(ContentRules.ReportingLines, s, field + ".web", line.LineOf("web"), $"web '{line.Web}' must be an absolute https link");
            }

            CheckSource(run, s, line, line.Source, ContentRules.ReportingLines, field + ".source");
            CheckVerified(run, s, line, line.Verified, ContentRules.ReportingLines, field + ".verified");
        }
    }

    private static void CheckVerified(Run run, Scope s, YamlDto owner, string? verified, string rule, string field)
    {
        if (IsBlank(verified))
        {
            run.Add(rule, s, field, owner.LineOf("verified"), "verified date is missing (the day you checked the number, as yyyy-mm-dd)");
        }
        else if (!TryParseDate(verified, out _))
        {
            run.Add(rule, s, field, owner.LineOf("verified"), $"verified '{verified}' is not a date written yyyy-mm-dd");
        }
    }

    /// <summary>Turns the reader's issues (unknown keys, wrong shapes) on a DTO into problems.</summary>
    private static void Issues(Run run, Scope s, YamlDto dto, string? prefix)
    {
        foreach (var issue in dto.Issues)
        {
            var field = prefix is null ? issue.Field
                : issue.Field.Length == 0 ? prefix
                : prefix + "." + issue.Field;
            run.Add(issue.Rule, s, field, issue.Line, issue.Message);
        }
    }

    private static Scope ItemScope(string file, string? id, string position) =>
        IsBlank(id) ? new Scope(file, null, position + ".") : new Scope(file, id!.Trim(), string.Empty);

    internal static bool IsBlank(string? value) => string.IsNullOrWhiteSpace(value);

    internal static bool IsHttpsUrl(string? value) =>
        Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri)
        && uri.Scheme == Uri.UriSchemeHttps
        && !string.IsNullOrEmpty(uri.Host);

    internal static bool TryParseDate(string? value, out DateOnly date) =>
        DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    internal static bool TryParseDifficulty(string? value, out Difficulty difficulty) =>
        Difficulties.TryGetValue(value?.Trim() ?? string.Empty, out difficulty);

    /// <summary>Lower case, punctuation and symbols dropped, whitespace collapsed.</summary>
    internal static string NormaliseStem(string stem)
    {
        var text = new StringBuilder(stem.Length);
        var space = false;
        foreach (var c in stem.Trim().ToLowerInvariant())
        {
            if (char.IsPunctuation(c) || char.IsSymbol(c))
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space && text.Length > 0)
            {
                text.Append(' ');
            }

            space = false;
            text.Append(c);
        }

        return text.ToString();
    }

    private static string CollapseWhitespace(string? text) =>
        string.Join(' ', (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static Dictionary<string, Wording> Wordings(ContentPack pack)
    {
        var result = new Dictionary<string, Wording>(StringComparer.Ordinal);
        foreach (var q in pack.Questions)
        {
            result.TryAdd(q.Id, new Wording(q.Version, QuestionsFolder, new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["stem"] = CollapseWhitespace(q.Stem),
                ["options"] = string.Join("\u001F", q.Options.Select(o => o.Id + "\u001E" + CollapseWhitespace(o.Text))),
                ["correct answer"] = string.Join("\u001F", q.Correct.Order(StringComparer.Ordinal)),
            }));
        }

        foreach (var r in pack.Refreshers)
        {
            result.TryAdd(r.Id, new Wording(r.Version, RefreshersFolder, new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["title"] = CollapseWhitespace(r.Title),
                ["key points"] = string.Join("\u001F", r.KeyPoints.Select(CollapseWhitespace)),
            }));
        }

        return result;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LocalePattern();

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryPattern();

    private sealed record Wording(int Version, string Folder, Dictionary<string, string> Parts);

    /// <summary>Where a problem is: file, item id, and a field prefix for items without an id.</summary>
    internal sealed record Scope(string File, string? ItemId, string Prefix);

    /// <summary>Collects problems and remembers which items have errors of their own.</summary>
    private sealed class Run
    {
        public List<ContentProblem> Problems { get; } = [];

        public HashSet<YamlDto> Broken { get; } = [];

        /// <summary>The item (question, refresher, region) being checked; marked broken on an error.</summary>
        public YamlDto? Current { get; set; }

        public void Add(string rule, Scope scope, string field, int? line, string message)
        {
            var path = scope.Prefix + field;
            if (rule != ContentRules.Shape && Problems.Exists(p => p.Rule == ContentRules.Shape && p.File == scope.File && p.ItemId == scope.ItemId && (p.Field == path || p.Field.StartsWith(path + "[", StringComparison.Ordinal))))
            {
                // A value of the wrong shape was already reported; "missing" would only repeat it.
                return;
            }

            Problems.Add(new ContentProblem(scope.File, scope.ItemId, path, message)
            {
                Rule = rule,
                Line = line is > 0 ? line : null,
            });
            if (Current is not null)
            {
                Broken.Add(Current);
            }
        }

        /// <summary>A problem that leaves the pack usable; the item is not marked broken.</summary>
        public void Warn(string rule, Scope scope, string field, int? line, string message) =>
            Problems.Add(new ContentProblem(scope.File, scope.ItemId, scope.Prefix + field, message)
            {
                Rule = rule,
                Severity = ContentSeverity.Warning,
                Line = line is > 0 ? line : null,
            });
    }
}

/// <summary>The structural problems, and the items (DTOs) that have errors of their own.</summary>
internal sealed record ValidationOutcome(IReadOnlyList<ContentProblem> Problems, IReadOnlySet<YamlDto> Broken);
