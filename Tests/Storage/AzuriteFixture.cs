namespace Beacon.Tests.Storage;

using System.Diagnostics;
using Beacon.Tests.Support;
using System.Net;
using System.Net.Sockets;
using System.Text;

/// <summary>
/// Starts the repository's pinned Azurite table emulator (npm <c>azurite</c>, installed by
/// <c>npm ci</c>) on a free port for the tests of the "Azurite" collection, and stops it after.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime, IDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly StringBuilder output = new();
    private readonly TempDirectory location = new();
    private Process? process;

    public int Port { get; private set; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};TableEndpoint=http://127.0.0.1:{Port}/devstoreaccount1;";

    /// <summary>The azurite-table launcher under the repository's node_modules, or a clear failure.</summary>
    public static string FindAzuriteTable(string repositoryRoot)
    {
        var launcher = Path.Combine(repositoryRoot, "node_modules", ".bin", OperatingSystem.IsWindows() ? "azurite-table.cmd" : "azurite-table");
        if (!File.Exists(launcher))
        {
            throw new InvalidOperationException(
                $"Azurite is not installed: {launcher} is missing. Run `npm ci` in {repositoryRoot} (CI runs it) to install the pinned test peers.");
        }

        return launcher;
    }

    public async Task InitializeAsync()
    {
        var root = RepositoryRoot.Path;
        var launcher = FindAzuriteTable(root);
        Port = Support.FreePort.Next();

        var start = new ProcessStartInfo(launcher)
        {
            // In memory: Azurite refuses --location together with --inMemoryPersistence, so it runs
            // in a temp directory in case it writes anything at all.
            WorkingDirectory = location.Path,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            "--tableHost", "127.0.0.1",
            "--tablePort", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--skipApiVersionCheck",
            "--disableTelemetry",
            "--inMemoryPersistence",
            "--silent",
        })
        {
            start.ArgumentList.Add(argument);
        }

        process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        await Listening.WaitAsync("Azurite", Port, process, Output, StartTimeout);
    }

    public async Task DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(timeout.Token);
        }

        Dispose();
    }

    /// <summary>Idempotent; <see cref="DisposeAsync"/> has normally stopped Azurite already.</summary>
    public void Dispose()
    {
        if (process is not null)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.Dispose();
            process = null;
        }

        location.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private string Output()
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteGroup : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
