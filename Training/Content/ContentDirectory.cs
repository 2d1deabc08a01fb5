namespace Beacon.Training.Content;

/// <summary>
/// Finds the content directory, in one place for the bot's start-up and the <c>content</c>
/// commands: a configured path wins; else the <c>content</c> folder beside <c>TeamsBot.sln</c>,
/// found by walking up from the current directory and then from the app's base directory; else a
/// <c>content</c> folder in the app's base directory (a published app with the pack copied in).
/// </summary>
public static class ContentDirectory
{
    /// <summary>The configuration key the composition root reads for a configured path.</summary>
    public const string ConfigurationKey = "Content:Path";

    public const string FolderName = "content";

    public const string SolutionFile = RepositoryFolder.SolutionFile;

    /// <summary>The content directory, or null when none is configured and none can be found.</summary>
    /// <param name="configured">A configured path (absolute, or relative to the current directory); wins when given.</param>
    public static string? Find(string? configured = null) =>
        Find(configured, Environment.CurrentDirectory, AppContext.BaseDirectory);

    /// <summary>As <see cref="Find(string?)"/>, with the starting directories given (for tests).</summary>
    public static string? Find(string? configured, params string?[] startDirectories)
    {
        ArgumentNullException.ThrowIfNull(startDirectories);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        return RepositoryFolder.Find(FolderName, startDirectories);
    }

    /// <summary>As <see cref="Find(string?)"/>, but throws a clear error when nothing is found.</summary>
    public static string Require(string? configured = null) =>
        Find(configured) ?? throw new DirectoryNotFoundException(
            $"Cannot find the content directory: set {ConfigurationKey}, or run from inside the repository (the folder with {SolutionFile}).");
}
