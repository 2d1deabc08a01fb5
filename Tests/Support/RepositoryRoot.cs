namespace Beacon.Tests.Support;

/// <summary>The folder holding TeamsBot.sln, found by walking up from the test binaries.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>A file from the repo's npm packages; fails with the fix when `npm ci` has not run.</summary>
    public static string NodeModule(params string[] parts)
    {
        var path = Combine(["node_modules", .. parts]);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new InvalidOperationException(
                $"'{path}' is missing: run `npm ci` in the repository root (.ci/run does this) before the tests.");
        }

        return path;
    }

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "TeamsBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Could not find TeamsBot.sln above " + AppContext.BaseDirectory);
    }
}
