namespace Beacon.Tests.Protocol;

using Beacon.Bot.Protocol;
using Beacon.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Moq;

/// <summary>The protocol services as the composition root registers them, with a fake clock, a fake connector and a stub token.</summary>
internal sealed class ConnectorTestServices : IDisposable
{
    public const string OutboundToken = "outbound-token";

    public ConnectorTestServices(string? appId)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Bot:MicrosoftAppId"] = appId })
            .Build();
        Recorder.Clock = Time;
        Tokens.Setup(t => t.GetTokenAsync(It.IsAny<CancellationToken>())).ReturnsAsync(appId is null ? null : OutboundToken);

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton(Tokens.Object);
        services.AddBotProtocol(configuration);
        services.AddHttpClient(ConnectorClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(Recorder.CreateHandler);
        Provider = services.BuildServiceProvider();
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public ConnectorRecorder Recorder { get; } = new();

    public Mock<IConnectorTokenProvider> Tokens { get; } = new();

    public ServiceProvider Provider { get; }

    public IConnectorClient Client => Provider.GetRequiredService<IConnectorClient>();

    /// <summary>Moves the fake clock until the task ends (bounded, so a real-clock wait fails the test).</summary>
    public Task RunOnFakeClock(Task task, int maxSeconds = 600) =>
        FakeClockDriver.RunAsync(Time, task, TimeSpan.FromSeconds(maxSeconds), "the call did not finish on the fake clock");

    public void Dispose() => Provider.Dispose();
}
