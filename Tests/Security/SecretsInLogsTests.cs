namespace Beacon.Tests.Security;

using System.Net;
using System.Text.Json.Nodes;
using Beacon.Tests.Storage;

/// <summary>
/// Item 6 of issue 10 (secrets): a full session on the real bot with Azure Tables (Azurite, a
/// connection string with an AccountKey), an App password, an outbound bearer token and inbound
/// JWTs, logging at Debug. Every log line is searched: no secret, no token and no concern text
/// the user typed may appear. The test first checks the session really happened (the logs are
/// not empty and the answers were stored), so an empty log cannot pass it.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class SecretsInLogsTests(AzuriteFixture azurite)
{
    private const string AppPassword = "Beacon-App-Pa55word~SECRET~q8Zr";
    private const string ConcernText = "Mariposa-Quintanilla";

    [Fact]
    public async Task A_full_session_logs_no_password_connection_string_key_token_or_concern_text()
    {
        var accountKey = System.Text.RegularExpressions.Regex.Match(azurite.ConnectionString, "AccountKey=([^;]+)").Groups[1].Value;
        Assert.NotEmpty(accountKey);
        var prefix = "s" + Guid.NewGuid().ToString("N")[..20];
        await using var bot = await SecureBot.StartAsync(
            new Dictionary<string, string?>
            {
                ["Bot:MicrosoftAppPassword"] = AppPassword,
                ["Logging:LogLevel:Default"] = "Debug",
                ["Logging:LogLevel:Microsoft"] = "Debug",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Debug",
                ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Debug",
                ["Logging:LogLevel:Azure"] = "Debug",
            },
            arguments:
            [
                "--Storage:Provider=AzureTables",
                $"--Storage:AzureTables:ConnectionString={azurite.ConnectionString}",
                $"--Storage:AzureTables:TablePrefix={prefix}",
                $"--Bot:MicrosoftAppPassword={AppPassword}",
            ]);
        var inboundTokens = new List<string>();

        async Task<HttpResponseMessage> Send(JsonObject activity)
        {
            var token = bot.ValidToken(activity["serviceUrl"]!.GetValue<string>());
            inboundTokens.Add(token);
            return await bot.PostAsync(activity, "Bearer " + token);
        }

        (await Send(Activities.InstallationUpdate(bot.ServiceUrl))).EnsureSuccessStatusCode();
        (await Send(Activities.Message("quiz", bot.ServiceUrl))).EnsureSuccessStatusCode();
        var data = bot.Capture.Requests.Select(r => Activities.AnswerDataIn(r.Body)).LastOrDefault(d => d is not null);
        Assert.NotNull(data);
        (await Send(Activities.Invoke("answer", data!, bot.ServiceUrl))).EnsureSuccessStatusCode();
        (await Send(Activities.Message($"I am worried about {ConcernText} at the car wash, who do I call?", bot.ServiceUrl))).EnsureSuccessStatusCode();
        (await Send(Activities.Message("my data", bot.ServiceUrl))).EnsureSuccessStatusCode();
        var forged = bot.Issuer.BotFrameworkToken(serviceUrl: bot.ServiceUrl, key: Protocol.TestIssuer.StrangerKey);
        inboundTokens.Add(forged);
        using (var refused = await bot.PostAsync(Activities.Message("quiz", bot.ServiceUrl), "Bearer " + forged))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        // The session happened: replies went out with the outbound token, the answer is in Azurite, the logs are full.
        Assert.True(bot.Capture.Requests.Count >= 4, $"{bot.Capture.Requests.Count} replies");
        Assert.All(bot.Capture.Requests, r => Assert.Equal("Bearer " + SecureBot.OutboundToken, r.Authorization));
        Assert.NotEmpty(await AzureTablesEraseContractTests.AzureTraces(azurite.ConnectionString, prefix, "answer|"));
        var logs = bot.Bot.Logs.ToString();
        Assert.True(bot.Bot.Logs.Lines.Count > 20, logs);
        Assert.Contains(bot.Bot.Logs.Lines, l => l.StartsWith("Debug", StringComparison.Ordinal));
        Assert.Contains(bot.Bot.Logs.Lines, l => l.Contains("System.Net.Http.HttpClient", StringComparison.Ordinal)); // outbound calls were logged too
        Assert.Contains(bot.Bot.Logs.Lines, l => l.Contains("Refused an inbound", StringComparison.Ordinal));

        string[] secrets =
        [
            AppPassword,
            accountKey,
            accountKey[..16],
            SecureBot.OutboundToken,
            ConcernText,
            .. inboundTokens,
            .. inboundTokens.Select(t => t.Split('.')[2]),
            .. inboundTokens.Select(t => t.Split('.')[1]),
        ];
        foreach (var secret in secrets)
        {
            var line = bot.Bot.Logs.Lines.FirstOrDefault(l => l.Contains(secret, StringComparison.Ordinal));
            Assert.True(line is null, $"a secret ({secret[..Math.Min(12, secret.Length)]}...) is in the logs: {line}");
        }
    }
}
