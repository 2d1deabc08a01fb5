namespace Beacon.Tests.Storage;

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Azure.Data.Tables;
using Beacon.Tests.Support;

/// <summary>
/// One Azurite table emulator that a test can stop and start again on the same port with the same
/// <c>--location</c> data folder (on disk, not in memory), so the data survives the restart.
/// Stopping sends SIGINT, on which Azurite closes its server and saves its database; only if it
/// has not exited within <see cref="StopTimeout"/> is it killed.
/// </summary>
public sealed class AzuriteServer : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private readonly StringBuilder output = new();
    private readonly TempDirectory location = new();
    private readonly string launcher;
    private Process? process;

    private AzuriteServer(string launcher, int port)
    {
        this.launcher = launcher;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The data folder Azurite keeps its tables in.</summary>
    public string Location => location.Path;

    public bool IsRunning => process is { HasExited: false };

    /// <summary>True when the last stop was graceful (SIGINT), false when Azurite had to be killed.</summary>
    public bool LastStopWasGraceful { get; private set; } = true;

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};TableEndpoint=http://127.0.0.1:{Port}/devstoreaccount1;";

    public static async Task<AzuriteServer> StartAsync()
    {
        var server = new AzuriteServer(AzuriteFixture.FindAzuriteTable(RepositoryRoot.Path), FreePort.Next());
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>A client for checking what the bot stored (its own retries off: a failed check fails fast).</summary>
    public TableServiceClient Client() => new(ConnectionString, new TableClientOptions { Retry = { MaxRetries = 0 } });

    public async Task StartAgainAsync()
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("Azurite is already running.");
        }

        process?.Dispose();
        var start = new ProcessStartInfo(launcher)
        {
            WorkingDirectory = location.Path,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            "--tableHost", "127.0.0.1",
            "--tablePort", Port.ToString(CultureInfo.InvariantCulture),
            "--location", location.Path,
            "--skipApiVersionCheck",
            "--disableTelemetry",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var started = new Process { StartInfo = start };
        started.OutputDataReceived += (_, e) => Append(e.Data);
        started.ErrorDataReceived += (_, e) => Append(e.Data);
        started.Start();
        started.BeginOutputReadLine();
        started.BeginErrorReadLine();
        process = started;
        await Listening.WaitAsync("Azurite", Port, started, Output, StartTimeout);
    }

    /// <summary>Stops Azurite (SIGINT, then a kill after <see cref="StopTimeout"/>) and waits until the port refuses connections.</summary>
    public async Task StopAsync()
    {
        if (process is not { HasExited: false } running)
        {
            return;
        }

        using (var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-INT", running.Id.ToString(CultureInfo.InvariantCulture) }, UseShellExecute = false })!)
        {
            await kill.WaitForExitAsync();
        }

        try
        {
            await running.WaitForExitAsync().WaitAsync(StopTimeout);
            LastStopWasGraceful = true;
        }
        catch (TimeoutException)
        {
            LastStopWasGraceful = false;
            running.Kill(entireProcessTree: true);
            await running.WaitForExitAsync().WaitAsync(StopTimeout);
        }
    }

    public string Output()
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (process is { HasExited: false } running)
        {
            running.Kill(entireProcessTree: true);
            await running.WaitForExitAsync().WaitAsync(StopTimeout);
        }

        process?.Dispose();
        location.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }
}
