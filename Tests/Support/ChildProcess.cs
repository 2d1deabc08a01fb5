namespace Beacon.Tests.Support;

using System.Collections.Concurrent;
using System.Diagnostics;

/// <summary>
/// A helper program the tests start (Node tools such as the Agents Playground or Azurite): its
/// output is collected, readiness is awaited on an output line, and the whole process tree is
/// killed on dispose.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> lines = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource Seen)> waiters = [];
    private readonly Lock gate = new();

    private ChildProcess(Process process)
    {
        this.process = process;
    }

    public string Output => string.Join(Environment.NewLine, lines);

    public bool HasExited => process.HasExited;

    public static ChildProcess Start(string fileName, IEnumerable<string> arguments, IDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? RepositoryRoot.Path,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // `dotnet test` sets MSBuild variables for its own build; a child `dotnet run` must find its own.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(key);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var child = new ChildProcess(new Process { StartInfo = info, EnableRaisingEvents = true });
        child.process.OutputDataReceived += (_, e) => child.OnLine(e.Data);
        child.process.ErrorDataReceived += (_, e) => child.OnLine(e.Data);
        child.process.Exited += (_, _) => child.FailWaiters();
        child.process.Start();
        child.process.BeginOutputReadLine();
        child.process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Completes when a line matching <paramref name="match"/> has been printed; fails if the process exits first.</summary>
    public async Task WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        TaskCompletionSource seen;
        lock (gate)
        {
            if (lines.Any(match))
            {
                return;
            }

            seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((match, seen));
        }

        if (process.HasExited)
        {
            FailWaiters();
        }

        try
        {
            await seen.Task.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{process.StartInfo.FileName} did not print the expected line within {timeout}. Output:{Environment.NewLine}{Output}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (gate)
        {
            lines.Enqueue(line);
            foreach (var waiter in waiters.Where(w => w.Match(line)).ToList())
            {
                waiter.Seen.TrySetResult();
                waiters.Remove(waiter);
            }
        }
    }

    private void FailWaiters()
    {
        lock (gate)
        {
            foreach (var waiter in waiters)
            {
                waiter.Seen.TrySetException(new InvalidOperationException(
                    $"{process.StartInfo.FileName} exited before printing the expected line. Output:{Environment.NewLine}{Output}"));
            }

            waiters.Clear();
        }
    }
}
