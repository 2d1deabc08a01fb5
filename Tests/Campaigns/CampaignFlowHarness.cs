namespace Beacon.Tests.Campaigns;

using Beacon.Dialogs.Campaigns;
using Beacon.Dialogs.Flows;
using Beacon.Dialogs.Turns;
using Beacon.Scheduler.Delivery;
using Beacon.Scheduler.Memory;
using Beacon.Scheduler.Reports;
using Beacon.Storage.Sqlite;
using Beacon.Tests.Delivery;
using Beacon.Tests.Storage;
using Beacon.Training.Campaigns;
using Beacon.Training.Learners;
using Beacon.Training.Ports;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

/// <summary>
/// The campaign flow on real SQLite stores in a temp folder, a fake clock (Friday 27 November 2026,
/// 10:00 UTC) and a mocked Teams side that records what was sent where.
/// </summary>
internal sealed class CampaignFlowHarness : IDisposable
{
    public const string Tenant = "tenant-1";
    public const string TeamId = "19:team@thread.tacv2";
    public const string ManagerAad = "aad-manager";

    private readonly TempDirectory directory = new();
    private readonly SqliteDatabase database;

    public CampaignFlowHarness(Func<ICampaignStore, ICampaignStore>? wrapStore = null)
    {
        database = new SqliteDatabase(new SqliteStoreOptions { Path = directory.Combine("data", "beacon.db") });
        Learners = new SqliteLearnerStore(database);
        Store = new SqliteCampaignStore(database);
        Campaigns = wrapStore is null ? Store : wrapStore(Store);
        var reports = new CampaignReportService(
            Campaigns, Learners, new SqliteAnswerStore(database), new SqliteReviewStore(database), DeliveryHarness.Pack, new FsrsMemoryModel(new FsrsOptions()), Clock);
        Links.Setup(l => l.IssueCsvLink(It.IsAny<CampaignKey>()))
            .Returns((CampaignKey key) => new Uri($"https://beacon.example/campaigns/{key.TenantId}/{key.CampaignId}/report.csv?sig=x"));
        Flow = new CampaignFlow(
            Campaigns,
            new CampaignAudiences(Learners),
            reports,
            Links.Object,
            new DeliveryOptions(),
            Clock,
            NullLogger<CampaignFlow>.Instance);
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero));

    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    public SqliteLearnerStore Learners { get; }

    public SqliteCampaignStore Store { get; }

    public ICampaignStore Campaigns { get; }

    public Mock<ICampaignReportLinks> Links { get; } = new();

    public CampaignFlow Flow { get; }

    /// <summary>What the mocked Teams side sent: (where, message); where is "here" or the personal chat's user id.</summary>
    public List<(string To, OutgoingMessage Message)> Sent { get; } = [];

    /// <summary>The team's roster the mocked Teams side returns.</summary>
    public List<TurnUser> Roster { get; } =
    [
        new("29:manager", ManagerAad, "Morgan Manager"),
        new("29:ada", "aad-ada", "Ada Lovelace"),
        new("29:bo", "aad-bo", "Bo Chen"),
    ];

    public Mock<ITurnContext> Turn(IncomingTurn incoming)
    {
        var turn = new Mock<ITurnContext>();
        turn.SetupGet(t => t.Incoming).Returns(incoming);
        turn.Setup(t => t.SendAsync(It.IsAny<OutgoingMessage>(), It.IsAny<CancellationToken>()))
            .Callback((OutgoingMessage m, CancellationToken _) => Sent.Add(("here", m)))
            .ReturnsAsync("sent");
        turn.Setup(t => t.SendPersonalAsync(It.IsAny<string>(), It.IsAny<OutgoingMessage>(), It.IsAny<CancellationToken>()))
            .Callback((string user, OutgoingMessage m, CancellationToken _) => Sent.Add((user, m)))
            .ReturnsAsync((string user, OutgoingMessage _, CancellationToken _) =>
                new ConversationAddress("https://smba.example/", "msteams", "a:personal-" + user, "28:bot", user, Tenant));
        turn.Setup(t => t.GetTeamMembersAsync(TeamId, It.IsAny<CancellationToken>())).ReturnsAsync(() => Roster.ToList());
        turn.Setup(t => t.GetMemberAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string id, CancellationToken _) => Roster.FirstOrDefault(m => m.Id == id));
        return turn;
    }

    public static IncomingTurn Message(string text, bool inTeam = true, string tenant = Tenant) => Incoming(TurnKind.Message, inTeam, tenant) with { Text = text };

    public static IncomingTurn Action(string verb, Dictionary<string, string> data, bool inTeam = true, string tenant = Tenant) =>
        Incoming(TurnKind.CardAction, inTeam, tenant) with { Verb = verb, Data = data };

    /// <summary>A confirmed, running-or-scheduled campaign saved straight into the store.</summary>
    public async Task<Campaign> SaveAsync(Func<Campaign, Campaign>? change = null, string tenant = Tenant)
    {
        var campaign = new Campaign
        {
            TenantId = tenant,
            Id = CampaignIds.New(),
            Name = "Winter refresher",
            CreatedBy = ManagerAad,
            Status = CampaignStatus.Active,
            Audience = new CampaignAudience { Kind = AudienceKind.Team, TeamId = TeamId, TeamName = "Ward 4", LearnerIds = ["aad-ada", "aad-bo"] },
            StartDate = Today.AddDays(3),
            EndDate = Today.AddDays(30),
            CreatedAt = Clock.GetUtcNow(),
            UpdatedAt = Clock.GetUtcNow(),
        };
        return await Store.SaveAsync(change is null ? campaign : change(campaign), CancellationToken.None);
    }

    public void Dispose()
    {
        database.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        directory.Dispose();
    }

    private static IncomingTurn Incoming(TurnKind kind, bool inTeam, string tenant) => new()
    {
        Kind = kind,
        ActivityId = "act-1",
        From = new TurnUser("29:manager", ManagerAad, "Morgan Manager"),
        TenantId = tenant,
        ConversationType = inTeam ? ConversationType.Channel : ConversationType.Personal,
        Address = new ConversationAddress("https://smba.example/", "msteams", inTeam ? "19:general@thread.tacv2" : "a:manager", "28:bot", "29:manager", tenant),
        TeamId = inTeam ? TeamId : null,
        TeamName = inTeam ? "Ward 4" : null,
        TimeZone = "UTC",
    };
}
