namespace Beacon.Tests.Deployment;

using System.Xml.Linq;
using Beacon.Tests.Support;

/// <summary>
/// The Dockerfile cannot be built here (no Docker engine), so these tests read it and check it
/// against the project: the entry assembly, the port, the user, the data volume, the content pack.
/// </summary>
public sealed class DockerfileTests
{
    private readonly Dockerfile dockerfile = Dockerfile.Parse(File.ReadAllText(RepositoryRoot.Combine("Dockerfile")));

    [Fact]
    public void Entrypoint_runs_the_assembly_the_Bot_project_builds()
    {
        var entrypoint = Dockerfile.Words(dockerfile.Final.Last("ENTRYPOINT") ?? string.Empty);
        Assert.Equal(["dotnet", BicepBuildTests.BotAssemblyName() + ".dll"], entrypoint);
    }

    [Fact]
    public void Exposed_port_is_the_port_in_ASPNETCORE_URLS()
    {
        var environment = dockerfile.Final.Environment();
        Assert.True(environment.TryGetValue("ASPNETCORE_URLS", out var urls), "the runtime stage sets ASPNETCORE_URLS");
        var ports = urls.Split(';').Select(url => new Uri(url.Replace("+", "localhost", StringComparison.Ordinal).Replace("*", "localhost", StringComparison.Ordinal)).Port).Distinct().ToList();
        var exposed = dockerfile.Final.All("EXPOSE")
            .SelectMany(Dockerfile.Words)
            .Select(p => int.Parse(p.Split('/')[0], System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        Assert.Equal(ports, exposed);
    }

    [Fact]
    public void Runs_as_a_non_root_user()
    {
        var user = dockerfile.Final.Last("USER");
        Assert.False(string.IsNullOrWhiteSpace(user), "the runtime stage sets USER");
        var name = user!.Split(':')[0];
        Assert.DoesNotContain(name, new[] { "root", "0" });

        // Nothing after USER switches back to root.
        var afterUser = dockerfile.Final.Instructions.SkipWhile(i => i.Keyword != "USER").Skip(1);
        Assert.DoesNotContain(afterUser, i => i.Keyword == "USER");
    }

    [Fact]
    public void Sqlite_file_lives_in_the_data_volume()
    {
        var environment = dockerfile.Final.Environment();
        Assert.True(environment.TryGetValue("Storage__Sqlite__Path", out var databasePath), "the runtime stage sets Storage__Sqlite__Path");
        var volumes = dockerfile.Final.All("VOLUME").SelectMany(Dockerfile.Words).ToList();
        var volume = Assert.Single(volumes);
        Assert.Equal(volume.TrimEnd('/'), Path.GetDirectoryName(databasePath)!.Replace('\\', '/'));
    }

    [Fact]
    public void Content_pack_is_copied_where_Content__Path_points()
    {
        var environment = dockerfile.Final.Environment();
        Assert.True(environment.TryGetValue("Content__Path", out var contentPath), "the runtime stage sets Content__Path");
        var workdir = dockerfile.Final.Last("WORKDIR") ?? "/";
        var copiesContent = dockerfile.Final.All("COPY")
            .Select(Dockerfile.Words)
            .Where(words => !words.Any(w => w.StartsWith("--from", StringComparison.Ordinal)))
            .Any(words => words.Count == 2
                && words[0].TrimEnd('/') == "content"
                && Absolute(workdir, words[1]) == contentPath.TrimEnd('/'));
        Assert.True(copiesContent, $"a COPY of content/ to {contentPath}");
        Assert.True(Directory.Exists(RepositoryRoot.Combine("content")));
    }

    [Fact]
    public void Images_match_the_target_framework_and_publish_the_Bot_project()
    {
        var targetFramework = XDocument.Load(RepositoryRoot.Combine("Directory.Build.props"))
            .Descendants("TargetFramework").Select(e => e.Value.Trim()).Single();
        var tag = targetFramework.Replace("net", string.Empty, StringComparison.Ordinal);

        Assert.Equal($"mcr.microsoft.com/dotnet/sdk:{tag}", dockerfile.Stages[0].Image);
        Assert.Equal($"mcr.microsoft.com/dotnet/aspnet:{tag}", dockerfile.Final.Image);
        Assert.True(dockerfile.Stages.Count >= 2, "multi-stage: the SDK does not ship in the runtime image");

        var build = string.Join('\n', dockerfile.Stages[0].All("RUN"));
        Assert.Contains("dotnet publish Bot/Bot.csproj -c Release", build, StringComparison.Ordinal);
        Assert.Contains("--configfile nuget.config", build, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_context_leaves_out_build_output_and_local_data()
    {
        var ignored = File.ReadAllLines(RepositoryRoot.Combine(".dockerignore")).Select(l => l.Trim()).ToHashSet();
        foreach (var pattern in new[] { "**/bin", "**/obj", "node_modules", "data", "**/*.db" })
        {
            Assert.Contains(pattern, ignored);
        }

        Assert.DoesNotContain("content", ignored);
        Assert.DoesNotContain("Bot", ignored);
    }

    private static string Absolute(string workdir, string path) =>
        (path.StartsWith('/') ? path : workdir.TrimEnd('/') + "/" + path.TrimStart('.', '/')).TrimEnd('/');
}
