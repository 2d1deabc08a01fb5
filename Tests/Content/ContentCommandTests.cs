namespace Beacon.Tests.Content;

using Beacon.Bot.Cli;
using Beacon.Training.Content;

public class ContentCommandTests
{
    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = ContentCommand.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Validate_on_a_valid_pack_exits_0()
    {
        var (code, output, _) = Run("content", "validate", Fixtures.Pack("valid"));

        Assert.Equal(0, code);
        Assert.Contains("is valid (8 questions, 8 refreshers, 2 regions read): 0 warnings.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_on_a_broken_pack_prints_the_problem_and_exits_1()
    {
        var (code, output, _) = Run("content", "validate", Fixtures.Pack(ContentRules.Feedback));

        Assert.Equal(1, code);
        Assert.Contains("error: questions/roles.yaml: hc-responding-001: options[2].feedback: feedback is missing", output, StringComparison.Ordinal);
        Assert.Contains("is INVALID", output, StringComparison.Ordinal);
        Assert.Contains("1 error, 0 warnings.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_accepts_the_verb_without_the_content_prefix()
    {
        Assert.Equal(1, Run("validate", Fixtures.Pack(ContentRules.Emergency)).Code);
    }

    [Fact]
    public void Validate_with_previous_reports_version_bump_and_removed_ids()
    {
        var bump = Run("content", "validate", Fixtures.Pack(ContentRules.VersionBump), "--previous", Fixtures.Pack("valid"));
        var removed = Run("content", "validate", Fixtures.Pack(ContentRules.IdRemoved), "--previous", Fixtures.Pack("valid"));

        Assert.Equal(1, bump.Code);
        Assert.Contains("error: questions/core.yaml: core-indicators-001: version:", bump.Output, StringComparison.Ordinal);
        Assert.Equal(0, removed.Code);
        Assert.Contains("warning: questions/core.yaml: core-forms-001: id:", removed.Output, StringComparison.Ordinal);
        Assert.Contains("is valid", removed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Stats_prints_the_table_and_exits_0()
    {
        var (code, output, _) = Run("content", "stats", Fixtures.Pack("valid"));

        Assert.Equal(0, code);
        Assert.Contains("Questions per topic and track", output, StringComparison.Ordinal);
        Assert.Contains("Questions per difficulty", output, StringComparison.Ordinal);
        Assert.Contains("Refreshers per topic", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Stats_on_a_pack_with_errors_still_prints_and_notes_the_errors()
    {
        var (code, output, _) = Run("content", "stats", Fixtures.Pack(ContentRules.TopicCoverage));

        Assert.Equal(0, code);
        Assert.Contains("Questions: 8", output, StringComparison.Ordinal);
        Assert.Contains("the pack has 1 error", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("content")]
    [InlineData("content", "frobnicate")]
    [InlineData("content", "validate", "a", "b")]
    [InlineData("content", "stats", "--previous", "x")]
    public void Usage_errors_exit_2(params string[] args)
    {
        var (code, _, error) = Run(args);

        Assert.Equal(2, code);
        Assert.Contains("usage:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_directory_exits_2()
    {
        var (code, _, error) = Run("content", "validate", Path.Combine(Path.GetTempPath(), "no-such-" + Guid.NewGuid().ToString("N")));

        Assert.Equal(2, code);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Handles_only_the_content_command()
    {
        Assert.True(ContentCommand.Handles(["content", "validate"]));
        Assert.False(ContentCommand.Handles([]));
        Assert.False(ContentCommand.Handles(["--urls", "http://localhost:5000"]));
    }
}
