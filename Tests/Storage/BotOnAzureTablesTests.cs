namespace Beacon.Tests.Storage;

using System.Net;
using Azure.Data.Tables;

/// <summary>
/// Acceptance: the bot started with Storage:Provider=AzureTables and an Azurite connection string
/// runs the quiz flow end to end, and the answer is an entity in Azurite's LearnerData table.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class BotOnAzureTablesTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Quiz_then_answer_is_stored_as_entities_in_Azurite()
    {
        var prefix = "e2e" + Guid.NewGuid().ToString("N")[..12];
        await using var driver = await BotDriver.StartAsync(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "AzureTables",
            ["Storage:AzureTables:ConnectionString"] = azurite.ConnectionString,
            ["Storage:AzureTables:TablePrefix"] = prefix,
        });
        Assert.Equal(HttpStatusCode.OK, await driver.ReadyzAsync());

        using (var quiz = await driver.SendMessageAsync("ana", "quiz"))
        {
            Assert.Equal(HttpStatusCode.OK, quiz.StatusCode);
        }

        var question = Assert.Single(driver.SentQuestions());
        using var answer = await driver.SendAnswerAsync("ana", question.PromptId, question.QuestionId, question.OptionIds[0]);
        var body = await BotDriver.InvokeBodyAsync(answer);
        Assert.True(BotDriver.IsCardAnswer(body), body?.ToJsonString());
        Assert.Matches("Correct|Not quite", body!.ToJsonString());

        // Read Azurite directly, not through the bot's store classes.
        var service = new TableServiceClient(azurite.ConnectionString);
        var data = service.GetTableClient(prefix + "LearnerData");
        var partition = BotDriver.TenantId + "|" + BotDriver.LearnerId("ana");
        var rows = new List<TableEntity>();
        await foreach (var entity in data.QueryAsync<TableEntity>(e => e.PartitionKey == partition))
        {
            rows.Add(entity);
        }

        var stored = Assert.Single(rows, e => e.RowKey == "answer|" + question.PromptId);
        Assert.Equal(question.PromptId, stored.GetString("PromptId"));
        Assert.Equal(question.QuestionId, stored.GetString("QuestionId"));
        Assert.Equal(question.OptionIds[0], stored.GetString("OptionId"));
        Assert.Contains(rows, e => e.RowKey == "issued|" + question.PromptId);
        var review = Assert.Single(rows, e => e.RowKey == "review|" + question.QuestionId);
        Assert.Equal(1, review.GetInt32("Reps"));

        var learner = await service.GetTableClient(prefix + "Learners").GetEntityAsync<TableEntity>(BotDriver.TenantId, BotDriver.LearnerId("ana"));
        Assert.Equal("ana", learner.Value.GetString("DisplayName"));
    }
}
