namespace Beacon.Training.Content;

using System.Text.RegularExpressions;
using Beacon.Training.Content.Yaml;

/// <summary>
/// Where an item applies and what it may say there: <c>jurisdiction</c> names regions of
/// <c>reporting/regions.yaml</c>; an item for every region writes <c>{emergency}</c> instead of a
/// region's emergency number (and no region's specialist line number); placeholders are known
/// names; <c>review</c> names roles from <see cref="ReviewRoles"/> and a date.
/// </summary>
public static partial class ContentValidator
{
    private static RegionFacts FactsOf(ParsedContent content)
    {
        var regions = content.Regions?.Dto.Regions?.OfType<RegionDto>().ToList() ?? [];
        var codes = regions.Where(r => !IsBlank(r.Code)).Select(r => r.Code!.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var numbers = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var region in regions.Where(r => !IsBlank(r.Code)))
        {
            var literals = DigitRun().Matches(region.Emergency?.Number ?? string.Empty).Select(m => m.Value)
                .Concat((region.Lines ?? []).Select(l => l?.Phone?.Trim()).Where(p => p is not null && p.Count(char.IsAsciiDigit) >= 7)!);
            foreach (var literal in literals)
            {
                (numbers.TryGetValue(literal!, out var owners) ? owners : numbers[literal!] = new SortedSet<string>(StringComparer.Ordinal)).Add(region.Code!.Trim());
            }
        }

        var pattern = numbers.Count == 0 ? null
            : new Regex(
                @"(?<![\d,.\-])(" + string.Join('|', numbers.Keys.OrderByDescending(n => n.Length).Select(Regex.Escape)) + @")(?!\d|[,.\-]\d)",
                RegexOptions.CultureInvariant,
                TimeSpan.FromSeconds(1));
        return new RegionFacts(content.Regions is not null, codes, numbers, pattern);
    }

    private static void CheckWhere(Run run, Scope s, YamlDto item, List<string?>? jurisdiction, ReviewDto? review, IEnumerable<(string Field, string? Text)> texts, RegionFacts facts)
    {
        var codes = jurisdiction?.Where(c => !IsBlank(c)).Select(c => c!.Trim()).ToList() ?? [];
        if (jurisdiction is not null && codes.Count == 0)
        {
            run.Add(ContentRules.Jurisdiction, s, "jurisdiction", item.LineOf("jurisdiction"), "jurisdiction is empty: list region codes (for example [US]) or leave the field out when the item applies everywhere");
        }

        for (var i = 0; i < (jurisdiction?.Count ?? 0) && facts.RegionsRead; i++)
        {
            var code = jurisdiction![i]?.Trim();
            if (!IsBlank(code) && !facts.Codes.Contains(code!))
            {
                run.Add(ContentRules.Jurisdiction, s, Invariant($"jurisdiction[{i}]"), item.LineOf("jurisdiction"), $"'{code}' is not a region code in {RegionsFile} (known: {string.Join(", ", facts.Codes.Order(StringComparer.Ordinal))})");
            }
        }

        foreach (var (field, text) in texts)
        {
            foreach (var name in Placeholders.NamesIn(text).Distinct(StringComparer.Ordinal))
            {
                if (!Placeholders.All.Contains(name, StringComparer.Ordinal))
                {
                    run.Add(ContentRules.Placeholder, s, field, item.LineOf(field.Split('[', '.')[0]), $"unknown placeholder '{{{name}}}' (use {string.Join(" or ", Placeholders.All.Select(p => "{" + p + "}"))})");
                }
            }

            if (codes.Count == 0 && facts.Numbers is { } pattern && text is not null && pattern.Match(text) is { Success: true } match)
            {
                var regions = string.Join(", ", facts.Owners[match.Value]);
                run.Add(ContentRules.EmergencyNumber, s, field, item.LineOf(field.Split('[', '.')[0]), $"'{match.Value}' is a number of region {regions}, but this item has no jurisdiction and goes to learners everywhere: write {{emergency}} (or {{hotline}}), or give the item a jurisdiction");
            }
        }

        CheckReview(run, s, review);
    }

    private static void CheckReview(Run run, Scope s, ReviewDto? review)
    {
        if (review is null)
        {
            return;
        }

        Issues(run, s, review, "review");
        var roles = review.Roles?.Where(r => !IsBlank(r)).Select(r => r!.Trim()).ToList() ?? [];
        if (roles.Count == 0)
        {
            run.Add(ContentRules.Review, s, "review.roles", review.LineOf("roles"), $"review.roles is missing: name who reviewed the item ({string.Join(", ", ReviewRoles.All)})");
        }

        for (var i = 0; i < roles.Count; i++)
        {
            if (!ReviewRoles.IsKnown(roles[i]))
            {
                run.Add(ContentRules.Review, s, Invariant($"review.roles[{i}]"), review.LineOf("roles"), $"unknown reviewer role '{roles[i]}' (use one of: {string.Join(", ", ReviewRoles.All)})");
            }
        }

        if (IsBlank(review.Date))
        {
            run.Add(ContentRules.Review, s, "review.date", review.LineOf("date"), "review.date is missing (the day of the review, as yyyy-mm-dd)");
        }
        else if (!TryParseDate(review.Date, out _))
        {
            run.Add(ContentRules.Review, s, "review.date", review.LineOf("date"), $"review.date '{review.Date}' is not a date written yyyy-mm-dd");
        }

    }

    /// <summary>
    /// A topic that has core questions (or core refreshers) must keep at least one for a learner in
    /// every region: jurisdictions narrow what a learner gets, they must not empty a topic.
    /// </summary>
    private static void CheckRegionCoverage(Run run, List<(QuestionDto Dto, Scope Scope)> questions, List<(RefresherDto Dto, Scope Scope)> refreshers, RegionFacts facts)
    {
        if (!facts.RegionsRead)
        {
            return;
        }

        var coreQuestions = questions.Where(q => IsCoreItem(q.Dto.Tracks)).Select(q => (q.Dto.Topic?.Trim(), Codes(q.Dto.Jurisdiction))).ToList();
        var coreRefreshers = refreshers.Where(r => IsCoreItem(r.Dto.Tracks)).Select(r => (r.Dto.Topic?.Trim(), Codes(r.Dto.Jurisdiction))).ToList();
        foreach (var (items, folder, kind) in new[] { (coreQuestions, QuestionsFolder, "question"), (coreRefreshers, RefreshersFolder, "refresher") })
        {
            foreach (var topic in Topic.All.Where(t => items.Exists(i => i.Item1 == t)))
            {
                var missing = facts.Codes.Order(StringComparer.Ordinal)
                    .Where(code => !items.Exists(i => i.Item1 == topic && Jurisdictions.AppliesIn(i.Item2, code)))
                    .ToList();
                if (missing.Count > 0)
                {
                    run.Add(ContentRules.RegionCoverage, new Scope(folder, null, string.Empty), "jurisdiction", null, $"no core {kind} of topic '{topic}' applies in region {string.Join(", ", missing)}: add one without a jurisdiction, or a counterpart for that region");
                }
            }
        }
    }

    private static bool IsCoreItem(List<string?>? tracks) => tracks?.Exists(t => string.Equals(t?.Trim(), Track.Core, StringComparison.Ordinal)) == true;

    private static List<string> Codes(List<string?>? jurisdiction) =>
        jurisdiction?.Where(c => !IsBlank(c)).Select(c => c!.Trim()).ToList() ?? [];

    private static IEnumerable<(string Field, string? Text)> TextsOf(QuestionDto q)
    {
        yield return ("stem", q.Stem);
        for (var i = 0; i < (q.Options?.Count ?? 0); i++)
        {
            yield return (Invariant($"options[{i}].text"), q.Options![i]?.Text);
            yield return (Invariant($"options[{i}].feedback"), q.Options![i]?.Feedback);
        }

        yield return ("explanation", q.Explanation);
        yield return ("what_to_do", q.WhatToDo);
    }

    private static IEnumerable<(string Field, string? Text)> TextsOf(RefresherDto r)
    {
        yield return ("title", r.Title);
        for (var i = 0; i < (r.KeyPoints?.Count ?? 0); i++)
        {
            yield return (Invariant($"key_points[{i}]"), r.KeyPoints![i]);
        }

        yield return ("what_to_do", r.WhatToDo);
    }

    [GeneratedRegex(@"\d{2,}")]
    private static partial Regex DigitRun();

    /// <summary>What items are checked against from the regions file: its codes, and the numbers no item for everywhere may name.</summary>
    private sealed record RegionFacts(bool RegionsRead, IReadOnlySet<string> Codes, IReadOnlyDictionary<string, SortedSet<string>> Owners, Regex? Numbers);
}
