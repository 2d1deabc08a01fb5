namespace Beacon.Tests.Protocol;

using Beacon.Bot.Protocol;
using Microsoft.Extensions.Options;

public sealed class ServiceUrlPolicyTests
{
    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/")]
    [InlineData("https://smba.trafficmanager.net/emea")]
    [InlineData("https://SMBA.trafficmanager.net/apac/")]
    [InlineData("https://smba.trafficmanager.net/teams/")]
    [InlineData("https://smba.infra.gcc.teams.microsoft.com/teams")]
    public void Teams_hosts_are_allowed_by_default(string serviceUrl) =>
        Assert.True(Policy(appId: "app").IsAllowed(serviceUrl));

    [Theory]
    [InlineData("http://smba.trafficmanager.net/amer/")]
    [InlineData("https://smba.trafficmanager.net.evil.example/amer/")]
    [InlineData("https://evil.example/smba.trafficmanager.net/")]
    [InlineData("https://botframework.com.evil.example/")]
    [InlineData("https://evilbotframework.com/")]
    [InlineData("https://botframework.com/")]
    [InlineData("https://smba.trafficmanager.net:8443/amer/")]
    [InlineData("https://europe.webchat.botframework.com/")]
    [InlineData("https://directline.botframework.com/")]
    [InlineData("https://europe.directline.botframework.com/v3/directline/")]
    [InlineData("https://webchat.botframework.com/")]
    [InlineData("https://smba.infra.gcc.teams.microsoft.com.evil.example/")]
    [InlineData("https://user@evil.example/")]
    [InlineData("http://localhost:56150/_connector")]
    [InlineData("not a url")]
    [InlineData("")]
    [InlineData(null)]
    public void Other_hosts_including_direct_line_and_web_chat_are_refused(string? serviceUrl) =>
        Assert.False(Policy(appId: "app").IsAllowed(serviceUrl));

    [Theory]
    [InlineData("http://localhost:56150/_connector")]
    [InlineData("http://127.0.0.1:3978/_connector/")]
    [InlineData("http://[::1]:3978/")]
    public void Development_mode_allows_loopback(string serviceUrl) =>
        Assert.True(Policy(appId: null).IsAllowed(serviceUrl));

    [Theory]
    [InlineData("http://10.0.0.4:3978/_connector")]
    [InlineData("http://example.com/_connector")]
    public void Development_mode_still_refuses_other_hosts(string serviceUrl) =>
        Assert.False(Policy(appId: null).IsAllowed(serviceUrl));

    [Fact]
    public void A_configured_list_replaces_the_default()
    {
        var policy = Policy("app", "https://smba.infra.gov.teams.microsoft.us/");

        Assert.True(policy.IsAllowed("https://smba.infra.gov.teams.microsoft.us/teams/"));
        Assert.False(policy.IsAllowed("https://smba.trafficmanager.net/amer/"));
    }

    [Fact]
    public void A_path_prefix_matches_whole_segments()
    {
        var policy = Policy("app", "https://smba.trafficmanager.net/amer");

        Assert.True(policy.IsAllowed("https://smba.trafficmanager.net/amer/"));
        Assert.False(policy.IsAllowed("https://smba.trafficmanager.net/americas/"));
        Assert.False(policy.IsAllowed("https://smba.trafficmanager.net/emea/"));
    }

    [Fact]
    public void The_base_uri_always_ends_with_a_slash()
    {
        Assert.True(Policy(appId: null).TryGetBaseUri("http://localhost:56150/_connector", out var baseUri));

        Assert.Equal("http://localhost:56150/_connector/", baseUri.AbsoluteUri);
    }

    private static ServiceUrlPolicy Policy(string? appId, params string[] allowed) =>
        new(Options.Create(new BotOptions { MicrosoftAppId = appId, AllowedServiceUrls = [.. allowed] }));
}
