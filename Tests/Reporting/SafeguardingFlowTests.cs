namespace Beacon.Tests.Reporting;

using Beacon.Cards;
using Beacon.Cards.Model;
using Beacon.Dialogs.Flows;
using Beacon.Dialogs.Intents;
using Beacon.Dialogs.Managers;
using Beacon.Dialogs.Reporting;
using Beacon.Dialogs.Turns;
using Beacon.Tests.Support;
using Beacon.Training.Learners;
using Beacon.Training.Ports;
using Beacon.Training.Reporting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

/// <summary>
/// <c>set safeguarding contact</c> through the real router, manager gate, directory and SQLite
/// store: a manager sets, changes and removes the organisation's route; guidance and handoffs
/// follow it at once; anyone else gets the guidance, never the form.
/// </summary>
public sealed class SafeguardingFlowTests : IAsyncLifetime
{
    private const string Tenant = "tenant-1";
    private const string Manager = "aad-boss";
    private const string Lead = "11111111-1111-1111-1111-111111111111";
    private const string Deputy = "22222222-2222-2222-2222-222222222222";
    private static readonly CancellationToken None = CancellationToken.None;
    private RunningBot bot = null!;

    private ITurnHandler Router => bot.Services.GetRequiredService<ITurnHandler>();

    private ISafeguardingRouteStore Store => bot.Services.GetRequiredService<ISafeguardingRouteStore>();

    private ISafeguardingDirectory Directory => bot.Services.GetRequiredService<ISafeguardingDirectory>();

    public async Task InitializeAsync() => bot = await RunningBot.StartAsync(new Dictionary<string, string?>
    {
        ["Managers:AadObjectIds:0"] = Manager,
        ["Delivery:Enabled"] = "false",
        ["Safeguarding:Tenants:tenant-1:Name"] = "Dana Shah, configured lead",
        ["Safeguarding:Tenants:tenant-1:HowToReach"] = "extension 4410",
        ["Safeguarding:Tenants:tenant-1:HandoffUserIds:0"] = "29:configured-lead",
    });

    public async Task DisposeAsync() => await bot.DisposeAsync();

    [Theory]
    [InlineData("set safeguarding contact")]
    [InlineData("Change our safeguarding lead")]
    [InlineData("safeguarding settings")]
    [InlineData("update the safeguarding contact.")]
    public async Task A_manager_typing_the_command_gets_the_form_prefilled_from_configuration(string typed)
    {
        var turn = Turn(TurnKind.Message, Manager, text: typed);

        await Router.HandleAsync(turn.Object, None);

        var form = CardJson.Serialize(Sent(turn));
        Assert.Contains(SafeguardingVerbs.Save, form, StringComparison.Ordinal);
        Assert.Contains("\"value\":\"Dana Shah, configured lead\"", form, StringComparison.Ordinal);
        Assert.Contains("from Beacon\\u0027s configuration", form, StringComparison.Ordinal);
        Assert.DoesNotContain(SafeguardingVerbs.AskRemove, form, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_saved_route_is_what_guidance_and_handoffs_use_at_once()
    {
        var save = Turn(TurnKind.CardAction, Manager, verb: SafeguardingVerbs.Save, data: Valid());

        var saved = Card(await Router.HandleAsync(save.Object, None));

        Assert.Contains("Safeguarding contact saved", saved, StringComparison.Ordinal);
        Assert.Contains("2 people receive concerns", saved, StringComparison.Ordinal);
        var stored = await Store.GetAsync(Tenant, None);
        Assert.NotNull(stored);
        Assert.Equal("Safeguarding team (Sam Patel)", stored.Name);
        Assert.Equal(new Uri("https://intranet.example.org/safeguarding"), stored.ProcedureUrl);
        Assert.Equal([Lead, Deputy], stored.Recipients.Select(r => r.AadObjectId));
        Assert.Equal("UK", stored.DefaultRegion);
        Assert.Equal(Manager, stored.UpdatedBy);
        Assert.Contains("Safeguarding team (Sam Patel)", CardJson.Serialize(Sent(save)), StringComparison.Ordinal);
        Assert.Equal([Lead, Deputy], Directory.Find(Tenant)?.HandoffUserIds);

        var handoff = Turn(TurnKind.CardAction, "aad-learner", verb: Verbs.Handoff, data: new() { [CardData.HandoffMessage] = "a worker with no documents" });
        var sent = Card(await Router.HandleAsync(handoff.Object, None));

        Assert.Contains("Sent to your safeguarding lead", sent, StringComparison.Ordinal);
        handoff.Verify(t => t.SendPersonalAsync(Lead, It.IsAny<OutgoingMessage>(), It.IsAny<CancellationToken>()), Times.Once);
        handoff.Verify(t => t.SendPersonalAsync(Deputy, It.IsAny<OutgoingMessage>(), It.IsAny<CancellationToken>()), Times.Once);
        handoff.Verify(t => t.SendPersonalAsync("29:configured-lead", It.IsAny<OutgoingMessage>(), It.IsAny<CancellationToken>()), Times.Never);

        var reopened = Turn(TurnKind.Message, Manager, text: "set safeguarding contact");
        await Router.HandleAsync(reopened.Object, None);
        var form = CardJson.Serialize(Sent(reopened));
        Assert.Contains("set in chat by a manager", form, StringComparison.Ordinal);
        Assert.Contains(SafeguardingVerbs.AskRemove, form, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SafeguardingVerbs.NameInput, "  ", "Give the name of the safeguarding contact or team.")]
    [InlineData(SafeguardingVerbs.ReachInput, "", "Say how people reach them")]
    [InlineData(SafeguardingVerbs.ProcedureInput, "http://intranet.example.org/safeguarding", "must be an https:// address")]
    [InlineData(SafeguardingVerbs.ProcedureInput, "not a link", "must be an https:// address")]
    [InlineData(SafeguardingVerbs.RegionInput, "ATLANTIS", "not one Beacon has guidance for")]
    [InlineData(SafeguardingVerbs.PeopleInput, "29:someone-typed-this", "could not be recognised")]
    [InlineData(SafeguardingVerbs.PeopleInput, "ELEVEN", "Pick up to 10 people")]
    public async Task A_route_people_could_not_act_on_is_refused_with_the_reason_and_nothing_is_saved(string input, string value, string message)
    {
        var data = Valid();
        data[input] = value == "ELEVEN"
            ? string.Join(',', Enumerable.Range(1, 11).Select(i => $"{i:D8}-0000-0000-0000-000000000000"))
            : value;

        var card = Card(await Router.HandleAsync(Turn(TurnKind.CardAction, Manager, verb: SafeguardingVerbs.Save, data: data).Object, None));

        Assert.Contains("Please fix these before saving", card, StringComparison.Ordinal);
        Assert.Contains(message, card, StringComparison.Ordinal);
        Assert.Contains(SafeguardingVerbs.Save, card, StringComparison.Ordinal);
        Assert.Null(await Store.GetAsync(Tenant, None));
        Assert.Equal("Dana Shah, configured lead", Directory.Find(Tenant)?.Name);
    }

    [Fact]
    public async Task Anyone_else_asking_gets_the_guidance_and_cannot_save()
    {
        var typed = Turn(TurnKind.Message, "aad-learner", text: "set safeguarding contact");
        await Router.HandleAsync(typed.Object, None);
        var saved = await Router.HandleAsync(Turn(TurnKind.CardAction, "aad-learner", verb: SafeguardingVerbs.Save, data: Valid()).Object, None);

        var guidance = CardJson.Serialize(Sent(typed));
        Assert.Contains("immediate danger", guidance, StringComparison.Ordinal);
        Assert.Contains("Dana Shah, configured lead", guidance, StringComparison.Ordinal);
        Assert.DoesNotContain(SafeguardingVerbs.Save, guidance, StringComparison.Ordinal);
        Assert.Contains("for managers", Card(saved), StringComparison.Ordinal);
        Assert.Null(await Store.GetAsync(Tenant, None));
    }

    [Fact]
    public async Task Removing_the_route_brings_the_configured_one_back()
    {
        await Router.HandleAsync(Turn(TurnKind.CardAction, Manager, verb: SafeguardingVerbs.Save, data: Valid()).Object, None);

        var asked = Card(await Router.HandleAsync(Turn(TurnKind.CardAction, Manager, verb: SafeguardingVerbs.AskRemove).Object, None));
        Assert.Contains("Dana Shah, configured lead", asked, StringComparison.Ordinal);
        Assert.NotNull(await Store.GetAsync(Tenant, None));

        var removed = Card(await Router.HandleAsync(Turn(TurnKind.CardAction, Manager, verb: SafeguardingVerbs.ConfirmRemove).Object, None));
        var again = Card(await Router.HandleAsync(Turn(TurnKind.CardAction, Manager, verb: SafeguardingVerbs.ConfirmRemove).Object, None));

        Assert.Contains("Contact set in chat removed", removed, StringComparison.Ordinal);
        Assert.Contains("Nothing to remove", again, StringComparison.Ordinal);
        Assert.Null(await Store.GetAsync(Tenant, None));
        Assert.Equal("Dana Shah, configured lead", Directory.Find(Tenant)?.Name);
        Assert.Equal(["29:configured-lead"], Directory.Find(Tenant)?.HandoffUserIds);
    }

    [Fact]
    public async Task With_the_store_down_a_save_says_nothing_changed_and_changes_nothing()
    {
        var store = new Mock<ISafeguardingRouteStore>();
        store.Setup(s => s.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ThrowsAsync(new StoreUnavailableException("down"));
        store.Setup(s => s.SaveAsync(It.IsAny<SafeguardingRoute>(), It.IsAny<CancellationToken>())).ThrowsAsync(new StoreUnavailableException("down"));
        var routes = new StoredSafeguardingRoutes(store.Object, NullLogger<StoredSafeguardingRoutes>.Instance);
        var flow = new SafeguardingFlow(
            store.Object,
            routes,
            Directory,
            bot.Services.GetRequiredService<GuidanceComposer>(),
            bot.Services.GetRequiredService<IManagerDirectory>(),
            TimeProvider.System,
            NullLogger<SafeguardingFlow>.Instance);
        var save = Turn(TurnKind.CardAction, Manager, verb: SafeguardingVerbs.Save, data: Valid());

        var card = Card(await flow.OnActionAsync(save.Object, None));

        Assert.Contains("save the safeguarding contact", card, StringComparison.Ordinal);
        Assert.Contains("Nothing changed", card, StringComparison.Ordinal);
        Assert.Null(routes.Find(Tenant));
        save.Verify(t => t.SendAsync(It.IsAny<OutgoingMessage>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Theory]
    [InlineData("who is our safeguarding lead")]
    [InlineData("safeguarding contact")]
    [InlineData("I have a safeguarding concern, set up a call")]
    [InlineData("how do I contact the safeguarding lead")]
    public void Concern_phrasings_are_not_the_command(string text) => Assert.False(SafeguardingCommands.IsSetContact(text));

    private static Dictionary<string, string> Valid() => new()
    {
        [SafeguardingVerbs.NameInput] = " Safeguarding team (Sam Patel) ",
        [SafeguardingVerbs.ReachInput] = "safeguarding@example.org or extension 4410",
        [SafeguardingVerbs.ProcedureInput] = "https://intranet.example.org/safeguarding",
        [SafeguardingVerbs.PeopleInput] = $"{Lead},{Deputy}",
        [SafeguardingVerbs.RegionInput] = "UK",
    };

    private static string Card(InvokeResult? result) => CardJson.Serialize(Assert.IsType<CardInvokeResult>(result).Card);

    private static AdaptiveCard Sent(Mock<ITurnContext> turn) =>
        turn.Invocations.First(i => i.Method.Name == nameof(ITurnContext.SendAsync)).Arguments.OfType<OutgoingMessage>().Single().Card!;

    private static Mock<ITurnContext> Turn(TurnKind kind, string aadObjectId, string? text = null, string? verb = null, Dictionary<string, string>? data = null)
    {
        var incoming = new IncomingTurn
        {
            Kind = kind,
            ActivityId = Guid.NewGuid().ToString(),
            From = new TurnUser("29:" + aadObjectId, aadObjectId, "Sam Rivera"),
            TenantId = Tenant,
            ConversationType = ConversationType.Personal,
            Address = new ConversationAddress("http://127.0.0.1:9/", "msteams", "conv-1", "28:beacon", "29:" + aadObjectId, Tenant),
            Text = text,
            Verb = verb,
            Data = data ?? [],
            Country = "GB",
        };
        var turn = new Mock<ITurnContext>();
        turn.SetupGet(t => t.Incoming).Returns(incoming);
        turn.Setup(t => t.SendAsync(It.IsAny<OutgoingMessage>(), It.IsAny<CancellationToken>())).ReturnsAsync("sent-1");
        turn.Setup(t => t.SendPersonalAsync(It.IsAny<string>(), It.IsAny<OutgoingMessage>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(incoming.Address);
        return turn;
    }
}
