namespace Beacon.Tests.Deployment;

using System.Diagnostics;
using System.Text;
using Beacon.Tests.Support;

/// <summary>
/// A command run to completion (the Bicep CLI, <c>dotnet publish</c>): exit code, standard output
/// and standard error. <see cref="ChildProcess"/> is for long-running helpers awaited on a line;
/// this is for tools whose exit code is the answer.
/// </summary>
public sealed record ProcessRun(int ExitCode, string Output, string Error)
{
    /// <summary>The dotnet host running these tests, so a child build uses the same SDK; else dotnet on PATH.</summary>
    public static string Dotnet { get; } =
        Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";

    public static async Task<ProcessRun> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? RepositoryRoot.Path,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // `dotnet test` sets MSBuild variables for its own build; a child build must find its own.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(key);
        }

        using var process = new Process { StartInfo = info };
        var output = new StringBuilder();
        var error = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(error, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`{fileName} {string.Join(' ', info.ArgumentList)}` did not finish within {timeout}. Output so far:{Environment.NewLine}{Read(output)}{Environment.NewLine}{Read(error)}");
        }

        // The parameterless wait returns only once the redirected streams are drained.
        await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        return new ProcessRun(process.ExitCode, Read(output), Read(error));
    }

    private static void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (buffer)
        {
            buffer.AppendLine(line);
        }
    }

    private static string Read(StringBuilder buffer)
    {
        lock (buffer)
        {
            return buffer.ToString();
        }
    }
}
