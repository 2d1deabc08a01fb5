namespace Beacon.Tests.Campaigns;

using Beacon.Cards;
using Beacon.Cards.Model;
using Beacon.Dialogs.Turns;
using Beacon.Tests.Support;
using Beacon.Training.Campaigns;
using Beacon.Training.Learners;
using Beacon.Training.Ports;
using Microsoft.Extensions.DependencyInjection;
using Moq;

/// <summary>
/// Through the real router, gate, directory and store: someone who is not a manager can't create,
/// edit, see or export a campaign, nor grant the role; a manager granted in chat gets through.
/// </summary>
public sealed class CampaignGateTests : IAsyncLifetime
{
    private const string Tenant = "tenant-1";
    private const string ConfiguredManager = "aad-boss";
    private RunningBot bot = null!;
    private Campaign campaign = null!;

    private ITurnHandler Router => bot.Services.GetRequiredService<ITurnHandler>();

    private ICampaignStore Campaigns => bot.Services.GetRequiredService<ICampaignStore>();

    public async Task InitializeAsync()
    {
        bot = await RunningBot.StartAsync(new Dictionary<string, string?> { ["Managers:AadObjectIds:0"] = ConfiguredManager, ["Delivery:Enabled"] = "false" });
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        campaign = await Campaigns.SaveAsync(
            new Campaign
            {
                TenantId = Tenant,
                Id = CampaignIds.New(),
                Name = "Secret winter refresher",
                CreatedBy = ConfiguredManager,
                Status = CampaignStatus.Active,
                Audience = new CampaignAudience { Kind = AudienceKind.Picked, LearnerIds = ["aad-1"] },
                StartDate = today.AddDays(7),
                EndDate = today.AddDays(35),
            },
            CancellationToken.None);
    }

    public async Task DisposeAsync() => await bot.DisposeAsync();

    [Fact]
    public async Task A_non_manager_cannot_create_a_campaign()
    {
        var typed = Turn(TurnKind.Message, text: "new campaign every weekday at 9am for 4 weeks starting Monday");
        await Router.HandleAsync(typed.Object, CancellationToken.None);
        var opened = await Router.HandleAsync(Turn(TurnKind.CardAction, verb: CampaignVerbs.New).Object, CancellationToken.None);
        var confirmed = await Router.HandleAsync(Turn(TurnKind.CardAction, verb: CampaignVerbs.Confirm, data: Form(CampaignIds.New())).Object, CancellationToken.None);

        AssertRefusal(Sent(typed));
        AssertRefusal(opened);
        AssertRefusal(confirmed);
        Assert.Single(await Campaigns.ListAsync(Tenant, CancellationToken.None));
    }

    [Fact]
    public async Task A_non_manager_cannot_edit_pause_or_cancel_a_campaign()
    {
        foreach (var (verb, data) in new[]
        {
            (CampaignVerbs.Edit, Id()),
            (CampaignVerbs.Confirm, Form(campaign.Id)),
            (CampaignVerbs.Pause, Id()),
            (CampaignVerbs.ConfirmCancel, Id()),
        })
        {
            AssertRefusal(await Router.HandleAsync(Turn(TurnKind.CardAction, verb: verb, data: data).Object, CancellationToken.None));
        }

        Assert.Equal(campaign.ConcurrencyToken, (await Campaigns.GetAsync(campaign.Key, CancellationToken.None))!.ConcurrencyToken);
    }

    [Fact]
    public async Task A_non_manager_cannot_see_the_list_or_a_report()
    {
        var typed = Turn(TurnKind.Message, text: "campaigns");
        await Router.HandleAsync(typed.Object, CancellationToken.None);
        var listed = await Router.HandleAsync(Turn(TurnKind.CardAction, verb: CampaignVerbs.List).Object, CancellationToken.None);
        var report = await Router.HandleAsync(Turn(TurnKind.CardAction, verb: CampaignVerbs.Report, data: Id()).Object, CancellationToken.None);

        foreach (var card in new[] { Sent(typed), ((CardInvokeResult)listed!).Card, ((CardInvokeResult)report!).Card })
        {
            AssertRefusal(card);
            Assert.DoesNotContain(campaign.Name, CardJson.Serialize(card), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_non_manager_cannot_export_a_report()
    {
        var typed = Turn(TurnKind.Message, text: "campaign report");
        await Router.HandleAsync(typed.Object, CancellationToken.None);

        var card = Sent(typed);
        AssertRefusal(card);
        Assert.DoesNotContain("report.csv", CardJson.Serialize(card), StringComparison.Ordinal);
        typed.Verify(t => t.SendPersonalAsync(It.IsAny<string>(), It.IsAny<OutgoingMessage>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_non_manager_cannot_grant_the_manager_role()
    {
        var typed = Turn(TurnKind.Message, text: "grant manager Sam Rivera", mention: new TurnUser("29:user-1", null, "Sam Rivera"));
        await Router.HandleAsync(typed.Object, CancellationToken.None);

        AssertRefusal(Sent(typed));
        Assert.Empty(await bot.Services.GetRequiredService<IManagerGrantStore>().ListAsync(Tenant, CancellationToken.None));
    }

    [Fact]
    public async Task Someone_granted_in_chat_gets_through_the_gate()
    {
        await bot.Services.GetRequiredService<IManagerGrantStore>().GrantAsync(
            new ManagerGrant(Tenant, "aad-1", "Sam Rivera", ConfiguredManager, DateTimeOffset.UtcNow), CancellationToken.None);

        var listed = await Router.HandleAsync(Turn(TurnKind.CardAction, verb: CampaignVerbs.List).Object, CancellationToken.None);

        Assert.Contains(campaign.Name, CardJson.Serialize(Assert.IsType<CardInvokeResult>(listed).Card), StringComparison.Ordinal);
    }

    private static void AssertRefusal(InvokeResult? result) => AssertRefusal(Assert.IsType<CardInvokeResult>(result).Card);

    private static void AssertRefusal(AdaptiveCard card) =>
        Assert.Contains("for managers", CardJson.Serialize(card), StringComparison.Ordinal);

    private static AdaptiveCard Sent(Mock<ITurnContext> turn) =>
        Assert.Single(turn.Invocations, i => i.Method.Name == nameof(ITurnContext.SendAsync)).Arguments.OfType<OutgoingMessage>().Single().Card!;

    private Dictionary<string, string> Id() => new() { [CampaignVerbs.CampaignId] = campaign.Id };

    private static Dictionary<string, string> Form(string id) => new()
    {
        [CampaignVerbs.CampaignId] = id,
        [CampaignVerbs.NameInput] = "Taken over",
        [CampaignVerbs.AudienceInput] = CampaignVerbs.AudiencePicked,
        [CampaignVerbs.PeopleInput] = "aad-1",
        [CampaignVerbs.StartInput] = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        [CampaignVerbs.WeeksInput] = "2",
        [CampaignVerbs.DaysInput] = "mon",
        [CampaignVerbs.TimeInput] = "09:00",
    };

    private static Mock<ITurnContext> Turn(TurnKind kind, string? text = null, string? verb = null, Dictionary<string, string>? data = null, TurnUser? mention = null)
    {
        var incoming = new IncomingTurn
        {
            Kind = kind,
            ActivityId = Guid.NewGuid().ToString(),
            From = new TurnUser("29:user-1", "aad-1", "Sam Rivera"),
            TenantId = Tenant,
            ConversationType = ConversationType.Personal,
            Address = new ConversationAddress("http://127.0.0.1:9/", "msteams", "conv-1", "28:beacon", "29:user-1", Tenant),
            Text = text,
            Verb = verb,
            Data = data ?? [],
            Mentions = mention is null ? [] : [mention],
        };
        var turn = new Mock<ITurnContext>();
        turn.SetupGet(t => t.Incoming).Returns(incoming);
        turn.Setup(t => t.SendAsync(It.IsAny<OutgoingMessage>(), It.IsAny<CancellationToken>())).ReturnsAsync("sent-1");
        return turn;
    }
}
