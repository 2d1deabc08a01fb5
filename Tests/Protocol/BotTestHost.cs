namespace Beacon.Tests.Protocol;

using System.Net;
using System.Text;
using Beacon.Bot.Protocol;
using Beacon.Dialogs.Turns;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Moq;

/// <summary>
/// A minimal bot host on 127.0.0.1 with a random port: AddBotProtocol + MapBotMessages, a mocked
/// ITurnHandler, local signing keys and a fake connector. The header X-Test-Remote-Address makes
/// a request look as if it came from elsewhere (Kestrel only ever sees loopback here).
/// </summary>
internal sealed class BotTestHost : IAsyncDisposable
{
    public const string RemoteAddressHeader = "X-Test-Remote-Address";

    private BotTestHost()
    {
    }

    public WebApplication App { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public Mock<ITurnHandler> Handler { get; } = new();

    public ConnectorRecorder Recorder { get; } = new();

    public TestIssuer Issuer { get; } = new();

    public static async Task<BotTestHost> StartAsync(string? appId)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Bot:MicrosoftAppId"] = appId });

        var host = new BotTestHost();
        builder.Services.AddSingleton<TimeProvider>(_ => new FakeTimeProvider(host.Issuer.Now));
        builder.Services.AddSingleton(_ => host.Issuer.Sources(singleTenant: false));
        builder.Services.AddSingleton(_ =>
        {
            var tokens = new Mock<IConnectorTokenProvider>();
            tokens.Setup(t => t.GetTokenAsync(It.IsAny<CancellationToken>())).ReturnsAsync(appId is null ? null : ConnectorTestServices.OutboundToken);
            return tokens.Object;
        });
        builder.Services.AddSingleton(_ => host.Handler.Object);
        builder.Services.AddBotProtocol(builder.Configuration);
        builder.Services.AddHttpClient(ConnectorClient.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => host.Recorder.CreateHandler());

        var app = builder.Build();
        app.Use((context, next) =>
        {
            if (context.Request.Headers.TryGetValue(RemoteAddressHeader, out var remote))
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(remote.ToString());
            }

            return next(context);
        });
        app.MapBotMessages();
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        host.App = app;
        host.Client = new HttpClient { BaseAddress = new Uri(address) };
        return host;
    }

    public Task<HttpResponseMessage> PostAsync(string json, string? authorization = null, string? remoteAddress = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        if (remoteAddress is not null)
        {
            request.Headers.Add(RemoteAddressHeader, remoteAddress);
        }

        return Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        Issuer.Dispose();
    }
}
