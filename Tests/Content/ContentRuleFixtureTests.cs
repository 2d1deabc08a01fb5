namespace Beacon.Tests.Content;

using Beacon.Training.Content;

/// <summary>
/// One broken fixture pack per rule (Tests/Fixtures/content/&lt;rule&gt;/, each a copy of valid/
/// with one thing broken): the loader reports exactly that problem, naming file, item id and field.
/// </summary>
public class ContentRuleFixtureTests
{
    public static TheoryData<string, string, string?, string> Cases => new()
    {
        // rule (and fixture folder), file, item id, field
        { ContentRules.Files, "refreshers/", null, "" },
        { ContentRules.Syntax, "questions/roles.yaml", null, "" },
        { ContentRules.UnknownField, "questions/core.yaml", "core-indicators-001", "indicater" },
        { ContentRules.Shape, "questions/core.yaml", "core-forms-001", "tracks" },
        { ContentRules.Required, "questions/roles.yaml", "com-resources-001", "difficulty" },
        { ContentRules.IdFormat, "questions/core.yaml", "Core_Forms_001", "id" },
        { ContentRules.IdUnique, "refreshers/refreshers.yaml", "core-forms-001", "id" },
        { ContentRules.Version, "questions/roles.yaml", "ed-collaboration-001", "version" },
        { ContentRules.Topic, "questions/core.yaml", "core-definition-002", "topic" },
        { ContentRules.Track, "questions/roles.yaml", "hc-responding-001", "tracks[1]" },
        { ContentRules.Difficulty, "questions/roles.yaml", "le-legal-001", "difficulty" },
        { ContentRules.Locale, "questions/roles.yaml", "sw-impact-001", "locale" },
        { ContentRules.OptionCount, "questions/core.yaml", "core-definition-001", "options" },
        { ContentRules.OptionIdUnique, "questions/roles.yaml", "hc-responding-001", "options[3].id" },
        { ContentRules.Correct, "questions/core.yaml", "core-indicators-001", "correct[0]" },
        { ContentRules.Feedback, "questions/roles.yaml", "hc-responding-001", "options[2].feedback" },
        { ContentRules.StemLength, "questions/roles.yaml", "com-resources-001", "stem" },
        { ContentRules.Explanation, "questions/roles.yaml", "sw-impact-001", "explanation" },
        { ContentRules.WhatToDo, "refreshers/refreshers.yaml", "ref-impact-01", "what_to_do" },
        { ContentRules.Source, "questions/roles.yaml", "le-legal-001", "source.url" },
        { ContentRules.DuplicateStem, "questions/core.yaml", "core-indicators-001", "stem" },
        { ContentRules.KeyPoints, "refreshers/refreshers.yaml", "ref-legal-01", "key_points" },
        { ContentRules.TopicCoverage, "refreshers/", null, "topic" },
        { ContentRules.TrackCoverage, "questions/", null, "tracks" },
        { ContentRules.DefaultRegion, "reporting/regions.yaml", null, "default_region" },
        { ContentRules.RegionCodeUnique, "reporting/regions.yaml", "us", "code" },
        { ContentRules.CountryCode, "reporting/regions.yaml", "US", "countries[1]" },
        { ContentRules.CountryUnique, "reporting/regions.yaml", "INTL", "countries[0]" },
        { ContentRules.Emergency, "reporting/regions.yaml", "US", "emergency.verified" },
        { ContentRules.ReportingLines, "reporting/regions.yaml", "INTL", "lines[0]" },
        { ContentRules.RegionReview, "reporting/regions.yaml", "US", "review_by" },
        { ContentRules.Jurisdiction, "questions/roles.yaml", "com-resources-001", "jurisdiction[0]" },
        { ContentRules.EmergencyNumber, "questions/core.yaml", "core-indicators-001", "what_to_do" },
        { ContentRules.Placeholder, "questions/core.yaml", "core-indicators-001", "what_to_do" },
        { ContentRules.Review, "questions/core.yaml", "core-indicators-001", "review.roles[0]" },
        { ContentRules.RegionCoverage, "questions/", null, "jurisdiction" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Broken_fixture_reports_exactly_its_rule_with_file_item_and_field(string rule, string file, string? itemId, string field)
    {
        var result = Fixtures.Load(rule);

        var problem = Assert.Single(result.Problems);
        Assert.True(problem.Rule == rule, $"expected rule {rule}, got:{Environment.NewLine}{Fixtures.Describe(result.Problems)}");
        Assert.Equal(file, problem.File);
        Assert.Equal(itemId, problem.ItemId);
        Assert.Equal(field, problem.Field);
        Assert.Equal(ContentSeverity.Error, problem.Severity);
        Assert.False(string.IsNullOrWhiteSpace(problem.Message));
        Assert.Null(result.Pack);
    }

    [Fact]
    public void Every_rule_has_a_fixture_folder_and_a_case()
    {
        var rules = typeof(ContentRules).GetFields()
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();
        var covered = Cases.Select(c => (string)c[0]).Concat([ContentRules.VersionBump, ContentRules.IdRemoved, ContentRules.RightLongest]).ToHashSet();

        Assert.All(rules, rule => Assert.True(Directory.Exists(Fixtures.Pack(rule)), $"no fixture folder for rule {rule}"));
        Assert.All(rules, rule => Assert.Contains(rule, covered));
    }

    [Fact]
    public void Syntax_error_names_the_line()
    {
        var problem = Assert.Single(Fixtures.Load(ContentRules.Syntax).Problems);

        Assert.Equal(5, problem.Line);
        Assert.Contains("not valid YAML", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Item_problems_name_the_line_of_the_field()
    {
        var problem = Assert.Single(Fixtures.Load(ContentRules.Difficulty).Problems);

        Assert.Equal(File.ReadAllLines(Path.Combine(Fixtures.Pack(ContentRules.Difficulty), "questions", "roles.yaml"))
            .ToList().FindIndex(l => l.Contains("difficulty: hard", StringComparison.Ordinal)) + 1, problem.Line);
    }

    [Fact]
    public void Problem_reads_file_item_field_message()
    {
        var problem = new ContentProblem("questions/healthcare.yaml", "hc-004", "options[2].feedback", "feedback is missing");

        Assert.Equal("questions/healthcare.yaml: hc-004: options[2].feedback: feedback is missing", problem.ToString());
        Assert.Equal("regions.yaml: x (line 3)", new ContentProblem("regions.yaml", null, "", "x") { Line = 3 }.ToString());
    }
}
