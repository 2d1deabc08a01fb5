namespace Beacon.Bot.Cli;

/// <summary>
/// The directory the person ran a command from. <c>dotnet run --project Bot</c> starts the program in
/// the Bot folder, whatever the shell's directory; the shell's own directory survives in <c>PWD</c>,
/// which is used when the program runs in its project folder (only <c>dotnet run</c> puts it there
/// unasked). Relative paths a person types resolve against this directory.
/// </summary>
public static class InvocationDirectory
{
    private const string ProjectFile = "Bot.csproj";

    public static string Current => Resolve(Environment.GetEnvironmentVariable("PWD"), Environment.CurrentDirectory);

    /// <summary>The shell's directory when the program runs in the Bot project folder and the shell's is known; else the current one.</summary>
    public static string Resolve(string? shellDirectory, string currentDirectory)
    {
        ArgumentNullException.ThrowIfNull(currentDirectory);
        var underDotnetRun = File.Exists(Path.Combine(currentDirectory, ProjectFile));
        return underDotnetRun && Path.IsPathFullyQualified(shellDirectory ?? string.Empty) && Directory.Exists(shellDirectory)
            ? shellDirectory!
            : currentDirectory;
    }

    /// <summary>A path the person typed, made absolute against the directory they ran the command from.</summary>
    public static string FullPath(string path) => Path.GetFullPath(path, Current);
}
