namespace Beacon.Tests.Security;

using System.Net;
using System.Text.Json.Nodes;
using Beacon.Cards.Builders;
using Beacon.Tests.Storage;
using Beacon.Training.Ports;
using Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Item 6 of issue 10 (privacy), end to end through the real composed bot: "my data" shows what
/// Beacon holds; "forget me" asks for confirmation with a destructive Action.Execute, then leaves
/// no row or entity for the learner in the store (a raw scan of every table), and the learner is
/// no longer listed for sessions. The same scenario runs on SQLite and on Azurite.
/// </summary>
public abstract class PrivacyTests : IAsyncLifetime
{
    protected const string LearnerAad = "aad-privacy-5e0b2f";
    private const string LearnerId = "29:1privacy-user";
    private const string OtherAad = "aad-privacy-other-77aa";

    private SecureBot bot = null!;

    private protected SecureBot Bot => bot;

    public async Task InitializeAsync() =>
        bot = await SecureBot.StartAsync(arguments: [.. (await StoreSettingsAsync()).Select(s => $"--{s.Key}={s.Value}")]);

    public async Task DisposeAsync() => await bot.DisposeAsync();

    [Fact]
    public async Task My_data_shows_the_profile_and_counts_then_forget_me_erases_everything_after_confirmation()
    {
        await TrainAsync(LearnerId, LearnerAad);
        await TrainAsync("29:1other-user", OtherAad);
        Assert.NotEmpty(await TracesAsync(LearnerAad));

        var myData = await SayAsync("my data");
        Assert.Contains("What Beacon holds about you", myData, StringComparison.Ordinal);
        Assert.Contains("Ana Example", myData, StringComparison.Ordinal);
        Assert.Contains("Europe/London", myData, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"Answers\",\"value\":\"1 (", myData, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"Questions sent to you\",\"value\":\"1\"", myData, StringComparison.Ordinal);

        var confirm = await SayAsync("forget me");
        var erase = JsonNode.Parse(confirm)!["attachments"]![0]!["content"]!["actions"]!.AsArray()
            .Single(a => a!["verb"]?.GetValue<string>() == ForgetMeCard.ConfirmVerb)!;
        Assert.Equal("Action.Execute", erase["type"]!.GetValue<string>());
        Assert.Equal("destructive", erase["style"]!.GetValue<string>());
        Assert.NotEmpty(await TracesAsync(LearnerAad));

        var done = await InvokeAsync(ForgetMeCard.ConfirmVerb);

        Assert.Contains("Your data is erased", done, StringComparison.Ordinal);
        Assert.Empty(await TracesAsync(LearnerAad));
        Assert.NotEmpty(await TracesAsync(OtherAad));
        await foreach (var learner in bot.Bot.Services.GetRequiredService<ILearnerStore>().ListActiveAsync(Activities.Tenant, CancellationToken.None))
        {
            Assert.NotEqual(LearnerAad, learner.Key.LearnerId);
        }
    }

    [Fact]
    public async Task Keeping_the_data_erases_nothing()
    {
        await TrainAsync(LearnerId, LearnerAad);
        var before = await TracesAsync(LearnerAad);

        var kept = await InvokeAsync(ForgetMeCard.CancelVerb);

        Assert.Contains("Nothing was erased", kept, StringComparison.Ordinal);
        Assert.Equal(before.Count, (await TracesAsync(LearnerAad)).Count);
    }

    [Fact]
    public async Task Asking_what_beacon_holds_does_not_create_a_profile()
    {
        var myData = await SayAsync("my data");
        var forget = await SayAsync("forget me");

        Assert.Contains("Beacon holds no profile", myData, StringComparison.Ordinal);
        Assert.Contains("Your data is erased", forget, StringComparison.Ordinal);
        Assert.Empty(await TracesAsync(LearnerAad));
    }

    /// <summary>Settings that point the bot at this test's store.</summary>
    protected abstract Task<Dictionary<string, string?>> StoreSettingsAsync();

    /// <summary>Raw rows or entities anywhere in the store that mention the text.</summary>
    protected abstract Task<IReadOnlyList<string>> TracesAsync(string text);

    /// <summary>Install, quiz, answer: a learner with a profile, a welcome, an issued question, an answer and a review state.</summary>
    private async Task TrainAsync(string userId, string aad)
    {
        await PostOkAsync(Activities.InstallationUpdate(bot.ServiceUrl, userId, aad));
        await PostOkAsync(Activities.Message("quiz", bot.ServiceUrl, userId, aad));
        var data = bot.Capture.Requests.Select(r => Activities.AnswerDataIn(r.Body)).LastOrDefault(d => d is not null);
        Assert.True(data is not null, string.Join("\n", bot.Capture.Requests.Select(r => r.Body[..Math.Min(400, r.Body.Length)])) + "\n" + bot.Bot.Logs);
        await PostOkAsync(Activities.Invoke("answer", data!, bot.ServiceUrl, userId, aad));
        bot.Capture.Requests.Clear();
    }

    private async Task<string> SayAsync(string text)
    {
        bot.Capture.Requests.Clear();
        await PostOkAsync(Activities.Message(text, bot.ServiceUrl, LearnerId, LearnerAad));
        return Assert.Single(bot.Capture.Requests).Body;
    }

    private async Task<string> InvokeAsync(string verb)
    {
        using var response = await bot.PostAuthenticatedAsync(Activities.Invoke(verb, [], bot.ServiceUrl, LearnerId, LearnerAad));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task PostOkAsync(JsonObject activity)
    {
        using var response = await bot.PostAuthenticatedAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

public sealed class SqlitePrivacyTests : PrivacyTests
{
    protected override Task<Dictionary<string, string?>> StoreSettingsAsync() => Task.FromResult(new Dictionary<string, string?>());

    protected override Task<IReadOnlyList<string>> TracesAsync(string text) =>
        Task.FromResult<IReadOnlyList<string>>(SqliteEraseContractTests.SqliteTraces(Bot.Bot.DatabasePath, text));
}

[Collection(AzuriteGroup.Name)]
public sealed class AzuritePrivacyTests(AzuriteFixture azurite) : PrivacyTests
{
    private readonly string prefix = "p" + Guid.NewGuid().ToString("N")[..20];

    protected override Task<Dictionary<string, string?>> StoreSettingsAsync() => Task.FromResult(new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "AzureTables",
        ["Storage:AzureTables:ConnectionString"] = azurite.ConnectionString,
        ["Storage:AzureTables:TablePrefix"] = prefix,
    });

    protected override Task<IReadOnlyList<string>> TracesAsync(string text) => AzureTablesEraseContractTests.AzureTraces(azurite.ConnectionString, prefix, text);
}
