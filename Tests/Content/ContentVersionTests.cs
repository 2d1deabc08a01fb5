namespace Beacon.Tests.Content;

using Beacon.Training.Content;

/// <summary>Learners' history is keyed by id: edited wording needs a version bump; a removed id is a warning.</summary>
public class ContentVersionTests
{
    [Fact]
    public void Reworded_question_without_version_bump_is_an_error()
    {
        var previous = Fixtures.Load("valid");

        var result = Fixtures.Load(ContentRules.VersionBump, previous);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ContentRules.VersionBump, problem.Rule);
        Assert.Equal("questions/core.yaml", problem.File);
        Assert.Equal("core-indicators-001", problem.ItemId);
        Assert.Equal("version", problem.Field);
        Assert.Contains("stem", problem.Message, StringComparison.Ordinal);
        Assert.Null(result.Pack);
    }

    [Fact]
    public void Same_fixture_alone_is_valid()
    {
        Assert.Empty(Fixtures.Load(ContentRules.VersionBump).Problems);
        Assert.Empty(Fixtures.Load(ContentRules.IdRemoved).Problems);
    }

    [Fact]
    public void Reworded_question_with_version_bump_is_fine()
    {
        using var pack = Fixtures.Copy(ContentRules.VersionBump);
        pack.Replace("questions/core.yaml", "    version: 1\n    topic: indicators", "    version: 2\n    topic: indicators");

        var result = ContentPackLoader.Load(pack.Directory, Fixtures.Load("valid"));

        Assert.True(result.IsValid, Fixtures.Describe(result.Problems));
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Reflowed_whitespace_and_edited_feedback_need_no_bump()
    {
        using var pack = Fixtures.Copy("valid");
        pack.Replace("questions/core.yaml", "she cannot get it back\n      when she asks.", "she cannot   get it back when\n      she asks.");
        pack.Replace("questions/core.yaml", "it is a reason to follow your reporting procedure.", "it is a good reason to follow your procedure.");

        var result = ContentPackLoader.Load(pack.Directory, Fixtures.Load("valid"));

        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Removed_id_is_a_warning_naming_its_previous_file()
    {
        var previous = Fixtures.Load("valid");

        var result = Fixtures.Load(ContentRules.IdRemoved, previous);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ContentRules.IdRemoved, problem.Rule);
        Assert.Equal(ContentSeverity.Warning, problem.Severity);
        Assert.Equal("questions/core.yaml", problem.File);
        Assert.Equal("core-forms-001", problem.ItemId);
        Assert.Equal("id", problem.Field);
        Assert.NotNull(result.Pack);
    }

    [Fact]
    public void CheckVersions_compares_two_packs_directly()
    {
        var previous = Fixtures.Load("valid").Pack!;
        var current = Fixtures.Load(ContentRules.VersionBump).Pack!;

        var problem = Assert.Single(ContentValidator.CheckVersions(previous, current));

        Assert.Equal(("core-indicators-001", "version", ContentSeverity.Error), (problem.ItemId, problem.Field, problem.Severity));
        Assert.Equal("questions/", problem.File);
        Assert.Empty(ContentValidator.CheckVersions(previous, previous));
    }

    [Fact]
    public void Version_going_down_is_an_error()
    {
        using var pack = Fixtures.Copy("valid");
        pack.Replace("refreshers/refreshers.yaml", "  - id: ref-forms-01\n    version: 1", "  - id: ref-forms-01\n    version: 3");
        var newer = pack.Load();

        var problem = Assert.Single(ContentPackLoader.Load(Fixtures.Pack("valid"), newer).Problems);

        Assert.Equal((ContentRules.VersionBump, "refreshers/refreshers.yaml", "ref-forms-01"), (problem.Rule, problem.File, problem.ItemId));
    }
}
