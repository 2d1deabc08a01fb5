namespace Beacon.Tests.Security;

using System.Net;
using Beacon.Tests.Protocol;

/// <summary>
/// Point 1 of issue 19 against the real composed single-tenant bot: an Entra ID token of the bot's
/// tenant, for the bot's audience and signed by the tenant's (local) key, is let in only when its
/// calling application (<c>azp</c> in v2.0, <c>appid</c> in v1.0) is the bot itself or listed in
/// Bot:AllowedCallers. Any other app of the tenant gets 401, and nothing leaves the bot: the
/// capture server sees no request and no outbound token is asked for.
/// </summary>
public sealed class AllowedCallersTests : IAsyncLifetime
{
    private const string ListedCaller = "0b0b0b0b-1111-4222-8333-444444444444";
    private const string ForeignCaller = "f0f0f0f0-9999-4888-8777-666666666666";
    private const string V2Issuer = "https://login.microsoftonline.com/" + Activities.Tenant + "/v2.0";
    private const string V1Issuer = "https://sts.windows.net/" + Activities.Tenant + "/";

    private SecureBot bot = null!;

    public async Task InitializeAsync() => bot = await SecureBot.StartAsync(new Dictionary<string, string?>
    {
        ["Bot:MicrosoftAppTenantId"] = Activities.Tenant,
        ["Bot:AllowedCallers:0"] = ListedCaller,
    });

    public async Task DisposeAsync() => await bot.DisposeAsync();

    [Fact]
    public async Task AllowedCallers_a_v2_token_with_a_foreign_azp_is_401_with_no_outbound_call() =>
        await AssertRefused(new Dictionary<string, object> { ["ver"] = "2.0", ["azp"] = ForeignCaller }, V2Issuer, $"calling application '{ForeignCaller}'");

    [Fact]
    public async Task AllowedCallers_a_v1_token_with_a_foreign_appid_is_401_with_no_outbound_call() =>
        await AssertRefused(new Dictionary<string, object> { ["ver"] = "1.0", ["appid"] = ForeignCaller }, V1Issuer, $"calling application '{ForeignCaller}'");

    [Theory]
    [InlineData(V2Issuer)]
    [InlineData(V1Issuer)]
    public async Task AllowedCallers_a_token_with_neither_azp_nor_appid_is_401_with_no_outbound_call(string issuer) =>
        await AssertRefused(TestIssuer.NoCallerClaims(issuer), issuer, "names no calling application");

    [Fact]
    public async Task AllowedCallers_a_token_whose_azp_is_the_bot_but_whose_appid_is_foreign_is_401() =>
        await AssertRefused(
            new Dictionary<string, object> { ["ver"] = "2.0", ["azp"] = TestIssuer.AppId, ["appid"] = ForeignCaller },
            V2Issuer,
            $"calling application '{ForeignCaller}'");

    [Theory]
    [InlineData(V2Issuer, TestIssuer.AppId)]
    [InlineData(V1Issuer, TestIssuer.AppId)]
    [InlineData(V2Issuer, ListedCaller)]
    [InlineData(V1Issuer, ListedCaller)]
    public async Task AllowedCallers_a_token_from_the_bot_itself_or_a_listed_caller_is_answered(string issuer, string caller)
    {
        using var response = await PostWithEntraToken(TestIssuer.CallerClaims(issuer, caller), issuer);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = Assert.Single(bot.Capture.Requests);
        Assert.Equal("Bearer " + SecureBot.OutboundToken, sent.Authorization);
        Assert.DoesNotContain(bot.Bot.Logs.Lines, line => line.Contains("Refused an inbound", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AllowedCallers_a_caller_listed_for_another_bot_is_not_allowed_here()
    {
        // The list is this bot's configuration: an empty list lets in the bot itself only.
        await using var unlisted = await SecureBot.StartAsync(new Dictionary<string, string?> { ["Bot:MicrosoftAppTenantId"] = Activities.Tenant });
        var token = unlisted.Issuer.EntraToken(V2Issuer, TestIssuer.AppId, TestIssuer.CallerClaims(V2Issuer, ListedCaller));

        using var response = await unlisted.PostAsync(Activities.Message("help", unlisted.ServiceUrl), "Bearer " + token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(unlisted.Capture.Requests);
        Assert.Equal(0, unlisted.Tokens.Calls);
    }

    private async Task AssertRefused(IReadOnlyDictionary<string, object> callerClaims, string issuer, string reason)
    {
        using var response = await PostWithEntraToken(callerClaims, issuer);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(bot.Capture.Requests);
        Assert.Equal(0, bot.Tokens.Calls);
        var refusal = Assert.Single(bot.Bot.Logs.Lines, line => line.Contains("Refused an inbound", StringComparison.Ordinal));
        Assert.Contains(reason, refusal, StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> PostWithEntraToken(IReadOnlyDictionary<string, object> callerClaims, string issuer)
    {
        var token = bot.Issuer.EntraToken(issuer, TestIssuer.AppId, callerClaims);
        return bot.PostAsync(Activities.Message("help", bot.ServiceUrl), "Bearer " + token);
    }
}
