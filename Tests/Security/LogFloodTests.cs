namespace Beacon.Tests.Security;

using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

/// <summary>
/// Issue 19, point 3: unauthenticated requests cannot fill the log or forge lines in it. The real
/// bot with an App ID gets 200 POSTs whose 100 KB <c>type</c> (and, for half of them, a token's
/// 20 KB <c>iss</c>) carry newlines followed by a fake log line.
/// </summary>
public sealed class LogFloodTests : IAsyncLifetime
{
    private const string Marker = "FORGED-LOG-LINE";
    private const int Requests = 200;

    private SecureBot bot = null!;

    public async Task InitializeAsync() => bot = await SecureBot.StartAsync();

    public async Task DisposeAsync() => await bot.DisposeAsync();

    [Fact]
    public async Task Two_hundred_refused_posts_with_a_100_kb_type_add_less_than_1_mb_of_log_and_no_line_from_the_request()
    {
        var type = "message\r\nWarning Beacon: " + Marker + " " + new string('t', 100 * 1024);
        var bigIssuerToken = UnsignedToken(issuer: "https://evil.example/\n" + Marker + new string('i', 20 * 1024));
        var before = bot.Bot.Logs.Lines.Count;

        for (var i = 0; i < Requests; i++)
        {
            var activity = Activities.Message("help", bot.ServiceUrl);
            activity["type"] = type;
            using var response = await bot.PostAsync(activity, i % 2 == 0 ? null : "Bearer " + bigIssuerToken);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        var added = bot.Bot.Logs.Lines.Skip(before).ToList();
        var bytes = added.Sum(line => Encoding.UTF8.GetByteCount(line) + 1);
        Assert.True(bytes < 1024 * 1024, $"{bytes} bytes of log for {Requests} refused requests");
        Assert.Contains(added, line => line.Contains("Refused an inbound", StringComparison.Ordinal) && line.Contains(Marker, StringComparison.Ordinal));
        Assert.Contains(added, line => line.Contains("is not trusted", StringComparison.Ordinal) || line.Contains("evil.example", StringComparison.Ordinal));
        Assert.All(
            added.Where(line => line.Contains(Marker, StringComparison.Ordinal)),
            line => Assert.False(line.Contains('\n', StringComparison.Ordinal) || line.Contains('\r', StringComparison.Ordinal), line[..Math.Min(line.Length, 400)]));
        Assert.Empty(bot.Capture.Requests);
        Assert.Equal(0, bot.Tokens.Calls);
    }

    /// <summary>A JWT that passes the checks made before the issuer's (RS256, a kid) and carries the given issuer.</summary>
    private static string UnsignedToken(string issuer)
    {
        var header = Base64UrlEncoder.Encode(JsonSerializer.Serialize(new { alg = "RS256", kid = "any-kid", typ = "JWT" }));
        var payload = Base64UrlEncoder.Encode(JsonSerializer.Serialize(new { iss = issuer, aud = "someone", exp = 4102444800 }));
        return $"{header}.{payload}.{Base64UrlEncoder.Encode("not a signature")}";
    }
}
