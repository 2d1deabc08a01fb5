namespace Beacon.Tests.FirstRun;

using Beacon.Bot.Cli;
using Beacon.Tests.Storage;
using Beacon.Training.Content;

/// <summary>Where CLI verbs resolve typed paths and find their default folders when `dotnet run --project Bot` moved them into Bot/.</summary>
public sealed class InvocationDirectoryTests
{
    [Fact]
    public void Under_dotnet_run_a_typed_path_resolves_against_the_shells_directory()
    {
        using var repo = new TempDirectory();
        var bot = Directory.CreateDirectory(repo.Combine("Bot")).FullName;
        File.WriteAllText(Path.Combine(bot, "Bot.csproj"), "<Project />");

        Assert.Equal(repo.Path, InvocationDirectory.Resolve(repo.Path, bot));
    }

    [Fact]
    public void Outside_the_project_folder_the_current_directory_wins_over_a_stale_PWD()
    {
        using var shell = new TempDirectory();
        using var current = new TempDirectory();

        Assert.Equal(current.Path, InvocationDirectory.Resolve(shell.Path, current.Path));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("relative/dir")]
    [InlineData("/no/such/directory/for/beacon")]
    public void A_missing_or_unusable_PWD_leaves_the_current_directory(string? shell)
    {
        using var repo = new TempDirectory();
        File.WriteAllText(repo.Combine("Bot.csproj"), "<Project />");

        Assert.Equal(repo.Path, InvocationDirectory.Resolve(shell, repo.Path));
    }

    [Fact]
    public void Repository_folders_are_found_beside_the_solution_from_a_subfolder()
    {
        using var repo = new TempDirectory();
        File.WriteAllText(repo.Combine(RepositoryFolder.SolutionFile), string.Empty);
        var bot = Directory.CreateDirectory(repo.Combine("Bot", "bin")).FullName;

        Assert.Equal(repo.Combine("manifest"), RepositoryFolder.Find("manifest", null, bot));
        Assert.Null(RepositoryFolder.Find("no-such-folder-for-beacon", Path.GetPathRoot(repo.Path)));
    }
}
