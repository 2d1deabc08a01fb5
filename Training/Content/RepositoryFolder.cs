namespace Beacon.Training.Content;

/// <summary>
/// Finds a folder of the repository (content/, manifest/, ...) the way the bot finds its content:
/// beside <c>TeamsBot.sln</c>, walking up from each start directory in turn; else the folder inside
/// a start directory (a published app with the folder copied in).
/// </summary>
public static class RepositoryFolder
{
    public const string SolutionFile = "TeamsBot.sln";

    /// <summary>The folder's full path, or null when no start directory leads to it.</summary>
    public static string? Find(string folderName, params string?[] startDirectories)
    {
        ArgumentNullException.ThrowIfNull(startDirectories);
        foreach (var start in startDirectories)
        {
            for (var dir = string.IsNullOrWhiteSpace(start) ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
                {
                    return Path.Combine(dir.FullName, folderName);
                }
            }
        }

        foreach (var start in startDirectories)
        {
            if (!string.IsNullOrWhiteSpace(start) && Directory.Exists(Path.Combine(start, folderName)))
            {
                return Path.GetFullPath(Path.Combine(start, folderName));
            }
        }

        return null;
    }
}
