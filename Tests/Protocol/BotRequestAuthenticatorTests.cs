namespace Beacon.Tests.Protocol;

using System.Net;
using System.Text.Json;
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

    [Fact]
    public async Task With_an_app_id_an_activity_from_another_channel_is_refused_even_with_a_key_endorsed_for_it()
    {
        using var webChatIssuer = new TestIssuer();
        webChatIssuer.Retriever.Set(TestIssuer.BotFrameworkKeys, TestIssuer.KeySet((TestIssuer.BotKey, TestIssuer.BotKeyId, ["msteams", "webchat"])));
        var activity = Teams();
        activity.ChannelId = "webchat";

        var result = await Authenticate(new BotOptions { MicrosoftAppId = TestIssuer.AppId }, "Bearer " + webChatIssuer.BotFrameworkToken(), IPAddress.Loopback, activity, webChatIssuer);

        Assert.False(result.Succeeded);
        Assert.Contains("not msteams", result.FailureReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tenant-1", "tenant-1", true)]
    [InlineData("tenant-1", null, true)]
    [InlineData(null, "tenant-1", true)]
    [InlineData("TENANT-1", "tenant-1", true)]
    [InlineData("tenant-1", "tenant-2", false)]
    [InlineData(null, null, false)]
    public async Task With_an_app_id_the_activity_must_name_one_tenant(string? conversationTenant, string? channelDataTenant, bool accepted)
    {
        var activity = Teams(conversationTenant, channelDataTenant);

        var result = await Authenticate(new BotOptions { MicrosoftAppId = TestIssuer.AppId }, "Bearer " + issuer.BotFrameworkToken(), IPAddress.Loopback, activity);

        Assert.Equal(accepted, result.Succeeded);
    }

    [Theory]
    [InlineData("tenant-1", true)]
    [InlineData("Tenant-1", true)]
    [InlineData("tenant-2", false)]
    public async Task A_single_tenant_bot_accepts_its_own_tenant_only(string activityTenant, bool accepted)
    {
        var settings = new BotOptions { MicrosoftAppId = TestIssuer.AppId, MicrosoftAppTenantId = "tenant-1" };

        var result = await Authenticate(settings, "Bearer " + issuer.BotFrameworkToken(), IPAddress.Loopback, Teams(activityTenant, activityTenant));

        Assert.Equal(accepted, result.Succeeded);
        Assert.Equal(accepted ? null : "activity's tenant is not this single-tenant bot's tenant (Bot:MicrosoftAppTenantId)", result.FailureReason);
    }

    [Fact]
    public async Task Development_mode_accepts_any_channel_and_no_tenant_but_refuses_disagreeing_tenants()
    {
        var playground = Teams(conversationTenant: null, channelDataTenant: null);
        playground.ChannelId = "emulator";

        var accepted = await Authenticate(new BotOptions(), header: null, IPAddress.Loopback, playground);
        var conflicting = await Authenticate(new BotOptions(), header: null, IPAddress.Loopback, Teams("tenant-1", "tenant-2"));

        Assert.True(accepted.Succeeded);
        Assert.False(conflicting.Succeeded);
        Assert.Contains("different tenants", conflicting.FailureReason, StringComparison.Ordinal);
    }

    private static Activity Teams(string? conversationTenant = "tenant-1", string? channelDataTenant = "tenant-1") => new()
    {
        Type = "message",
        ServiceUrl = TestIssuer.ServiceUrl,
        ChannelId = "msteams",
        Conversation = new ConversationAccount { Id = "conv-1", TenantId = conversationTenant },
        ChannelData = channelDataTenant is null
            ? null
            : JsonSerializer.SerializeToElement(new { tenant = new { id = channelDataTenant } }),
    };

    private Task<BotAuthenticationResult> Authenticate(
        string? appId,
        string? header,
        IPAddress? remote,
        string serviceUrl = TestIssuer.ServiceUrl,
        string channelId = "msteams")
    {
        var activity = Teams();
        activity.ServiceUrl = serviceUrl;
        activity.ChannelId = channelId;
        return Authenticate(new BotOptions { MicrosoftAppId = appId }, header, remote, activity);
    }

    private Task<BotAuthenticationResult> Authenticate(BotOptions settings, string? header, IPAddress? remote, Activity activity, TestIssuer? keys = null)
    {
        var options = Options.Create(settings);
        var source = keys ?? issuer;
        var validator = new BotTokenValidator(options, source.Sources(singleTenant: false), new FakeTimeProvider(source.Now), NullLogger<BotTokenValidator>.Instance);
        var authenticator = new BotRequestAuthenticator(options, validator);
        return authenticator.AuthenticateAsync(header, remote, activity, CancellationToken.None);
    }
}
