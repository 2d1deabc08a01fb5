namespace Beacon.Tests.Protocol;

using System.Net;
using Beacon.Bot.Protocol;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

public sealed class BotRequestAuthenticatorTests : IDisposable
{
    private readonly TestIssuer issuer = new();

    public void Dispose() => issuer.Dispose();

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.10.0.3")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    public async Task Development_mode_accepts_requests_without_a_token_from_loopback(string address)
    {
        var result = await Authenticate(appId: null, header: null, IPAddress.Parse(address));

        Assert.True(result.Succeeded);
        Assert.True(result.IsDevelopmentBypass);
    }

    [Theory]
    [InlineData("10.0.0.5")]
    [InlineData("192.168.1.20")]
    [InlineData("2001:db8::1")]
    [InlineData("::ffff:10.0.0.5")]
    public async Task Development_mode_refuses_requests_from_other_addresses(string address)
    {
        var result = await Authenticate(appId: null, header: null, IPAddress.Parse(address));

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task Development_mode_refuses_an_unknown_remote_address()
    {
        var result = await Authenticate(appId: null, header: null, remote: null);

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task With_an_app_id_loopback_without_a_token_is_refused()
    {
        var result = await Authenticate(TestIssuer.AppId, header: null, IPAddress.Loopback);

        Assert.False(result.Succeeded);
        Assert.False(result.IsDevelopmentBypass);
    }

    [Fact]
    public async Task With_an_app_id_a_valid_token_is_accepted_from_anywhere()
    {
        var result = await Authenticate(TestIssuer.AppId, "Bearer " + issuer.BotFrameworkToken(), IPAddress.Parse("52.112.0.10"));

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.False(result.IsDevelopmentBypass);
    }

    [Fact]
    public async Task The_token_is_checked_against_the_activity_service_url_and_channel()
    {
        var token = "Bearer " + issuer.BotFrameworkToken();

        var otherServiceUrl = await Authenticate(TestIssuer.AppId, token, IPAddress.Loopback, serviceUrl: "https://evil.example/");
        var otherChannel = await Authenticate(TestIssuer.AppId, token, IPAddress.Loopback, channelId: "slack");

        Assert.False(otherServiceUrl.Succeeded);
        Assert.False(otherChannel.Succeeded);
    }

    private Task<BotAuthenticationResult> Authenticate(
        string? appId,
        string? header,
        IPAddress? remote,
        string serviceUrl = TestIssuer.ServiceUrl,
        string channelId = "msteams")
    {
        var options = Options.Create(new BotOptions { MicrosoftAppId = appId });
        var validator = new BotTokenValidator(options, issuer.Sources(singleTenant: false), new FakeTimeProvider(issuer.Now), NullLogger<BotTokenValidator>.Instance);
        var authenticator = new BotRequestAuthenticator(options, validator);
        var activity = new Activity { Type = "message", ServiceUrl = serviceUrl, ChannelId = channelId };
        return authenticator.AuthenticateAsync(header, remote, activity, CancellationToken.None);
    }
}
