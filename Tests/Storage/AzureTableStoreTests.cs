namespace Beacon.Tests.Storage;

using System.Net;
using System.Net.Sockets;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Beacon.Storage.AzureTables;
using Beacon.Training.Answers;
using Beacon.Training.Learners;
using Beacon.Training.Ports;
using Beacon.Training.Reviews;
using Moq;

/// <summary>What only the Azure Table store does: the key layout on the wire, options, failure mapping.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class AzureTableStoreTests(AzuriteFixture azurite) : IAsyncLifetime, IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset At = new(2025, 4, 5, 6, 7, 8, TimeSpan.FromHours(1));

    private readonly string prefix = "k" + Guid.NewGuid().ToString("N")[..20];
    private AzureTableStorage? storage;

    private AzureTableStorage Storage => storage!;

    public async Task InitializeAsync()
    {
        storage = new AzureTableStorage(new AzureTableStoreOptions { ConnectionString = azurite.ConnectionString, TablePrefix = prefix });
        await storage.EnsureCreatedAsync(None);
    }

    public async Task DisposeAsync() => await Storage.DeleteTablesAsync(None);

    public void Dispose() => storage?.Dispose();

    [Fact]
    public async Task Rows_use_the_documented_tables_partition_keys_and_row_keys()
    {
        var key = new LearnerKey("tenant/a", "learner|1");
        await new AzureTableLearnerStore(Storage).UpsertAsync(new Learner { Key = key, CreatedAt = At }, None);
        var answers = new AzureTableAnswerStore(Storage);
        await answers.RecordIssuedAsync(new IssuedQuestion(key, "p#1", "q-1", 1, At, false), None);
        await answers.AppendAsync(new AnswerRecord(key, "p#1", "q-1", 1, "a", true, Confidence.Sure, At, At.AddSeconds(9)), None);
        await new AzureTableReviewStore(Storage).SaveAsync(new ReviewState { Learner = key, QuestionId = "q?1" }, None);

        var service = new TableServiceClient(azurite.ConnectionString);
        var learners = await Keys(service.GetTableClient(prefix + "Learners"));
        var data = await Keys(service.GetTableClient(prefix + "LearnerData"));

        Assert.Equal([("tenant~2Fa", "learner~7C1")], learners);
        Assert.Equal(
            new[] { ("tenant~2Fa|learner~7C1", "answer|p~231"), ("tenant~2Fa|learner~7C1", "issued|p~231"), ("tenant~2Fa|learner~7C1", "review|q~3F1") },
            data.Order());
    }

    [Fact]
    public async Task The_review_token_is_the_entity_ETag()
    {
        var key = new LearnerKey("tenant-a", "learner-1");
        var saved = await new AzureTableReviewStore(Storage).SaveAsync(new ReviewState { Learner = key, QuestionId = "q-1" }, None);

        var entity = await new TableServiceClient(azurite.ConnectionString).GetTableClient(prefix + "LearnerData")
            .GetEntityAsync<TableEntity>("tenant-a|learner-1", "review|q-1");

        Assert.Equal(entity.Value.ETag.ToString(), saved.ConcurrencyToken);
    }

    [Fact]
    public async Task A_caller_cancellation_stays_a_cancellation()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => new AzureTableLearnerStore(Storage).GetAsync(new LearnerKey("t", "l"), cancelled.Token));
    }

    [Fact]
    public async Task An_unreachable_service_makes_every_store_unavailable_and_health_false()
    {
        var options = new TableClientOptions();
        options.Retry.MaxRetries = 0;
        using var down = new AzureTableStorage(new AzureTableStoreOptions
        {
            ConnectionString = azurite.ConnectionString.Replace($":{azurite.Port}/", $":{ClosedPort()}/", StringComparison.Ordinal),
            ClientOptions = options,
        });
        var key = new LearnerKey("t", "l");

        await Assert.ThrowsAsync<StoreUnavailableException>(() => down.EnsureCreatedAsync(None));
        await Assert.ThrowsAsync<StoreUnavailableException>(() => new AzureTableLearnerStore(down).GetAsync(key, None));
        await Assert.ThrowsAsync<StoreUnavailableException>(async () =>
        {
            await foreach (var learner in new AzureTableLearnerStore(down).ListActiveAsync("t", None))
            {
                Assert.Fail($"Listed {learner.Key} from a store that is down.");
            }
        });
        await Assert.ThrowsAsync<StoreUnavailableException>(() => new AzureTableAnswerStore(down).ListAnswersAsync(key, None));
        await Assert.ThrowsAsync<StoreUnavailableException>(() => new AzureTableReviewStore(down).SaveAsync(new ReviewState { Learner = key, QuestionId = "q" }, None));
        Assert.False(await new AzureTableStoreHealth(down).IsReachableAsync(None));
    }

    [Fact]
    public async Task A_credential_that_cannot_get_a_token_makes_the_store_unavailable()
    {
        var credential = new Mock<TokenCredential>();
        credential
            .Setup(c => c.GetTokenAsync(It.IsAny<TokenRequestContext>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new AuthenticationFailedException("no identity here"));
        var options = new TableClientOptions();
        options.Retry.MaxRetries = 0;
        using var storage = new AzureTableStorage(new AzureTableStoreOptions
        {
            ServiceUri = new Uri($"https://127.0.0.1:{ClosedPort()}/devstoreaccount1"),
            Credential = credential.Object,
            ClientOptions = options,
        });

        var ex = await Assert.ThrowsAsync<StoreUnavailableException>(() => storage.EnsureCreatedAsync(None));

        Assert.IsType<AuthenticationFailedException>(ex.InnerException);
        credential.Verify(c => c.GetTokenAsync(It.IsAny<TokenRequestContext>(), It.IsAny<CancellationToken>()), Times.AtLeastOnce());
    }

    [Theory]
    [InlineData(null, null, "beacon")]
    [InlineData("UseDevelopmentStorage=true", "https://example.table.core.windows.net/", "beacon")]
    [InlineData("UseDevelopmentStorage=true", null, "1beacon")]
    [InlineData("UseDevelopmentStorage=true", null, "bea-con")]
    [InlineData("UseDevelopmentStorage=true", null, "")]
    public void Invalid_options_are_refused(string? connectionString, string? serviceUri, string tablePrefix)
    {
        Assert.Throws<ArgumentException>(() => new AzureTableStorage(new AzureTableStoreOptions
        {
            ConnectionString = connectionString,
            ServiceUri = serviceUri is null ? null : new Uri(serviceUri),
            TablePrefix = tablePrefix,
        }));
    }

    [Fact]
    public void Escaped_keys_hold_no_forbidden_character_and_distinct_ids_stay_distinct()
    {
        var all = new string(Enumerable.Range(0, 0x200).Select(i => (char)i).ToArray());

        var escaped = TableKeys.Escape(all);

        Assert.DoesNotContain(escaped, c => c is '/' or '\\' or '#' or '?' or '|' || char.IsControl(c));
        Assert.Equal("abc-DEF_1.2:3@x", TableKeys.Escape("abc-DEF_1.2:3@x"));
        Assert.Equal("~7E~7C", TableKeys.Escape("~|"));
        var ids = new[] { "a|b", "a~7Cb", "a~b", "a", "a|", "|a", "~", "~7E", "" };
        Assert.Equal(ids.Length, ids.Select(TableKeys.Escape).Distinct(StringComparer.Ordinal).Count());
        Assert.NotEqual(
            TableKeys.LearnerPartition(new LearnerKey("a|b", "c")),
            TableKeys.LearnerPartition(new LearnerKey("a", "b|c")));
    }

    [Fact]
    public void The_fixture_asks_for_npm_ci_when_azurite_is_not_installed()
    {
        using var empty = new TempDirectory();

        var ex = Assert.Throws<InvalidOperationException>(() => AzuriteFixture.FindAzuriteTable(empty.Path));

        Assert.Contains("npm ci", ex.Message, StringComparison.Ordinal);
    }

    private static async Task<List<(string PartitionKey, string RowKey)>> Keys(TableClient table)
    {
        var keys = new List<(string, string)>();
        await foreach (var entity in table.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
        {
            keys.Add((entity.PartitionKey, entity.RowKey));
        }

        return keys;
    }

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
