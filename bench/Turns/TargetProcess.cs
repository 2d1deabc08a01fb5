namespace Beacon.Bench.Turns;

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

/// <summary>
/// A process the bench starts (Beacon, a peer, Azurite): its output is kept (the last lines, for
/// error messages), its CPU time comes from the kernel (<see cref="Process.TotalProcessorTime"/>,
/// i.e. /proc/&lt;pid&gt;/stat) and its peak resident set from /proc/&lt;pid&gt;/status (VmHWM).
/// Disposing kills it (and its children).
/// </summary>
internal sealed class TargetProcess : IDisposable
{
    private const int KeptLines = 200;
    private readonly Process process;
    private readonly Queue<string> lines = new();
    private readonly Lock gate = new();
    private long peakRssBytes;

    private TargetProcess(Process process)
    {
        this.process = process;
    }

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>When <see cref="Process.Start()"/> was called (Stopwatch timestamp).</summary>
    public long StartedAt { get; private set; }

    public string Output
    {
        get
        {
            lock (gate)
            {
                return string.Join(Environment.NewLine, lines);
            }
        }
    }

    public static TargetProcess Start(string fileName, IEnumerable<string> arguments, string workingDirectory, IDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var target = new TargetProcess(new Process { StartInfo = info });
        target.process.OutputDataReceived += (_, e) => target.Keep(e.Data);
        target.process.ErrorDataReceived += (_, e) => target.Keep(e.Data);
        target.StartedAt = Stopwatch.GetTimestamp();
        target.process.Start();
        target.process.BeginOutputReadLine();
        target.process.BeginErrorReadLine();
        return target;
    }

    /// <summary>User plus system CPU time the process has used so far.</summary>
    public TimeSpan CpuTime()
    {
        process.Refresh();
        return process.TotalProcessorTime;
    }

    /// <summary>Reads VmRSS and VmHWM now; returns the highest resident set seen so far, in bytes.</summary>
    public long SampleRss()
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{process.Id}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal) || line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    var kb = long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
                    InterlockedMax(ref peakRssBytes, kb * 1024);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            // The process has gone; keep what was seen.
        }

        return Interlocked.Read(ref peakRssBytes);
    }

    /// <summary>Waits until something accepts TCP connections on the port (bounded).</summary>
    public async Task WaitForPortAsync(int port, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        for (var attempt = 0; attempt < 100_000; attempt++)
        {
            ThrowIfExited();
            using (var client = new TcpClient())
            {
                try
                {
                    using var once = new CancellationTokenSource(TimeSpan.FromSeconds(1));
                    await client.ConnectAsync(IPAddress.Loopback, port, once.Token).ConfigureAwait(false);
                    return;
                }
                catch (Exception ex) when (ex is SocketException or OperationCanceledException)
                {
                    // Not listening yet.
                }
            }

            if (clock.Elapsed > timeout)
            {
                break;
            }

            await Task.Delay(20).ConfigureAwait(false);
        }

        throw new TimeoutException($"{process.StartInfo.FileName} did not listen on port {port} within {timeout.TotalSeconds} s:\n{Output}");
    }

    public void ThrowIfExited()
    {
        if (process.HasExited)
        {
            throw new InvalidOperationException($"{process.StartInfo.FileName} exited with code {process.ExitCode}:\n{Output}");
        }
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        process.Dispose();
    }

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    private static void InterlockedMax(ref long location, long value)
    {
        for (var i = 0; i < 100; i++)
        {
            var current = Interlocked.Read(ref location);
            if (value <= current || Interlocked.CompareExchange(ref location, value, current) == current)
            {
                return;
            }
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (gate)
        {
            lines.Enqueue(line);
            while (lines.Count > KeptLines)
            {
                lines.Dequeue();
            }
        }
    }
}
