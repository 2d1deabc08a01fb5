namespace Beacon.Tests.Security;

using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Beacon.Bot.Protocol;
using Beacon.Tests.Protocol;
using Beacon.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The real composed bot (<see cref="RunningBot"/>) with an App ID, validating tokens against
/// the test's own OpenID server, calling a capture server (allowed by Bot:AllowedServiceUrls)
/// with a recognisable outbound token from a counting token provider. Setting
/// Bot:MicrosoftAppTenantId makes it single-tenant, with Entra ID keys from the same server.
/// </summary>
internal sealed class SecureBot : IAsyncDisposable
{
    public const string OutboundToken = "outbound-token-RECOGNISABLE-7f3a9c";

    private SecureBot(LocalOpenIdServer openId, CaptureServer capture, RunningBot bot, CountingTokenProvider tokens, TestIssuer issuer)
    {
        OpenId = openId;
        Capture = capture;
        Bot = bot;
        Tokens = tokens;
        Issuer = issuer;
        Client = new HttpClient { BaseAddress = bot.BaseAddress };
    }

    public LocalOpenIdServer OpenId { get; }

    public CaptureServer Capture { get; }

    public RunningBot Bot { get; }

    public CountingTokenProvider Tokens { get; }

    public TestIssuer Issuer { get; }

    public HttpClient Client { get; }

    public string ServiceUrl => Capture.ServiceUrl;

    /// <param name="settings">Configuration added after the composition root ran (read when services are resolved).</param>
    /// <param name="services">Service overrides.</param>
    /// <param name="arguments">Settings the composition root reads while registering, as <c>--Key=value</c> (e.g. Storage:Provider).</param>
    public static async Task<SecureBot> StartAsync(
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        IEnumerable<string>? arguments = null)
    {
        var openId = await LocalOpenIdServer.StartAsync();
        var capture = await CaptureServer.StartAsync();
        var tokens = new CountingTokenProvider(OutboundToken);
        var config = new Dictionary<string, string?>
        {
            ["Bot:MicrosoftAppId"] = TestIssuer.AppId,
            ["Bot:OpenIdMetadataUrl"] = openId.MetadataUrl,
            ["Bot:EntraOpenIdMetadataUrl"] = openId.EntraMetadataUrl,
            ["Bot:AllowedServiceUrls:0"] = capture.ServiceUrl,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        var bot = await RunningBot.StartAsync(config, s =>
        {
            s.AddSingleton<IConnectorTokenProvider>(tokens);
            s.AddHttpClient(ConnectorClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(CaptureServer.TrustingHandler);
            services?.Invoke(s);
        }, arguments);
        return new SecureBot(openId, capture, bot, tokens, new TestIssuer { Now = DateTimeOffset.UtcNow });
    }

    /// <summary>A valid Bot Framework token for an activity on <paramref name="serviceUrl"/> (default: the capture server).</summary>
    public string ValidToken(string? serviceUrl = null) => Issuer.BotFrameworkToken(serviceUrl: serviceUrl ?? ServiceUrl);

    public Task<HttpResponseMessage> PostAsync(JsonObject activity, string? authorization) =>
        PostRawAsync(activity.ToJsonString(), authorization);

    public Task<HttpResponseMessage> PostRawAsync(string body, string? authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return Client.SendAsync(request);
    }

    /// <summary>Posts with a valid token for the activity's own serviceUrl.</summary>
    public Task<HttpResponseMessage> PostAuthenticatedAsync(JsonObject activity) =>
        PostAsync(activity, "Bearer " + ValidToken(activity["serviceUrl"]?.GetValue<string>()));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Bot.DisposeAsync();
        await Capture.DisposeAsync();
        await OpenId.DisposeAsync();
    }
}

/// <summary>Hands out one recognisable outbound token and counts how often it was asked for.</summary>
internal sealed class CountingTokenProvider(string token) : IConnectorTokenProvider
{
    private int calls;

    public int Calls => Volatile.Read(ref calls);

    public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref calls);
        return ValueTask.FromResult<string?>(token);
    }
}

/// <summary>Recorded-style Teams activities (the shapes Teams sends), as JSON to spoil at will.</summary>
internal static class Activities
{
    public const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public const string BotId = "28:" + TestIssuer.AppId;

    public static JsonObject Message(string text, string serviceUrl, string userId = "29:1user-a", string aadObjectId = "aad-user-a", string conversationType = "personal") => new()
    {
        ["type"] = "message",
        ["id"] = "1700000000" + Random.Shared.Next(1000, 9999),
        ["timestamp"] = "2026-03-02T09:00:00.000Z",
        ["localTimestamp"] = "2026-03-02T10:00:00.000+01:00",
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = userId, ["name"] = "Ana Example", ["aadObjectId"] = aadObjectId },
        ["conversation"] = Conversation(userId, conversationType),
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "Beacon" },
        ["textFormat"] = "plain",
        ["locale"] = "en-GB",
        ["text"] = text,
        ["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "clientInfo",
            ["locale"] = "en-GB",
            ["country"] = "GB",
            ["platform"] = "Web",
            ["timezone"] = "Europe/London",
        }),
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Tenant } },
    };

    public static JsonObject Invoke(string verb, JsonObject data, string serviceUrl, string userId = "29:1user-a", string aadObjectId = "aad-user-a") => new()
    {
        ["type"] = "invoke",
        ["name"] = "adaptiveCard/action",
        ["id"] = "f:invoke-" + Random.Shared.Next(1000, 9999),
        ["timestamp"] = "2026-03-02T09:01:00.000Z",
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = userId, ["name"] = "Ana Example", ["aadObjectId"] = aadObjectId },
        ["conversation"] = Conversation(userId, "personal"),
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "Beacon" },
        ["replyToId"] = "1700000000123",
        ["locale"] = "en-GB",
        ["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
            ["trigger"] = "manual",
        },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Tenant }, ["source"] = new JsonObject { ["name"] = "message" } },
    };

    public static JsonObject InstallationUpdate(string serviceUrl, string userId = "29:1user-a", string aadObjectId = "aad-user-a") => new()
    {
        ["type"] = "installationUpdate",
        ["action"] = "add",
        ["id"] = "f:install-" + Random.Shared.Next(1000, 9999),
        ["timestamp"] = "2026-03-02T08:59:00.000Z",
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = userId, ["aadObjectId"] = aadObjectId },
        ["conversation"] = Conversation(userId, "personal"),
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "Beacon" },
        ["locale"] = "en-GB",
        ["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["locale"] = "en-GB", ["country"] = "GB", ["timezone"] = "Europe/London" }),
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Tenant }, ["source"] = null },
    };

    public static JsonObject ConversationUpdate(string serviceUrl, string userId = "29:1user-a") => new()
    {
        ["type"] = "conversationUpdate",
        ["id"] = "f:update-" + Random.Shared.Next(1000, 9999),
        ["timestamp"] = "2026-03-02T08:59:00.000Z",
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = userId },
        ["conversation"] = Conversation(userId, "personal"),
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "Beacon" },
        ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotId }),
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Tenant } },
    };

    /// <summary>The prompt, question and first option of the question card in a sent activity body, or null.</summary>
    public static JsonObject? AnswerDataIn(string activityBody)
    {
        var root = JsonNode.Parse(activityBody);
        var actions = root?["attachments"]?.AsArray()
            .SelectMany(a => Descendants(a?["content"]))
            .OfType<JsonObject>()
            .Where(o => o["verb"]?.GetValue<string>() == "answer" && o["data"] is JsonObject)
            .ToList();
        return actions is { Count: > 0 } ? (JsonObject)actions[0]["data"]!.DeepClone() : null;
    }

    private static IEnumerable<JsonNode?> Descendants(JsonNode? node)
    {
        yield return node;
        var children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children)
        {
            foreach (var d in Descendants(child))
            {
                yield return d;
            }
        }
    }

    private static JsonObject Conversation(string userId, string conversationType) => new()
    {
        ["conversationType"] = conversationType,
        ["tenantId"] = Tenant,
        ["id"] = conversationType == "personal" ? "a:1personal-" + userId.GetHashCode(StringComparison.Ordinal).ToString("x", System.Globalization.CultureInfo.InvariantCulture) : "19:group@thread.v2",
    };
}

internal static class AuthorizationHeaders
{
    public static string Bearer(string token) => new AuthenticationHeaderValue("Bearer", token).ToString();
}
