namespace Beacon.Tests.Security;

using System.Net;
using Beacon.Bot.Protocol;
using Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Item 2 of issue 10: whatever serviceUrl an authenticated activity carries, the connector sends
/// its token only to hosts on the allow-list. The capture server listens under names that are not
/// on the list (127.0.0.2, localhost, [::1]); the test first proves it is reachable under each, so
/// silence from it means the bot did not call, not that it could not.
/// </summary>
public sealed class OutboundSafetyTests : IAsyncLifetime
{
    private SecureBot bot = null!;

    public static TheoryData<string> NotAllowed() =>
    [
        "https://127.0.0.2:{port}/",
        "https://localhost:{port}/",
        "https://[::1]:{port}/",
        "https://127.0.0.1.evil.example:{port}/",
        "http://127.0.0.1:{port}/",
        "https://user:pass@127.0.0.1:{port}/",
        "https://127.0.0.1:{port}/?redirect=x",
    ];

    public async Task InitializeAsync() => bot = await SecureBot.StartAsync();

    public async Task DisposeAsync() => await bot.DisposeAsync();

    [Theory]
    [MemberData(nameof(NotAllowed))]
    public async Task An_activity_naming_a_host_off_the_allow_list_gets_no_call_and_no_token(string template)
    {
        var serviceUrl = template.Replace("{port}", bot.Capture.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        await AssertReachableIfLoopbackHttps(serviceUrl);

        // A genuine token whose serviceurl claim names the same URL: authentication passes, only the allow-list stands in the way.
        using var response = await bot.PostAsync(Activities.Message("help", serviceUrl), "Bearer " + bot.ValidToken(serviceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(bot.Capture.Requests);
        Assert.Equal(0, bot.Tokens.Calls);
        Assert.DoesNotContain(SecureBot.OutboundToken, bot.Bot.Logs.ToString(), StringComparison.Ordinal);
        Assert.Contains(bot.Bot.Logs.Lines, line => line.Contains("not allowed", StringComparison.OrdinalIgnoreCase)
            || line.Contains(nameof(ServiceUrlNotAllowedException), StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_same_activity_on_the_allowed_url_is_answered_with_the_token()
    {
        using var response = await bot.PostAsync(Activities.Message("help", bot.ServiceUrl), "Bearer " + bot.ValidToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = Assert.Single(bot.Capture.Requests);
        Assert.Equal("Bearer " + SecureBot.OutboundToken, sent.Authorization);
        Assert.Equal($"127.0.0.1:{bot.Capture.Port}", sent.Host);
    }

    [Fact]
    public async Task The_connector_itself_refuses_a_host_off_the_list_before_asking_for_a_token()
    {
        var connector = bot.Bot.Services.GetRequiredService<IConnectorClient>();
        var evil = $"https://127.0.0.2:{bot.Capture.Port}/";

        await Assert.ThrowsAsync<ServiceUrlNotAllowedException>(() => connector.SendToConversationAsync(
            evil, "a:1", new Activity { Type = ActivityTypes.Message, Text = "hi" }, CancellationToken.None));
        await Assert.ThrowsAsync<ServiceUrlNotAllowedException>(() => connector.CreatePersonalConversationAsync(
            evil, Activities.BotId, "29:1", Activities.Tenant, CancellationToken.None));

        Assert.Empty(bot.Capture.Requests);
        Assert.Equal(0, bot.Tokens.Calls);
    }

    /// <summary>Proves the capture server answers under this name, so the assertion above can fail.</summary>
    private async Task AssertReachableIfLoopbackHttps(string serviceUrl)
    {
        var uri = new Uri(serviceUrl);
        if (uri.Scheme != Uri.UriSchemeHttps || !uri.IsLoopback || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return;
        }

        using var probe = new HttpClient(CaptureServer.TrustingHandler());
        using var answer = await probe.PostAsync(new Uri(uri, "probe"), new StringContent("{}"));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.True(bot.Capture.Requests.TryDequeue(out var seen));
        Assert.Equal("/probe", seen!.PathAndQuery);
    }
}
