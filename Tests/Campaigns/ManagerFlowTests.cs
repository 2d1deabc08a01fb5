namespace Beacon.Tests.Campaigns;

using Beacon.Bot.Security;
using Beacon.Dialogs.Flows;
using Beacon.Dialogs.Intents;
using Beacon.Dialogs.Turns;
using Beacon.Storage.Sqlite;
using Beacon.Tests.Storage;
using Beacon.Tests.Support;
using Beacon.Training.Learners;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

/// <summary>grant manager / revoke manager with the real directory (configuration ∪ SQLite grants) and a mocked roster.</summary>
public sealed class ManagerFlowTests : IDisposable
{
    private const string Tenant = "tenant-1";
    private const string ConfiguredAad = "aad-configured";

    private readonly TempDirectory directory = new();
    private readonly SqliteDatabase database;
    private readonly SqliteManagerGrantStore grants;
    private readonly ManagerDirectory managers;
    private readonly ManagerFlow flow;
    private readonly List<OutgoingMessage> sent = [];

    private readonly TurnUser configured = new("29:configured", ConfiguredAad, "Casey Configured");
    private readonly TurnUser megan = new("29:megan", "aad-megan", "Megan Bowen");

    public ManagerFlowTests()
    {
        database = new SqliteDatabase(new SqliteStoreOptions { Path = directory.Combine("data", "beacon.db") });
        grants = new SqliteManagerGrantStore(database);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [ManagerDirectory.Section] = ConfiguredAad })
            .Build();
        managers = new ManagerDirectory(configuration, grants);
        flow = new ManagerFlow(managers, grants, new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero)), NullLogger<ManagerFlow>.Instance);
    }

    public void Dispose()
    {
        database.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        directory.Dispose();
    }

    [Fact]
    public async Task Granting_a_mentioned_member_makes_them_a_manager_by_their_roster_entra_id()
    {
        // The mention carries no Entra id (as in Teams); the roster gives it.
        await SayAsync("grant manager Megan Bowen", new TurnUser("29:megan", null, "Megan Bowen"));

        Assert.True(await managers.IsManagerAsync(Tenant, megan, CancellationToken.None));
        Assert.False(await managers.IsManagerAsync("tenant-2", megan, CancellationToken.None));
        var grant = Assert.Single(await grants.ListAsync(Tenant, CancellationToken.None));
        Assert.Equal((ConfiguredAad, "Megan Bowen"), (grant.GrantedBy, grant.DisplayName));
        Assert.Contains("is now a Beacon manager", Text(sent[^1]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_entra_id_in_the_mention_is_ignored_for_the_roster_one()
    {
        await SayAsync("grant manager Megan Bowen", new TurnUser("29:megan", "aad-someone-else", "Megan Bowen"));

        Assert.Equal("aad-megan", Assert.Single(await grants.ListAsync(Tenant, CancellationToken.None)).LearnerId);
    }

    [Fact]
    public async Task Revoking_a_granted_manager_removes_the_grant()
    {
        await SayAsync("grant manager Megan Bowen", megan);

        await SayAsync("revoke manager Megan Bowen", megan);

        Assert.False(await managers.IsManagerAsync(Tenant, megan, CancellationToken.None));
        Assert.Contains("no longer a Beacon manager", Text(sent[^1]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_configured_manager_cannot_be_revoked_in_chat()
    {
        await SayAsync("revoke manager Casey Configured", configured);

        Assert.True(await managers.IsManagerAsync(Tenant, configured, CancellationToken.None));
        Assert.Contains("Beacon administrator", Text(sent[^1]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_who_is_not_a_member_here_is_not_granted()
    {
        await SayAsync("grant manager Stranger", new TurnUser("29:stranger", null, "Stranger"));

        Assert.Empty(await grants.ListAsync(Tenant, CancellationToken.None));
        Assert.Contains("couldn't find them", Text(sent[^1]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_exactly_one_mention_nothing_changes_and_the_card_shows_how()
    {
        await SayAsync("grant manager everyone");

        Assert.Empty(await grants.ListAsync(Tenant, CancellationToken.None));
        Assert.Contains("grant manager @Sam Rivera", Text(sent[^1]), StringComparison.Ordinal);
    }

    private static string Text(OutgoingMessage message) => string.Join(' ', CardJsonQueries.Texts(Beacon.Cards.Model.CardJson.ToJsonObject(message.Card!)));

    private async Task SayAsync(string text, params TurnUser[] mentions)
    {
        var incoming = new IncomingTurn
        {
            Kind = TurnKind.Message,
            ActivityId = "act-1",
            From = configured,
            TenantId = Tenant,
            ConversationType = ConversationType.Channel,
            Address = new ConversationAddress("https://smba.example/", "msteams", "19:general@thread.tacv2", "28:bot", configured.Id, Tenant),
            Text = text,
            Mentions = mentions,
        };
        var turn = new Mock<ITurnContext>();
        turn.SetupGet(t => t.Incoming).Returns(incoming);
        turn.Setup(t => t.SendAsync(It.IsAny<OutgoingMessage>(), It.IsAny<CancellationToken>()))
            .Callback((OutgoingMessage m, CancellationToken _) => sent.Add(m)).ReturnsAsync("sent");
        turn.Setup(t => t.GetMemberAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string id, CancellationToken _) => new[] { configured, megan }.FirstOrDefault(m => m.Id == id));
        await flow.OnCommandAsync(turn.Object, ManagerCommands.Recognize(text)!, CancellationToken.None);
    }
}
