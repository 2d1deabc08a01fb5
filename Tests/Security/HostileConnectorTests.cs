namespace Beacon.Tests.Security;

using System.Net;
using Beacon.Bot.Delivery;
using Beacon.Bot.Protocol;
using Beacon.Scheduler.Delivery;
using Beacon.Tests.Support;
using Beacon.Training.Learners;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

/// <summary>
/// Issue 19, point 4: a Bot Connector on the allow-list that redirects elsewhere, answers with a
/// 300 MB body or never answers. The real bot (App ID set, genuine tokens) answers Teams' request,
/// sends nothing off the allow-list, and stops reading a body at
/// <see cref="ResponseSizeLimitHandler.MaxResponseBytes"/>; deliveries behave the same.
/// </summary>
public sealed class HostileConnectorTests
{
    /// <summary>What the connector may have pushed into socket buffers before the bot hung up: far below 300 MB.</summary>
    private const long MaxBytesBeforeHangUp = 32L * 1024 * 1024;

    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_307_to_a_host_off_the_allow_list_is_not_followed()
    {
        await using var connector = await HostileConnector.StartAsync(Hostility.RedirectOffTheList);
        await AssertAnswersOffTheList(connector);
        await using var bot = await StartBotAsync(connector.ServiceUrl);

        using var response = await bot.PostAuthenticatedAsync(Activities.Message("help", connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(connector.Requests);
        Assert.All(connector.Requests, request => Assert.StartsWith($"127.0.0.1:{connector.Port} ", request, StringComparison.Ordinal));
        Assert.Contains(bot.Bot.Logs.Lines, line => line.Contains("failed with 307", StringComparison.Ordinal) && line.Contains("not followed", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_300_mb_body_is_not_read_past_the_limit(bool declaredLength)
    {
        await using var connector = FloodingConnector.Start(declaredLength);
        await using var bot = await StartBotAsync(connector.ServiceUrl);

        using var response = await bot.PostAuthenticatedAsync(Activities.Message("help", connector.ServiceUrl)).WaitAsync(Guard);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(connector.Requests);
        Assert.True(connector.BytesWritten < MaxBytesBeforeHangUp, $"the connector got to write {connector.BytesWritten} bytes");
        Assert.Contains(bot.Bot.Logs.Lines, line => line.Contains("answered more than 1048576 bytes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_connector_that_never_answers_does_not_keep_teams_waiting()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var connector = await HostileConnector.StartAsync(Hostility.Hang);
        await using var bot = await StartBotAsync(connector.ServiceUrl, s => s.AddSingleton<TimeProvider>(clock));
        var posted = clock.GetUtcNow();
        var arrived = connector.Arrived;

        var post = bot.PostAuthenticatedAsync(Activities.Message("help", connector.ServiceUrl));
        await arrived.WaitAsync(Guard);
        await FakeClockDriver.RunAsync(clock, post, TimeSpan.FromSeconds(60), "Teams' request was never answered");

        using var response = await post;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.InRange(clock.GetUtcNow() - posted, BotMessageProcessor.AnswerWithin, TimeSpan.FromSeconds(15) - TimeSpan.FromTicks(1));

        // The turn goes on after the answer and ends when the connector's retries run out.
        var turns = bot.Bot.Services.GetRequiredService<InFlightTurns>();
        await FakeClockDriver.RunAsync(clock, turns.WhenIdle(), TimeSpan.FromMinutes(10), "the turn never ended");
        Assert.All(connector.Requests, request => Assert.StartsWith($"127.0.0.1:{connector.Port} ", request, StringComparison.Ordinal));
        Assert.Contains(bot.Bot.Logs.Lines, line => line.Contains("Teams is answered now", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_delivery_answered_with_a_307_is_refused_and_not_followed()
    {
        await using var connector = await HostileConnector.StartAsync(Hostility.RedirectOffTheList);
        await AssertAnswersOffTheList(connector);
        await using var bot = await StartBotAsync(connector.ServiceUrl);

        var result = await CreateConversationAsync(bot, connector.ServiceUrl);

        Assert.Equal(ChannelStatus.Rejected, result.Status);
        Assert.Equal(307, result.HttpStatus);
        Assert.StartsWith($"127.0.0.1:{connector.Port} ", Assert.Single(connector.Requests), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_delivery_answered_with_300_mb_is_refused_without_reading_it(bool declaredLength)
    {
        await using var connector = FloodingConnector.Start(declaredLength);
        await using var bot = await StartBotAsync(connector.ServiceUrl);

        var result = await CreateConversationAsync(bot, connector.ServiceUrl);

        Assert.Equal(ChannelStatus.Rejected, result.Status);
        Assert.Single(connector.Requests);
        Assert.True(connector.BytesWritten < MaxBytesBeforeHangUp, $"the connector got to write {connector.BytesWritten} bytes");
    }

    private static Task<ChannelResult> CreateConversationAsync(SecureBot bot, string serviceUrl)
    {
        var channel = bot.Bot.Services.GetRequiredService<IDeliveryChannel>();
        var address = new ConversationAddress(serviceUrl, "msteams", "a:1personal", Activities.BotId, "29:1user-a", Activities.Tenant);
        return channel.CreatePersonalConversationAsync(address, CancellationToken.None).WaitAsync(Guard);
    }

    private static Task<SecureBot> StartBotAsync(string serviceUrl, Action<IServiceCollection>? services = null) =>
        SecureBot.StartAsync(
            new Dictionary<string, string?> { ["Bot:AllowedServiceUrls:0"] = serviceUrl },
            s =>
            {
                s.AddHttpClient(ConnectorDeliveryChannel.HttpClientName).ConfigurePrimaryHttpMessageHandler(CaptureServer.TrustingHandler);
                services?.Invoke(s);
            });

    /// <summary>Proves the redirect target answers (so silence from it means the bot did not go), then forgets that request.</summary>
    private static async Task AssertAnswersOffTheList(HostileConnector connector)
    {
        using var client = new HttpClient(CaptureServer.TrustingHandler());
        using var response = await client.GetAsync(new Uri(new Uri(connector.OffListUrl), "v3/conversations"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith($"127.0.0.2:{connector.Port} ", Assert.Single(connector.Requests), StringComparison.Ordinal);
        connector.Requests.Clear();
    }
}
