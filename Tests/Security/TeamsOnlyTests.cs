namespace Beacon.Tests.Security;

using System.Net;
using System.Text.Json.Nodes;
using Beacon.Tests.Protocol;

/// <summary>
/// Point 2 of issue 19 against the real composed bot in authenticated mode: only Teams activities
/// (<c>channelId</c> msteams) that name one tenant get in, a single-tenant bot takes its own tenant
/// only, and a configured manager is a manager in their own tenant only. Each refusal is a 401
/// with nothing sent; each positive control differs from its refusal in the one field tested.
/// </summary>
public sealed class TeamsOnlyTests : IAsyncLifetime
{
    private const string OtherTenant = "0c0c0c0c-5555-4666-8777-888888888888";
    private const string ManagerAad = "aad-manager-of-tenant-a";

    private SecureBot bot = null!;

    public async Task InitializeAsync() => bot = await SecureBot.StartAsync(new Dictionary<string, string?>
    {
        [$"Managers:Tenants:{Activities.Tenant}:AadObjectIds:0"] = ManagerAad,
    });

    public async Task DisposeAsync() => await bot.DisposeAsync();

    [Fact]
    public async Task A_webchat_activity_signed_by_a_key_endorsed_for_webchat_with_the_tenant_only_in_channel_data_is_refused()
    {
        var activity = Activities.Message("help", bot.ServiceUrl);
        activity["channelId"] = "webchat";
        activity["conversation"]!.AsObject().Remove("tenantId");
        var token = bot.Issuer.BotFrameworkToken(serviceUrl: bot.ServiceUrl, key: TestIssuer.StrangerKey, kid: LocalOpenIdServer.WebChatKeyId);

        await AssertRefusedAsync(activity, token, "channelId is not msteams");
    }

    [Fact]
    public async Task Positive_control_the_same_key_and_tenant_only_in_channel_data_on_msteams_is_answered()
    {
        var activity = Activities.Message("help", bot.ServiceUrl);
        activity["conversation"]!.AsObject().Remove("tenantId");
        var token = bot.Issuer.BotFrameworkToken(serviceUrl: bot.ServiceUrl, key: TestIssuer.StrangerKey, kid: LocalOpenIdServer.WebChatKeyId);

        using var response = await bot.PostAsync(activity, "Bearer " + token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(bot.Capture.Requests);
    }

    [Fact]
    public async Task An_activity_whose_two_tenant_fields_disagree_is_refused()
    {
        var activity = Activities.Message("help", bot.ServiceUrl);
        activity["channelData"]!["tenant"]!["id"] = OtherTenant;

        await AssertRefusedAsync(activity, bot.ValidToken(), "name different tenants");
    }

    [Fact]
    public async Task An_activity_that_names_no_tenant_is_refused()
    {
        var activity = Activities.Message("help", bot.ServiceUrl);
        activity["conversation"]!.AsObject().Remove("tenantId");
        activity.Remove("channelData");

        await AssertRefusedAsync(activity, bot.ValidToken(), "names no tenant");
    }

    [Fact]
    public async Task A_single_tenant_bot_refuses_an_activity_of_another_tenant()
    {
        await using var singleTenant = await SecureBot.StartAsync(new Dictionary<string, string?> { ["Bot:MicrosoftAppTenantId"] = Activities.Tenant });
        var foreign = WithTenant(Activities.Message("help", singleTenant.ServiceUrl), OtherTenant);

        using var refused = await singleTenant.PostAuthenticatedAsync(foreign);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Empty(singleTenant.Capture.Requests);
        Assert.Equal(0, singleTenant.Tokens.Calls);
        Assert.Contains(singleTenant.Bot.Logs.Lines, line => line.Contains("not this single-tenant bot's tenant", StringComparison.Ordinal));

        using var own = await singleTenant.PostAuthenticatedAsync(Activities.Message("help", singleTenant.ServiceUrl));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Single(singleTenant.Capture.Requests);
    }

    [Fact]
    public async Task A_manager_of_tenant_a_is_refused_a_manager_verb_in_tenant_b()
    {
        var inTenantB = WithTenant(Activities.Invoke("newCampaign", [], bot.ServiceUrl, "29:1manager", ManagerAad), OtherTenant);

        var card = await InvokeAsync(inTenantB);

        Assert.Contains("That\\u0027s for managers", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Positive_control_the_same_manager_verb_in_tenant_a_is_not_refused()
    {
        var card = await InvokeAsync(Activities.Invoke("newCampaign", [], bot.ServiceUrl, "29:1manager", ManagerAad));

        Assert.DoesNotContain("That\\u0027s for managers", card, StringComparison.Ordinal);
        Assert.DoesNotContain("That's for managers", card, StringComparison.Ordinal);
    }

    private static JsonObject WithTenant(JsonObject activity, string tenantId)
    {
        activity["conversation"]!["tenantId"] = tenantId;
        activity["channelData"]!["tenant"]!["id"] = tenantId;
        return activity;
    }

    private async Task<string> InvokeAsync(JsonObject invoke)
    {
        using var response = await bot.PostAuthenticatedAsync(invoke);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task AssertRefusedAsync(JsonObject activity, string token, string reason)
    {
        using var response = await bot.PostAsync(activity, "Bearer " + token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(bot.Capture.Requests);
        Assert.Equal(0, bot.Tokens.Calls);
        var refusal = Assert.Single(bot.Bot.Logs.Lines, line => line.Contains("Refused an inbound", StringComparison.Ordinal));
        Assert.Contains(reason, refusal, StringComparison.Ordinal);
    }
}
