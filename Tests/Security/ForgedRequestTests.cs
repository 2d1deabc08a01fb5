namespace Beacon.Tests.Security;

using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Beacon.Bot.Protocol;
using Beacon.Tests.Protocol;
using Microsoft.IdentityModel.Tokens;

/// <summary>
/// Item 1 of issue 10: forged requests against the real composed bot (App ID set, keys from the
/// test's own OpenID server on loopback) get 401 and cause no outbound call: the capture server
/// (on the bot's allow-list, so a wrongly accepted request would reach it) sees nothing and no
/// outbound token is even asked for. Each forgery differs from the positive control in one thing.
/// </summary>
public sealed class ForgedRequestTests : IAsyncLifetime
{
    private const string OtherBotAppId = "99999999-8888-7777-6666-555555555555";

    private SecureBot bot = null!;

    /// <summary>Each forgery and the refusal reason the bot must log for it (so it fails for that reason, not another).</summary>
    public static TheoryData<string, string> Forgeries() => new()
    {
        { "no header", "missing Authorization header" },
        { "wrong scheme", "scheme is not Bearer" },
        { "garbage token", "token is not a JWT" },
        { "alg none", "algorithm 'none' is not accepted" },
        { "HS256 signed with the public key", "algorithm 'HS256' is not accepted" },
        { "unknown kid", "signed with an unknown key" },
        { "signature by another key under the real kid", "InvalidSignature" },
        { "wrong issuer", "is not trusted" },
        { "wrong audience", "InvalidAudience" },
        { "expired", "Lifetime" },
        { "not yet valid", "Lifetime" },
        { "serviceurl claim not matching the activity", "serviceurl claim does not match" },
        { "no serviceurl claim", "serviceurl claim does not match" },
        { "missing channel endorsement", "not endorsed for channel 'msteams'" },
        { "valid token for another bot", "InvalidAudience" },
        { "activity for another channel", "not endorsed for channel 'webchat'" },
    };

    public async Task InitializeAsync() => bot = await SecureBot.StartAsync();

    public async Task DisposeAsync() => await bot.DisposeAsync();

    [Fact]
    public async Task Positive_control_a_valid_token_is_answered_through_the_capture_server_with_the_outbound_token()
    {
        using var response = await bot.PostAsync(Activities.Message("help", bot.ServiceUrl), "Bearer " + bot.ValidToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = Assert.Single(bot.Capture.Requests);
        Assert.Equal("POST", sent.Method);
        Assert.StartsWith("/v3/conversations/", sent.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal("Bearer " + SecureBot.OutboundToken, sent.Authorization);
        Assert.True(bot.OpenId.Requests > 0, "the keys were fetched from the local OpenID server");
    }

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task A_forged_request_is_401_with_no_outbound_call(string forgery, string reason)
    {
        var (activity, authorization) = Forge(forgery);

        using var response = await bot.PostAsync(activity, authorization);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(bot.Capture.Requests);
        Assert.Equal(0, bot.Tokens.Calls);
        var refusal = Assert.Single(bot.Bot.Logs.Lines, line => line.Contains("Refused an inbound", StringComparison.Ordinal));
        Assert.Contains(reason, refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_256_kb_is_413_even_with_a_valid_token_and_nothing_is_sent()
    {
        var activity = Activities.Message(new string('a', 257 * 1024), bot.ServiceUrl);

        using var response = await bot.PostAsync(activity, "Bearer " + bot.ValidToken());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(bot.Capture.Requests);
        Assert.Equal(0, bot.Tokens.Calls);
    }

    [Fact]
    public async Task A_chunked_body_over_256_kb_without_a_content_length_is_413()
    {
        var json = Activities.Message(new string('b', 300 * 1024), bot.ServiceUrl).ToJsonString();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(json))),
        };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + bot.ValidToken());

        using var response = await bot.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(bot.Capture.Requests);
    }

    private (JsonObject Activity, string? Authorization) Forge(string forgery)
    {
        var activity = Activities.Message("help", bot.ServiceUrl);
        var issuer = bot.Issuer;
        var now = issuer.Now;
        var url = bot.ServiceUrl;
        return forgery switch
        {
            "no header" => (activity, null),
            "wrong scheme" => (activity, "Basic " + bot.ValidToken()),
            "garbage token" => (activity, "Bearer this.is-not-a.jwt"),
            "alg none" => (activity, "Bearer " + Unsigned(new { alg = "none", typ = "JWT", kid = TestIssuer.BotKeyId }, Payload(url, now), string.Empty)),
            "HS256 signed with the public key" => (activity, "Bearer " + HmacWithPublicKey(url, now)),
            "unknown kid" => (activity, "Bearer " + issuer.BotFrameworkToken(serviceUrl: url, key: TestIssuer.StrangerKey, kid: "stranger-kid")),
            "signature by another key under the real kid" => (activity, "Bearer " + issuer.BotFrameworkToken(serviceUrl: url, key: TestIssuer.StrangerKey)),
            "wrong issuer" => (activity, "Bearer " + issuer.BotFrameworkToken(issuer: "https://api.botframework.evil", serviceUrl: url)),
            "wrong audience" => (activity, "Bearer " + issuer.BotFrameworkToken(audience: "https://api.botframework.com", serviceUrl: url)),
            "expired" => (activity, "Bearer " + issuer.BotFrameworkToken(serviceUrl: url, notBefore: now.AddHours(-2), expires: now.AddMinutes(-6))),
            "not yet valid" => (activity, "Bearer " + issuer.BotFrameworkToken(serviceUrl: url, notBefore: now.AddMinutes(6), expires: now.AddHours(1))),
            "serviceurl claim not matching the activity" => (activity, "Bearer " + issuer.BotFrameworkToken(serviceUrl: "https://smba.trafficmanager.net/emea/")),
            "no serviceurl claim" => (activity, "Bearer " + issuer.BotFrameworkToken(serviceUrl: null)),
            "missing channel endorsement" => (activity, "Bearer " + issuer.BotFrameworkToken(serviceUrl: url, key: TestIssuer.EntraKey, kid: LocalOpenIdServer.UnendorsedKeyId)),
            "valid token for another bot" => (activity, "Bearer " + issuer.BotFrameworkToken(audience: OtherBotAppId, serviceUrl: url)),
            "activity for another channel" => (WithChannel(activity, "webchat"), "Bearer " + bot.ValidToken()),
            _ => throw new ArgumentOutOfRangeException(nameof(forgery), forgery, "unknown forgery"),
        };
    }

    private static JsonObject WithChannel(JsonObject activity, string channel)
    {
        activity["channelId"] = channel;
        return activity;
    }

    private static Dictionary<string, object> Payload(string serviceUrl, DateTimeOffset now) => new()
    {
        ["iss"] = AuthenticationConstants.BotFrameworkIssuer,
        ["aud"] = TestIssuer.AppId,
        ["serviceurl"] = serviceUrl,
        ["nbf"] = now.AddMinutes(-1).ToUnixTimeSeconds(),
        ["exp"] = now.AddHours(1).ToUnixTimeSeconds(),
    };

    private static string Unsigned(object header, object payload, string signature) =>
        Base64UrlEncoder.Encode(JsonSerializer.Serialize(header)) + "." + Base64UrlEncoder.Encode(JsonSerializer.Serialize(payload)) + "." + signature;

    /// <summary>The classic key-confusion forgery: HMAC-SHA256 keyed with the published RSA public key.</summary>
    private static string HmacWithPublicKey(string serviceUrl, DateTimeOffset now)
    {
        var unsigned = Unsigned(new { alg = "HS256", typ = "JWT", kid = TestIssuer.BotKeyId }, Payload(serviceUrl, now), string.Empty).TrimEnd('.');
        var publicKey = Encoding.UTF8.GetBytes(TestIssuer.BotKey.ExportSubjectPublicKeyInfoPem());
        var signature = HMACSHA256.HashData(publicKey, Encoding.ASCII.GetBytes(unsigned));
        return unsigned + "." + Base64UrlEncoder.Encode(signature);
    }
}
