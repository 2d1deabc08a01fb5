namespace Beacon.Tests.Content;

using Beacon.Training.Content;

public class ContentPackLoaderTests
{
    [Fact]
    public void Valid_pack_loads_with_no_problems()
    {
        var result = Fixtures.Load("valid");

        Assert.True(result.IsValid, Fixtures.Describe(result.Problems));
        Assert.Empty(result.Problems);
        var pack = result.Pack!;
        Assert.Equal(8, pack.Questions.Count);
        Assert.Equal(8, pack.Refreshers.Count);
        Assert.Equal(2, pack.Regions.Count);
        Assert.Equal("INTL", pack.DefaultRegionCode);
        Assert.Equal(Topic.All.Order(), pack.Questions.Select(q => q.Topic).Distinct().Order());
        Assert.Equal(Track.All.Order(), pack.Questions.SelectMany(q => q.Tracks).Distinct().Order());
    }

    [Fact]
    public void Valid_pack_maps_every_field()
    {
        var pack = Fixtures.Load("valid").Pack!;

        var question = pack.FindQuestion("core-indicators-001")!;
        Assert.Equal(1, question.Version);
        Assert.Equal(Topic.Indicators, question.Topic);
        Assert.Equal([Track.Core], question.Tracks);
        Assert.Equal(Difficulty.Application, question.Difficulty);
        Assert.Equal("en", question.Locale);
        Assert.Equal("controlled-documents", question.Indicator);
        Assert.StartsWith("A new cleaner says her employer \"keeps her passport safe\" and she cannot get it back when", question.Stem, StringComparison.Ordinal);
        Assert.Equal(["a", "b", "c"], question.Options.Select(o => o.Id));
        Assert.All(question.Options, o => Assert.False(string.IsNullOrWhiteSpace(o.Feedback)));
        Assert.Equal(["b"], question.Correct);
        Assert.True(question.IsCorrect("b"));
        Assert.False(string.IsNullOrWhiteSpace(question.Explanation));
        Assert.False(string.IsNullOrWhiteSpace(question.WhatToDo));
        Assert.Equal(new Uri("https://www.ilo.org/publications/ilo-indicators-forced-labour"), question.Source.Url);

        var refresher = pack.FindRefresher("ref-indicators-01")!;
        Assert.Equal(["controlled-documents", "restricted-movement"], refresher.Indicators);
        Assert.Equal(4, refresher.KeyPoints.Count);

        var us = pack.FindRegion("US")!;
        Assert.Equal("911", us.Emergency.Number);
        Assert.Equal(new DateOnly(2026, 1, 15), us.Emergency.Verified);
        var hotline = Assert.Single(us.Lines);
        Assert.Equal("1-888-373-7888", hotline.Phone);
        Assert.Equal("233733", hotline.Text);
        Assert.Equal(new Uri("https://humantraffickinghotline.org/en"), hotline.Web);

        var intl = pack.FindRegion("INTL")!;
        Assert.Empty(intl.Countries);
        Assert.NotNull(intl.Notes);
    }

    [Fact]
    public void Questions_for_a_track_are_core_plus_its_own()
    {
        var pack = Fixtures.Load("valid").Pack!;

        var ids = pack.QuestionsFor(Track.Healthcare).Select(q => q.Id).ToList();

        Assert.Equal(["core-definition-001", "core-forms-001", "core-indicators-001", "hc-responding-001"], ids);
    }

    [Fact]
    public void Invalid_pack_has_no_pack_but_a_partial_pack_without_the_broken_item()
    {
        var result = Fixtures.Load(ContentRules.Feedback);

        Assert.Null(result.Pack);
        Assert.False(result.IsValid);
        Assert.NotNull(result.PartialPack);
        Assert.Null(result.PartialPack!.FindQuestion("hc-responding-001"));
        Assert.Equal(7, result.PartialPack.Questions.Count);
    }

    [Fact]
    public void Locations_name_file_and_line_of_each_id()
    {
        var result = Fixtures.Load("valid");

        Assert.Equal(new ContentLocation("questions/core.yaml", 4), result.Locations["core-definition-001"]);
        Assert.Equal("refreshers/refreshers.yaml", result.Locations["ref-forms-01"].File);
    }

    [Fact]
    public void Missing_directory_is_a_problem_not_an_exception()
    {
        var result = ContentPackLoader.Load(Path.Combine(Path.GetTempPath(), "no-such-beacon-content-" + Guid.NewGuid().ToString("N")));

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ContentRules.Files, problem.Rule);
        Assert.Null(result.Pack);
    }

    [Fact]
    public void Empty_directory_reports_each_missing_part()
    {
        var dir = Directory.CreateTempSubdirectory("beacon-empty-");
        try
        {
            var result = ContentPackLoader.Load(dir.FullName);

            Assert.Equal(
                ["questions/", "refreshers/", "reporting/regions.yaml"],
                result.Problems.Select(p => p.File));
            Assert.All(result.Problems, p => Assert.Equal(ContentRules.Files, p.Rule));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void LoadOrThrow_returns_a_valid_pack()
    {
        var pack = ContentPackLoader.LoadOrThrow(Fixtures.Pack("valid"));

        Assert.Equal(8, pack.Questions.Count);
    }

    [Fact]
    public void LoadOrThrow_refuses_an_invalid_pack_and_says_why()
    {
        var ex = Assert.Throws<InvalidContentPackException>(() => ContentPackLoader.LoadOrThrow(Fixtures.Pack(ContentRules.Feedback)));

        Assert.Contains("questions/roles.yaml: hc-responding-001: options[2].feedback: feedback is missing", ex.Message, StringComparison.Ordinal);
        Assert.Contains("1 error", ex.Message, StringComparison.Ordinal);
        Assert.Single(ex.Problems);
    }

    [Fact]
    public void Every_error_is_reported_at_once()
    {
        using var pack = Fixtures.Copy("valid");
        pack.Replace("questions/core.yaml", "difficulty: recognition", "difficulty: easy");
        pack.Replace("questions/roles.yaml", "locale: en", "locale: ");
        pack.Replace("reporting/regions.yaml", "number: \"911\"", "number: \"\"");

        var result = pack.Load();

        Assert.Equal(
            [(ContentRules.Difficulty, "core-definition-001", "difficulty"), (ContentRules.Required, "le-legal-001", "locale"), (ContentRules.Emergency, "US", "emergency.number")],
            result.Problems.Select(p => (p.Rule, p.ItemId, p.Field)));
    }

    [Fact]
    public void Correct_naming_every_option_is_an_error()
    {
        using var pack = Fixtures.Copy("valid");
        pack.Replace("questions/core.yaml", "correct: [a]", "correct: [a, b, c]");

        var problem = Assert.Single(pack.Load().Problems);

        Assert.Equal((ContentRules.Correct, "core-forms-001", "correct"), (problem.Rule, problem.ItemId, problem.Field));
    }

    [Fact]
    public void An_item_without_an_id_is_named_by_its_position()
    {
        using var pack = Fixtures.Copy("valid");
        pack.Replace("questions/core.yaml", "  - id: core-forms-001\n    version: 1\n", "  - version: 1\n");

        var problem = Assert.Single(pack.Load().Problems);

        Assert.Equal((ContentRules.Required, null, "questions[1].id"), (problem.Rule, problem.ItemId, problem.Field));
    }

    [Fact]
    public void A_country_may_not_map_to_two_regions_and_a_region_needs_an_emergency_number()
    {
        using var pack = Fixtures.Copy("valid");
        pack.Replace("reporting/regions.yaml", "    emergency:\n      number: \"112\"\n", "    emergency:\n");

        var problem = Assert.Single(pack.Load().Problems);

        Assert.Equal((ContentRules.Emergency, "INTL", "emergency.number"), (problem.Rule, problem.ItemId, problem.Field));
    }

    [Fact]
    public void A_region_without_any_line_fails()
    {
        using var pack = Fixtures.Copy("valid");
        pack.Replace(
            "reporting/regions.yaml",
            """
                lines:
                  - name: National Human Trafficking Hotline
            """.Replace("\r", string.Empty, StringComparison.Ordinal),
            """
                lines: []
                old_lines:
                  - name: National Human Trafficking Hotline
            """.Replace("\r", string.Empty, StringComparison.Ordinal));

        var problems = pack.Load().Problems;

        Assert.Contains(problems, p => p.Rule == ContentRules.ReportingLines && p.ItemId == "US" && p.Field == "lines");
    }
}
