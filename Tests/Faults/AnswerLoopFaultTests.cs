namespace Beacon.Tests.Faults;

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Azure.Data.Tables;
using Beacon.Tests.Storage;
using Beacon.Training.Answers;
using Beacon.Training.Content;
using Beacon.Training.Learners;
using Beacon.Training.Ports;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

/// <summary>
/// The fault test of issue 6: the real bot on Azure Table Storage (Azurite, on disk) takes a run
/// of 1,000 answers from concurrent clients; Azurite is stopped in the middle and started again on
/// the same port with the same data folder. Clients keep the answers the bot acknowledged (HTTP 200
/// with the feedback card) and retry the others after the restart. Afterwards every acknowledged
/// answer is in Azurite exactly once, and was applied to the learner's review state exactly once.
/// </summary>
public sealed class AnswerLoopFaultTests(ITestOutputHelper log)
{
    private const int Learners = 50;
    private const int AnswersPerLearner = 20;          // 1,000 answers in all
    private const int Clients = 10;                     // each client owns 5 learners and answers for them in order
    private const int StopAfterAcknowledged = 300;      // Azurite goes down once this many answers are in
    private const int FailuresBeforeRestart = 20;       // ... and comes back once the clients have seen this many failures
    private const int MaxAttemptsPerAnswer = 30;
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Every_acknowledged_answer_is_stored_once_across_an_Azurite_restart()
    {
        using var budget = new CancellationTokenSource(Budget);
        var clock = Stopwatch.StartNew();
        await using var azurite = await AzuriteServer.StartAsync();
        await using var driver = await BotDriver.StartAsync(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "AzureTables",
            ["Storage:AzureTables:ConnectionString"] = azurite.ConnectionString,
            ["Storage:AzureTables:TablePrefix"] = "faults",
            ["Logging:LogLevel:Default"] = "Warning",
            // 50 simulated users answer 20 questions each as fast as the bot allows: far above the
            // per-user turn limit that protects the bot from one real user. This test is about the store.
            ["RateLimiting:BurstSize"] = "100000",
            ["RateLimiting:TurnsPerSecond"] = "100000",
        });
        var prompts = await IssueQuestionsAsync(driver);
        Assert.Equal(Learners * AnswersPerLearner, prompts.Count);

        var acknowledged = new ConcurrentDictionary<string, Prompt>(StringComparer.Ordinal);
        var failures = 0;
        var failuresWhileDown = 0;
        var azuriteDown = 0;
        var restarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        string? lastFailure = null;

        async Task<bool> AnswerOnceAsync(Prompt prompt)
        {
            bool ok;
            try
            {
                using var response = await driver.SendAnswerAsync(prompt.User, prompt.PromptId, prompt.QuestionId, prompt.OptionId, budget.Token);
                var body = await BotDriver.InvokeBodyAsync(response);
                ok = BotDriver.IsCardAnswer(body);
                if (!ok)
                {
                    lastFailure = $"HTTP {(int)response.StatusCode} {body?.ToJsonString()}";
                }
            }
            catch (HttpRequestException ex)
            {
                ok = false;
                lastFailure = ex.Message;
            }

            if (ok)
            {
                Assert.True(acknowledged.TryAdd(prompt.PromptId, prompt));
                return true;
            }

            Interlocked.Increment(ref failures);
            if (Volatile.Read(ref azuriteDown) == 1)
            {
                Interlocked.Increment(ref failuresWhileDown);
            }

            return false;
        }

        async Task ClientAsync(IReadOnlyList<Prompt> mine)
        {
            // First pass: every answer once, in order per learner (unacknowledged ones are kept).
            var unacknowledged = new List<Prompt>();
            foreach (var prompt in mine)
            {
                if (!await AnswerOnceAsync(prompt))
                {
                    unacknowledged.Add(prompt);
                }
            }

            // Then retry what was not acknowledged, once the store is back.
            if (unacknowledged.Count > 0)
            {
                await restarted.Task.WaitAsync(budget.Token);
            }

            foreach (var prompt in unacknowledged)
            {
                for (var attempt = 1; !await AnswerOnceAsync(prompt); attempt++)
                {
                    Assert.True(attempt < MaxAttemptsPerAnswer, $"{prompt.PromptId} was never acknowledged after the restart; last failure: {lastFailure}");
                    await Poll.UntilAsync(async () => await driver.ReadyzAsync() == HttpStatusCode.OK, TimeSpan.FromSeconds(30), "/readyz 200");
                }
            }
        }

        async Task ChaosAsync()
        {
            await Poll.UntilAsync(() => acknowledged.Count >= StopAfterAcknowledged, Budget, $"{StopAfterAcknowledged} acknowledged answers");
            var acknowledgedBeforeStop = acknowledged.Count;
            Volatile.Write(ref azuriteDown, 1);
            await azurite.StopAsync();
            log.WriteLine($"{clock.Elapsed}: Azurite stopped after {acknowledgedBeforeStop} acknowledged answers (graceful: {azurite.LastStopWasGraceful})");
            await Poll.UntilAsync(() => Volatile.Read(ref failuresWhileDown) >= FailuresBeforeRestart, TimeSpan.FromSeconds(90), $"{FailuresBeforeRestart} failed answers while Azurite is down");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, await driver.ReadyzAsync());
            await azurite.StartAgainAsync();
            Volatile.Write(ref azuriteDown, 0);
            log.WriteLine($"{clock.Elapsed}: Azurite restarted; {acknowledged.Count} acknowledged, {failures} failed attempts so far");
            await Poll.UntilAsync(async () => await driver.ReadyzAsync() == HttpStatusCode.OK, TimeSpan.FromSeconds(30), "/readyz 200 after the restart");
            restarted.TrySetResult();
        }

        var byClient = prompts.GroupBy(p => p.LearnerIndex % Clients).Select(g => (IReadOnlyList<Prompt>)g.ToList()).ToList();
        var chaos = ChaosAsync();
        var clients = byClient.Select(mine => Task.Run(() => ClientAsync(mine))).ToList();
        await Task.WhenAll(clients.Append(chaos)).WaitAsync(budget.Token);
        log.WriteLine($"{clock.Elapsed}: done; {acknowledged.Count} acknowledged, {failures} failed attempts ({failuresWhileDown} while Azurite was down)");

        Assert.True(azurite.LastStopWasGraceful, "Azurite had to be killed, so its last writes may not be on disk:\n" + azurite.Output());
        Assert.True(failuresWhileDown >= FailuresBeforeRestart, "the outage did not happen in the middle of the run");
        Assert.Equal(prompts.Count, acknowledged.Count);

        // Count answer entities per prompt id straight from Azurite (all partitions).
        var data = azurite.Client().GetTableClient("faultsLearnerData");
        var answersPerPrompt = new Dictionary<string, int>(StringComparer.Ordinal);
        var repsPerReview = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var entity in data.QueryAsync<TableEntity>(cancellationToken: budget.Token))
        {
            if (entity.RowKey.StartsWith("answer|", StringComparison.Ordinal))
            {
                var promptId = entity.GetString("PromptId");
                answersPerPrompt[promptId] = answersPerPrompt.GetValueOrDefault(promptId) + 1;
            }
            else if (entity.RowKey.StartsWith("review|", StringComparison.Ordinal))
            {
                repsPerReview[entity.PartitionKey + "/" + entity.GetString("QuestionId")] = entity.GetInt32("Reps")!.Value;
            }
        }

        var lost = acknowledged.Keys.Where(p => !answersPerPrompt.ContainsKey(p)).ToList();
        var duplicated = answersPerPrompt.Where(p => p.Value != 1).Select(p => p.Key).ToList();
        var unexpected = answersPerPrompt.Keys.Where(p => !acknowledged.ContainsKey(p)).ToList();
        log.WriteLine($"stored answers {answersPerPrompt.Count}, lost {lost.Count}, duplicated {duplicated.Count}, stored but never acknowledged {unexpected.Count}");
        Assert.Empty(lost);
        Assert.Empty(duplicated);
        Assert.Empty(unexpected);

        // Each learner answered 20 different questions once each: every review state moved on exactly once.
        Assert.Equal(prompts.Count, repsPerReview.Count);
        Assert.All(repsPerReview, r => Assert.Equal(1, r.Value));
    }

    /// <summary>
    /// Records the question cards as issued through the bot's own store (as the quiz flow does
    /// before it sends a card): 50 learners, 20 different questions each, 1,000 prompts.
    /// </summary>
    private static async Task<List<Prompt>> IssueQuestionsAsync(BotDriver driver)
    {
        var pack = driver.Bot.Services.GetRequiredService<ContentPack>();
        var answers = driver.Bot.Services.GetRequiredService<IAnswerStore>();
        Assert.True(pack.Questions.Count >= AnswersPerLearner, $"the content pack has only {pack.Questions.Count} questions");
        var issuedAt = DateTimeOffset.UtcNow;
        var prompts = new List<Prompt>();
        for (var l = 0; l < Learners; l++)
        {
            var user = $"user{l:D2}";
            for (var q = 0; q < AnswersPerLearner; q++)
            {
                var question = pack.Questions[(l + q * 7) % pack.Questions.Count];
                var option = question.Options[(l + q) % question.Options.Count].Id;
                prompts.Add(new Prompt(l, user, $"p-{l:D2}-{q:D2}-{Guid.NewGuid():N}", question.Id, question.Version, option));
            }
        }

        await Parallel.ForEachAsync(prompts, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (prompt, ct) =>
            await answers.RecordIssuedAsync(
                new IssuedQuestion(new LearnerKey(BotDriver.TenantId, BotDriver.LearnerId(prompt.User)), prompt.PromptId, prompt.QuestionId, prompt.QuestionVersion, issuedAt, OnDemand: true),
                ct));
        return prompts;
    }

    private sealed record Prompt(int LearnerIndex, string User, string PromptId, string QuestionId, int QuestionVersion, string OptionId);
}
