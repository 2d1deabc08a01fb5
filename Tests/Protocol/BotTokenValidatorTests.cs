namespace Beacon.Tests.Protocol;

using Beacon.Bot.Protocol;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Moq;

public sealed class BotTokenValidatorTests : IDisposable
{
    private const string Channel = "msteams";
    private readonly TestIssuer issuer = new();

    public void Dispose() => issuer.Dispose();

    [Fact]
    public async Task Valid_bot_framework_token_is_accepted()
    {
        var result = await Validate("Bearer " + issuer.BotFrameworkToken());

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Equal(TestIssuer.AppId, result.Identity!.FindFirst("aud")!.Value);
    }

    [Fact]
    public async Task Missing_header_is_rejected() => await AssertRejected(null, "missing");

    [Fact]
    public async Task Wrong_scheme_is_rejected() => await AssertRejected("Basic " + issuer.BotFrameworkToken(), "scheme");

    [Fact]
    public async Task Garbage_token_is_rejected() => await AssertRejected("Bearer this.is-not!a-jwt", "not a JWT");

    [Fact]
    public async Task Unsigned_token_with_alg_none_is_rejected() =>
        await AssertRejected("Bearer " + issuer.Unsafe(new { alg = "none", typ = "JWT", kid = TestIssuer.BotKeyId }, string.Empty), "algorithm");

    [Fact]
    public async Task Hs256_token_is_rejected() => await AssertRejected("Bearer " + issuer.Hs256Token(), "algorithm");

    [Fact]
    public async Task Rs256_header_with_forged_signature_is_rejected() =>
        await AssertRejected("Bearer " + issuer.Unsafe(new { alg = "RS256", typ = "JWT", kid = TestIssuer.BotKeyId }, "AAAA"), "rejected");

    [Fact]
    public async Task Unknown_kid_is_rejected() =>
        await AssertRejected("Bearer " + issuer.BotFrameworkToken(key: TestIssuer.StrangerKey, kid: "not-published"), "unknown key");

    [Fact]
    public async Task Known_kid_signed_by_another_key_is_rejected() =>
        await AssertRejected("Bearer " + issuer.BotFrameworkToken(key: TestIssuer.StrangerKey), "rejected");

    [Fact]
    public async Task Wrong_issuer_is_rejected() =>
        await AssertRejected("Bearer " + issuer.BotFrameworkToken(issuer: "https://api.botframework.com.evil.example"), "issuer");

    [Fact]
    public async Task Wrong_audience_is_rejected() =>
        await AssertRejected("Bearer " + issuer.BotFrameworkToken(audience: "someone-else"), "Audience");

    [Fact]
    public async Task Token_expired_beyond_five_minutes_of_skew_is_rejected() =>
        await AssertRejected(
            "Bearer " + issuer.BotFrameworkToken(notBefore: issuer.Now.AddHours(-1), expires: issuer.Now.AddMinutes(-6)),
            "Lifetime");

    [Fact]
    public async Task Token_expired_within_the_skew_is_accepted()
    {
        var result = await Validate("Bearer " + issuer.BotFrameworkToken(notBefore: issuer.Now.AddHours(-1), expires: issuer.Now.AddMinutes(-4)));

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Fact]
    public async Task Token_not_yet_valid_beyond_the_skew_is_rejected() =>
        await AssertRejected(
            "Bearer " + issuer.BotFrameworkToken(notBefore: issuer.Now.AddMinutes(6), expires: issuer.Now.AddHours(1)),
            "Lifetime");

    [Fact]
    public async Task Serviceurl_claim_that_differs_from_the_activity_is_rejected() =>
        await AssertRejected("Bearer " + issuer.BotFrameworkToken(serviceUrl: "https://smba.trafficmanager.net/emea/"), "serviceurl");

    [Fact]
    public async Task Missing_serviceurl_claim_is_rejected() =>
        await AssertRejected("Bearer " + issuer.BotFrameworkToken(serviceUrl: null), "serviceurl");

    [Fact]
    public async Task Key_not_endorsed_for_the_channel_is_rejected() =>
        await AssertRejected("Bearer " + issuer.BotFrameworkToken(), "endorsed", channelId: "webchat");

    [Fact]
    public async Task Activity_without_channel_is_rejected() =>
        await AssertRejected("Bearer " + issuer.BotFrameworkToken(), "channelId", channelId: null);

    [Theory]
    [InlineData("https://login.microsoftonline.com/" + TestIssuer.TenantId + "/v2.0")]
    [InlineData("https://sts.windows.net/" + TestIssuer.TenantId + "/")]
    public async Task Entra_token_is_accepted_for_a_single_tenant_bot(string entraIssuer)
    {
        var result = await Validate("Bearer " + issuer.EntraToken(entraIssuer));

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Theory]
    [InlineData("https://login.microsoftonline.com/" + TestIssuer.TenantId + "/v2.0", "azp")]
    [InlineData("https://sts.windows.net/" + TestIssuer.TenantId + "/", "appid")]
    public async Task Entra_token_from_another_application_of_the_tenant_is_rejected(string entraIssuer, string callerClaim) =>
        await AssertRejected(
            "Bearer " + issuer.EntraToken(entraIssuer, TestIssuer.AppId, new Dictionary<string, object> { [callerClaim] = "another-app" }),
            "calling application 'another-app'");

    [Fact]
    public async Task Entra_token_naming_no_calling_application_is_rejected() =>
        await AssertRejected(
            "Bearer " + issuer.EntraToken(AuthenticationConstants.EntraV2Issuer(TestIssuer.TenantId), TestIssuer.AppId, new Dictionary<string, object>()),
            "names no calling application");

    [Fact]
    public async Task Entra_token_from_an_allowed_caller_is_accepted_and_the_list_does_not_widen_bot_framework_checks()
    {
        var validator = new BotTokenValidator(
            Options.Create(new BotOptions { MicrosoftAppId = TestIssuer.AppId, MicrosoftAppTenantId = TestIssuer.TenantId, AllowedCallers = [" partner-app "] }),
            issuer.Sources(),
            new FakeTimeProvider(issuer.Now),
            NullLogger<BotTokenValidator>.Instance);
        var v2 = AuthenticationConstants.EntraV2Issuer(TestIssuer.TenantId);

        var listed = await validator.ValidateAsync(
            "Bearer " + issuer.EntraToken(v2, TestIssuer.AppId, TestIssuer.CallerClaims(v2, "PARTNER-APP")), TestIssuer.ServiceUrl, Channel, CancellationToken.None);
        var unlisted = await validator.ValidateAsync(
            "Bearer " + issuer.EntraToken(v2, TestIssuer.AppId, TestIssuer.CallerClaims(v2, "partner-app-2")), TestIssuer.ServiceUrl, Channel, CancellationToken.None);
        var audienceOfCaller = await validator.ValidateAsync(
            "Bearer " + issuer.EntraToken(v2, "partner-app", TestIssuer.CallerClaims(v2, "partner-app")), TestIssuer.ServiceUrl, Channel, CancellationToken.None);

        Assert.True(listed.Succeeded, listed.FailureReason);
        Assert.False(unlisted.Succeeded);
        Assert.False(audienceOfCaller.Succeeded);
    }

    [Fact]
    public async Task Entra_token_of_another_tenant_is_rejected() =>
        await AssertRejected("Bearer " + issuer.EntraToken("https://login.microsoftonline.com/ffffffff-0000-0000-0000-000000000000/v2.0"), "issuer");

    [Fact]
    public async Task Entra_token_is_rejected_for_a_multi_tenant_bot()
    {
        var validator = CreateValidator(tenantId: null, issuer.Sources(singleTenant: false));

        var result = await validator.ValidateAsync(
            "Bearer " + issuer.EntraToken(AuthenticationConstants.EntraV2Issuer(TestIssuer.TenantId)), TestIssuer.ServiceUrl, Channel, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("issuer", result.FailureReason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Entra_token_with_wrong_audience_is_rejected() =>
        await AssertRejected("Bearer " + issuer.EntraToken(AuthenticationConstants.EntraV2Issuer(TestIssuer.TenantId), audience: "api://other"), "Audience");

    [Fact]
    public async Task Bot_framework_token_signed_with_the_entra_key_is_rejected() =>
        await AssertRejected("Bearer " + issuer.BotFrameworkToken(key: TestIssuer.EntraKey, kid: TestIssuer.EntraKeyId), "unknown key");

    [Fact]
    public async Task Endorsements_are_read_from_the_published_key_set()
    {
        var configuration = await TestIssuer.LoadAsync(TestIssuer.BotFrameworkMetadata, issuer.Retriever);

        Assert.Equal(["msteams", "emulator"], BotTokenValidator.GetEndorsements(configuration, TestIssuer.BotKeyId));
        Assert.Empty(BotTokenValidator.GetEndorsements(configuration, "nope"));
    }

    [Fact]
    public async Task Unknown_kid_asks_for_fresh_keys_and_accepts_a_newly_published_key()
    {
        var stale = await TestIssuer.LoadAsync(TestIssuer.BotFrameworkMetadata, issuer.Retriever);
        var rotated = new InMemoryDocumentRetriever();
        rotated.Set(TestIssuer.BotFrameworkMetadata, TestIssuer.Metadata(AuthenticationConstants.BotFrameworkIssuer, TestIssuer.BotFrameworkKeys));
        rotated.Set(TestIssuer.BotFrameworkKeys, TestIssuer.KeySet((TestIssuer.BotKey, TestIssuer.BotKeyId, ["msteams"]), (TestIssuer.StrangerKey, "rotated", ["msteams"])));
        var fresh = await TestIssuer.LoadAsync(TestIssuer.BotFrameworkMetadata, rotated);
        var refreshed = false;
        var manager = new Mock<IConfigurationManager<OpenIdConnectConfiguration>>();
        manager.Setup(m => m.GetConfigurationAsync(It.IsAny<CancellationToken>())).ReturnsAsync(() => refreshed ? fresh : stale);
        manager.Setup(m => m.RequestRefresh()).Callback(() => refreshed = true);
        var validator = CreateValidator(TestIssuer.TenantId, new OpenIdConfigurationSources(manager.Object, null));

        var first = await validator.ValidateAsync("Bearer " + issuer.BotFrameworkToken(), TestIssuer.ServiceUrl, Channel, CancellationToken.None);
        manager.Verify(m => m.RequestRefresh(), Times.Never);

        var rotatedToken = issuer.BotFrameworkToken(key: TestIssuer.StrangerKey, kid: "rotated");
        var second = await validator.ValidateAsync("Bearer " + rotatedToken, TestIssuer.ServiceUrl, Channel, CancellationToken.None);

        Assert.True(first.Succeeded, first.FailureReason);
        Assert.True(second.Succeeded, second.FailureReason);
        manager.Verify(m => m.RequestRefresh(), Times.Once);
    }

    [Fact]
    public async Task Metadata_is_fetched_once_and_then_cached()
    {
        var validator = CreateValidator(TestIssuer.TenantId, issuer.Sources());

        for (var i = 0; i < 3; i++)
        {
            var result = await validator.ValidateAsync("Bearer " + issuer.BotFrameworkToken(), TestIssuer.ServiceUrl, Channel, CancellationToken.None);
            Assert.True(result.Succeeded, result.FailureReason);
        }

        Assert.Equal(2, issuer.Retriever.Requests);
    }

    [Fact]
    public void Keys_are_refreshed_at_least_daily() =>
        Assert.True(OpenIdConfigurationSources.AutomaticRefreshInterval <= TimeSpan.FromDays(1));

    [Fact]
    public async Task No_app_id_means_no_token_can_be_valid()
    {
        var validator = new BotTokenValidator(
            Options.Create(new BotOptions()), issuer.Sources(), new FakeTimeProvider(issuer.Now), NullLogger<BotTokenValidator>.Instance);

        var result = await validator.ValidateAsync("Bearer " + issuer.BotFrameworkToken(), TestIssuer.ServiceUrl, Channel, CancellationToken.None);

        Assert.False(result.Succeeded);
    }

    private BotTokenValidator CreateValidator(string? tenantId, OpenIdConfigurationSources sources) => new(
        Options.Create(new BotOptions { MicrosoftAppId = TestIssuer.AppId, MicrosoftAppTenantId = tenantId }),
        sources,
        new FakeTimeProvider(issuer.Now),
        NullLogger<BotTokenValidator>.Instance);

    private Task<BotAuthenticationResult> Validate(string? header, string? channelId = Channel) =>
        CreateValidator(TestIssuer.TenantId, issuer.Sources())
            .ValidateAsync(header, TestIssuer.ServiceUrl, channelId, CancellationToken.None);

    private async Task AssertRejected(string? header, string reason, string? channelId = Channel)
    {
        var result = await Validate(header, channelId);

        Assert.False(result.Succeeded);
        Assert.Null(result.Identity);
        Assert.Contains(reason, result.FailureReason, StringComparison.OrdinalIgnoreCase);
    }
}
