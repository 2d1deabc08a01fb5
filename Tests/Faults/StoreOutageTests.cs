namespace Beacon.Tests.Faults;

using System.Net;
using Azure.Data.Tables;
using Beacon.Tests.Storage;
using Microsoft.Data.Sqlite;

/// <summary>
/// The store goes away under a running bot and comes back: /readyz says 503 meanwhile, an answer
/// gets the "I couldn't save that" invoke error and nothing of it is stored, and once the store is
/// back (no restart of the bot) /readyz is 200 and the retried answer is stored exactly once.
/// </summary>
public sealed class StoreOutageTests
{
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task SQLite_locked_by_another_writer_then_released()
    {
        await using var driver = await BotDriver.StartAsync(new Dictionary<string, string?>
        {
            ["Storage:Sqlite:BusyTimeout"] = "00:00:01",
        });
        var question = await AskAsync(driver, "ana");
        var database = driver.Bot.DatabasePath;

        // Another process's writer holds the write lock past the busy timeout.
        var blocker = new SqliteConnection($"Data Source={database};Pooling=False");
        await blocker.OpenAsync();
        var hold = (SqliteTransaction)await blocker.BeginTransactionAsync();
        await Execute(blocker, hold, "UPDATE schema_version SET version = version;");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, await driver.ReadyzAsync());
        await AssertCouldNotSaveAsync(driver, "ana", question);
        Assert.Equal(0L, await CountSqliteAsync(database, "answers", question.PromptId));
        Assert.Equal(0L, await CountSqliteAsync(database, "review_states", null));

        await hold.RollbackAsync();
        await hold.DisposeAsync();
        await blocker.DisposeAsync();

        await Poll.UntilAsync(async () => await driver.ReadyzAsync() == HttpStatusCode.OK, Recovery, "/readyz 200 after the lock is released");
        await AssertAnsweredAsync(driver, "ana", question);
        await AssertAnsweredAsync(driver, "ana", question); // a client's second retry: same feedback, stored once
        Assert.Equal(1L, await CountSqliteAsync(database, "answers", question.PromptId));
        Assert.Equal(1L, await ScalarAsync(database, "SELECT reps FROM review_states;"));
    }

    [Fact]
    public async Task Azurite_stopped_then_restarted_on_the_same_port()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        await using var driver = await BotDriver.StartAsync(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "AzureTables",
            ["Storage:AzureTables:ConnectionString"] = azurite.ConnectionString,
            ["Storage:AzureTables:TablePrefix"] = "outage",
            ["Storage:AzureTables:MaxRetries"] = "1",
            ["Storage:AzureTables:RetryDelay"] = "00:00:00.1",
        });
        var question = await AskAsync(driver, "ana");

        await azurite.StopAsync();
        Assert.True(azurite.LastStopWasGraceful, azurite.Output());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, await driver.ReadyzAsync());
        await AssertCouldNotSaveAsync(driver, "ana", question);

        await azurite.StartAgainAsync();
        await Poll.UntilAsync(async () => await driver.ReadyzAsync() == HttpStatusCode.OK, Recovery, "/readyz 200 after Azurite is back");

        var data = azurite.Client().GetTableClient("outageLearnerData");
        var partition = BotDriver.TenantId + "|" + BotDriver.LearnerId("ana");
        Assert.Empty(await RowsAsync(data, partition, "answer|")); // the failed attempt left nothing
        Assert.Single(await RowsAsync(data, partition, "issued|")); // what was stored before the outage survived it

        await AssertAnsweredAsync(driver, "ana", question);
        await AssertAnsweredAsync(driver, "ana", question);
        var answer = Assert.Single(await RowsAsync(data, partition, "answer|"));
        Assert.Equal(question.PromptId, answer.GetString("PromptId"));
        Assert.Equal(1, Assert.Single(await RowsAsync(data, partition, "review|")).GetInt32("Reps"));
    }

    private static async Task<SentQuestion> AskAsync(BotDriver driver, string user)
    {
        Assert.Equal(HttpStatusCode.OK, await driver.ReadyzAsync());
        using var quiz = await driver.SendMessageAsync(user, "quiz");
        Assert.Equal(HttpStatusCode.OK, quiz.StatusCode);
        var sent = driver.SentQuestions();
        Assert.True(sent.Count == 1, $"expected one question card; the bot sent:\n{driver.SentBodies()}\nBot log:\n{driver.Bot.Logs}");
        return sent[0];
    }

    private static async Task AssertCouldNotSaveAsync(BotDriver driver, string user, SentQuestion question)
    {
        using var response = await driver.SendAnswerAsync(user, question.PromptId, question.QuestionId, question.OptionIds[0]);
        var body = await BotDriver.InvokeBodyAsync(response);
        Assert.NotNull(body);
        Assert.Equal(503, (int?)body["statusCode"]);
        Assert.Equal("application/vnd.microsoft.error", (string?)body["type"]);
        Assert.Equal("storeUnavailable", (string?)body["value"]!["code"]);
        Assert.Contains("I couldn't save that", (string?)body["value"]!["message"], StringComparison.Ordinal);
    }

    private static async Task AssertAnsweredAsync(BotDriver driver, string user, SentQuestion question)
    {
        using var response = await driver.SendAnswerAsync(user, question.PromptId, question.QuestionId, question.OptionIds[0]);
        var body = await BotDriver.InvokeBodyAsync(response);
        Assert.True(BotDriver.IsCardAnswer(body), body?.ToJsonString());
    }

    private static async Task Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static Task<long> CountSqliteAsync(string database, string table, string? promptId) =>
        ScalarAsync(database, promptId is null
            ? $"SELECT COUNT(*) FROM {table};"
            : $"SELECT COUNT(*) FROM {table} WHERE prompt_id = '{promptId}';");

    /// <summary>Reads with its own connection; in WAL mode reads go on while another connection holds the write lock.</summary>
    private static async Task<long> ScalarAsync(string database, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<List<TableEntity>> RowsAsync(TableClient table, string partition, string kind)
    {
        var end = kind[..^1] + (char)(kind[^1] + 1);
        var rows = new List<TableEntity>();
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition && e.RowKey.CompareTo(kind) >= 0 && e.RowKey.CompareTo(end) < 0))
        {
            rows.Add(entity);
        }

        return rows;
    }
}
