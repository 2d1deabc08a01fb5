namespace Beacon.Tests.Deployment;

using System.Net;
using Beacon.Tests.Support;

/// <summary>
/// The release build the Dockerfile and the zip deploy ship: <c>dotnet publish Bot -c Release</c>,
/// started as <c>dotnet Beacon.Bot.dll</c> outside the repository, answers GET /readyz.
/// </summary>
public sealed class PublishedAppTests
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(8);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Published_app_starts_and_serves_readyz()
    {
        var work = Directory.CreateTempSubdirectory("beacon-publish-");
        try
        {
            var publish = Path.Combine(work.FullName, "app");
            var run = await ProcessRun.RunAsync(
                ProcessRun.Dotnet,
                ["publish", RepositoryRoot.Combine("Bot", "Bot.csproj"), "-c", "Release", "-o", publish, "--nologo"],
                PublishTimeout);
            Assert.True(run.ExitCode == 0, $"dotnet publish exited {run.ExitCode}:{Environment.NewLine}{run.Output}{run.Error}");

            var entryAssembly = Path.Combine(publish, BicepBuildTests.BotAssemblyName() + ".dll");
            Assert.True(File.Exists(entryAssembly), $"{entryAssembly} was not published");

            var port = FreePort.Next();
            var dataDirectory = Path.Combine(work.FullName, "data");
            var environment = new Dictionary<string, string>
            {
                ["Storage__Provider"] = "Sqlite",
                ["Storage__Sqlite__Path"] = Path.Combine(dataDirectory, "beacon.db"),
                ["Content__Path"] = RepositoryRoot.Combine("content"),
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
            };

            // Started from the publish folder, as a container or App Service starts it, not from the repo.
            await using var app = ChildProcess.Start(
                ProcessRun.Dotnet,
                [entryAssembly, "--urls", $"http://127.0.0.1:{port}"],
                environment,
                workingDirectory: publish);

            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
            var status = await PollUntilReadyAsync(http, app, StartTimeout);
            Assert.True(status == HttpStatusCode.OK, $"GET /readyz answered {status}. Output:{Environment.NewLine}{app.Output}");

            var live = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            Assert.True(File.Exists(Path.Combine(dataDirectory, "beacon.db")), "the SQLite file is created where Storage__Sqlite__Path points");
        }
        finally
        {
            try
            {
                work.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }

    /// <summary>GET /readyz until it answers 200, the process exits, or the deadline passes; the last status otherwise.</summary>
    private static async Task<HttpStatusCode?> PollUntilReadyAsync(HttpClient http, ChildProcess app, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        HttpStatusCode? last = null;
        do
        {
            if (app.HasExited)
            {
                Assert.Fail($"the published app exited before it was ready. Output:{Environment.NewLine}{app.Output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/readyz", UriKind.Relative), deadline.Token);
                last = response.StatusCode;
                if (last == HttpStatusCode.OK)
                {
                    return last;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!deadline.IsCancellationRequested)
            {
                // One request timed out; try again.
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                break;
            }
        }
        while (await WaitAsync(timer, deadline.Token));

        return last;
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
