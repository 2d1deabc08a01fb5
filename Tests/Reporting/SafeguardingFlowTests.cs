namespace Beacon.Tests.Reporting;

using Beacon.Cards;
using Beacon.Cards.Model;
using Beacon.Dialogs.Intents;
using Beacon.Dialogs.Reporting;
using Beacon.Dialogs.Turns;
using Beacon.Tests.Cards;
using Beacon.Tests.Support;
using Beacon.Training.Learners;
using Beacon.Training.Ports;
using Beacon.Training.Reporting;
using Microsoft.Extensions.DependencyInjection;
using System.Text.Json.Nodes;
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

    private ILearnerStore Learners => bot.Services.GetRequiredService<ILearnerStore>();

    public async Task InitializeAsync() => bot = await StartAsync();

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
        Assert.Contains(SafeguardingVerbs.Cancel, form, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manager_gets_the_form_prefilled_from_the_route_another_manager_set()
    {
        await Learners.UpsertAsync(new Learner { Key = new(Tenant, "aad-other-manager"), DisplayName = "Priya Nair" }, None);
        await Store.SaveAsync(Route("aad-other-manager"), None);
        var turn = Turn(TurnKind.Message, Manager, text: "set safeguarding contact");

        await Router.HandleAsync(turn.Object, None);

        var form = CardJson.ToJsonObject(Sent(turn));
        Assert.Equal("Safeguarding team (Sam Patel)", Input(form, SafeguardingVerbs.NameInput)["value"]?.GetValue<string>());
        Assert.Equal("https://intranet.example.org/safeguarding", Input(form, SafeguardingVerbs.ProcedureInput)["value"]?.GetValue<string>());
        Assert.Equal("UK", Input(form, SafeguardingVerbs.RegionInput)["value"]?.GetValue<string>());
        var people = Input(form, SafeguardingVerbs.PeopleInput);
        Assert.Equal($"{Lead},{Deputy}", people["value"]?.GetValue<string>());
        Assert.Equal(["Sam Patel", "Alex Kim"], people["choices"]!.AsArray().Select(c => c!["title"]!.GetValue<string>()));
        var json = form.ToJsonString();
        Assert.Contains("set in chat by Priya Nair on", json, StringComparison.Ordinal);
        Assert.Contains(SafeguardingVerbs.AskRemove, json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_saved_route_is_what_guidance_and_handoffs_use_at_once()
    {
        await Learners.UpsertAsync(new Learner { Key = new(Tenant, Lead), DisplayName = "Sam Patel" }, None);
        var data = Valid();
        // The same person twice in another spelling of their id, and a tenant named in the data: neither counts.
        data[SafeguardingVerbs.PeopleInput] = $"{Lead}, {{{Deputy.ToUpperInvariant()}}},{Lead.ToUpperInvariant()}";
        data["tenantId"] = "tenant-2";
        var save = Turn(TurnKind.CardAction, Manager, verb: SafeguardingVerbs.Save, data: data);

        var saved = Card(await Router.HandleAsync(save.Object, None));

        Assert.Contains("Safeguarding contact saved", saved, StringComparison.Ordinal);
        Assert.Contains("2 people receive concerns", saved, StringComparison.Ordinal);
        var stored = await Store.GetAsync(Tenant, None);
        Assert.NotNull(stored);
        Assert.Equal("Safeguarding team (Sam Patel)", stored.Name);
        Assert.Equal(new Uri("https://intranet.example.org/safeguarding"), stored.ProcedureUrl);
        Assert.Equal([Lead, Deputy], stored.Recipients.Select(r => r.AadObjectId));
        Assert.Equal(["Sam Patel", null], stored.Recipients.Select(r => r.DisplayName));
        Assert.Null(await Store.GetAsync("tenant-2", None));
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
        Assert.Contains("set in chat by you on", form, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"Sam Patel\"", form, StringComparison.Ordinal);
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
        var kept = input == SafeguardingVerbs.NameInput ? "safeguarding@example.org or extension 4410" : "Safeguarding team (Sam Patel)";
        Assert.Contains($"\"value\":\"{kept}\"", card, StringComparison.Ordinal);
        Assert.Contains(message, card, StringComparison.Ordinal);
        Assert.Contains(SafeguardingVerbs.Save, card, StringComparison.Ordinal);
        Assert.Null(await Store.GetAsync(Tenant, None));
        Assert.Equal("Dana Shah, configured lead", Directory.Find(Tenant)?.Name);
    }

    [Fact]
    public async Task Anyone_else_asking_gets_the_refusal_then_the_guidance_and_cannot_save()
    {
        var typed = Turn(TurnKind.Message, "aad-learner", text: "change safeguarding contact");
        await Router.HandleAsync(typed.Object, None);
        var saved = await Router.HandleAsync(Turn(TurnKind.CardAction, "aad-learner", verb: SafeguardingVerbs.Save, data: Valid()).Object, None);

        var cards = AllSent(typed);
        Assert.Equal(2, cards.Count);
        Assert.Contains("That\\u0027s for managers", CardJson.Serialize(cards[0]), StringComparison.Ordinal);
        var guidance = CardJson.Serialize(cards[1]);
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
    public async Task A_valid_save_writes_the_store_once_and_learners_of_the_tenant_see_the_new_contact()
    {
        var store = RouteStore();
        await using var mocked = await StartAsync(store.Object);
        var router = mocked.Services.GetRequiredService<ITurnHandler>();

        var saved = Card(await router.HandleAsync(Turn(TurnKind.CardAction, Manager, verb: SafeguardingVerbs.Save, data: Valid()).Object, None));
        var asked = Turn(TurnKind.Message, "aad-learner", text: "who is our safeguarding lead");
        await router.HandleAsync(asked.Object, None);

        Assert.Contains("Safeguarding contact saved", saved, StringComparison.Ordinal);
        store.Verify(s => s.SaveAsync(It.Is<SafeguardingRoute>(r => r.TenantId == Tenant && r.Name == "Safeguarding team (Sam Patel)"), It.IsAny<CancellationToken>()), Times.Once);
        var guidance = CardJson.Serialize(Sent(asked));
        Assert.Contains("Safeguarding team (Sam Patel)", guidance, StringComparison.Ordinal);
        Assert.DoesNotContain("Dana Shah", guidance, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_store_down_a_save_says_nothing_changed_and_changes_nothing()
    {
        var store = RouteStore();
        store.Setup(s => s.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ThrowsAsync(new StoreUnavailableException("down"));
        store.Setup(s => s.SaveAsync(It.IsAny<SafeguardingRoute>(), It.IsAny<CancellationToken>())).ThrowsAsync(new StoreUnavailableException("down"));
        await using var mocked = await StartAsync(store.Object);
        var save = Turn(TurnKind.CardAction, Manager, verb: SafeguardingVerbs.Save, data: Valid());

        var card = Card(await mocked.Services.GetRequiredService<ITurnHandler>().HandleAsync(save.Object, None));

        Assert.Contains("save the safeguarding contact", card, StringComparison.Ordinal);
        Assert.Contains("Nothing changed", card, StringComparison.Ordinal);
        Assert.Contains("try again", card, StringComparison.Ordinal);
        Assert.Null(mocked.Services.GetRequiredService<StoredSafeguardingRoutes>().Find(Tenant));
        Assert.Equal("Dana Shah, configured lead", mocked.Services.GetRequiredService<ISafeguardingDirectory>().Find(Tenant)?.Name);
        save.Verify(t => t.SendAsync(It.IsAny<OutgoingMessage>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task With_the_store_down_a_remove_says_nothing_changed_and_the_route_stays()
    {
        var store = RouteStore();
        store.Setup(s => s.RemoveAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ThrowsAsync(new StoreUnavailableException("down"));
        await using var mocked = await StartAsync(store.Object);
        var router = mocked.Services.GetRequiredService<ITurnHandler>();
        await router.HandleAsync(Turn(TurnKind.CardAction, Manager, verb: SafeguardingVerbs.Save, data: Valid()).Object, None);

        var card = Card(await router.HandleAsync(Turn(TurnKind.CardAction, Manager, verb: SafeguardingVerbs.ConfirmRemove).Object, None));

        Assert.Contains("I couldn\\u0027t remove it", card, StringComparison.Ordinal);
        Assert.Equal("Safeguarding team (Sam Patel)", mocked.Services.GetRequiredService<ISafeguardingDirectory>().Find(Tenant)?.Name);
    }

    [Theory]
    [InlineData("long name")]
    [InlineData("many people")]
    public async Task Garbled_form_data_gets_a_clear_error_and_nothing_is_saved(string garbling)
    {
        var data = Valid();
        if (garbling == "long name")
        {
            data[SafeguardingVerbs.NameInput] = new string('x', 5000);
        }
        else
        {
            data[SafeguardingVerbs.PeopleInput] = string.Join(',', Enumerable.Range(1, 60).Select(i => $"{i:D8}-0000-0000-0000-000000000000"));
        }

        var card = Card(await Router.HandleAsync(Turn(TurnKind.CardAction, Manager, verb: SafeguardingVerbs.Save, data: data).Object, None));

        Assert.Contains("That form came back damaged", card, StringComparison.Ordinal);
        Assert.Contains("Nothing was saved", card, StringComparison.Ordinal);
        Assert.Null(await Store.GetAsync(Tenant, None));
        Assert.Equal("Dana Shah, configured lead", Directory.Find(Tenant)?.Name);
    }

    [Fact]
    public async Task Cancel_changes_nothing_and_says_what_guidance_shows()
    {
        var card = Card(await Router.HandleAsync(Turn(TurnKind.CardAction, Manager, verb: SafeguardingVerbs.Cancel, data: Valid()).Object, None));

        Assert.Contains("Nothing changed", card, StringComparison.Ordinal);
        Assert.Contains("Dana Shah, configured lead", card, StringComparison.Ordinal);
        Assert.Null(await Store.GetAsync(Tenant, None));
    }

    [Fact]
    public async Task Help_lists_the_command_for_managers_only()
    {
        var manager = Turn(TurnKind.Message, Manager, text: "help");
        var learner = Turn(TurnKind.Message, "aad-learner", text: "help");

        await Router.HandleAsync(manager.Object, None);
        await Router.HandleAsync(learner.Object, None);

        Assert.Contains("set safeguarding contact", CardJson.Serialize(Sent(manager)), StringComparison.Ordinal);
        Assert.DoesNotContain("set safeguarding contact", CardJson.Serialize(Sent(learner)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("who is our safeguarding lead")]
    [InlineData("safeguarding contact")]
    [InlineData("I have a safeguarding concern, set up a call")]
    [InlineData("how do I contact the safeguarding lead")]
    public void Concern_phrasings_are_not_the_command(string text) => Assert.False(SafeguardingCommands.IsSetContact(text));

    private static Task<RunningBot> StartAsync(ISafeguardingRouteStore? store = null) => RunningBot.StartAsync(
        new Dictionary<string, string?>
        {
            ["Managers:AadObjectIds:0"] = Manager,
            ["Delivery:Enabled"] = "false",
            ["Safeguarding:Tenants:tenant-1:Name"] = "Dana Shah, configured lead",
            ["Safeguarding:Tenants:tenant-1:HowToReach"] = "extension 4410",
            ["Safeguarding:Tenants:tenant-1:HandoffUserIds:0"] = "29:configured-lead",
        },
        store is null ? null : services => services.AddSingleton(store));

    /// <summary>A route store that works unless a test says otherwise.</summary>
    private static Mock<ISafeguardingRouteStore> RouteStore()
    {
        var store = new Mock<ISafeguardingRouteStore>();
        store.Setup(s => s.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync([]);
        store.Setup(s => s.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync((SafeguardingRoute?)null);
        return store;
    }

    private static SafeguardingRoute Route(string setBy) => new()
    {
        TenantId = Tenant,
        Name = "Safeguarding team (Sam Patel)",
        HowToReach = "safeguarding@example.org or extension 4410",
        ProcedureUrl = new Uri("https://intranet.example.org/safeguarding"),
        Recipients = [new(Lead, "Sam Patel"), new(Deputy, "Alex Kim")],
        DefaultRegion = "UK",
        UpdatedBy = setBy,
        UpdatedAt = new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero),
    };

    private static JsonObject Input(JsonObject card, string id) =>
        CardTree.Inputs(card).Single(i => (string?)i["id"] == id);

    private static Dictionary<string, string> Valid() => new()
    {
        [SafeguardingVerbs.NameInput] = " Safeguarding team (Sam Patel) ",
        [SafeguardingVerbs.ReachInput] = "safeguarding@example.org or extension 4410",
        [SafeguardingVerbs.ProcedureInput] = "https://intranet.example.org/safeguarding",
        [SafeguardingVerbs.PeopleInput] = $"{Lead},{Deputy}",
        [SafeguardingVerbs.RegionInput] = "UK",
    };

    private static string Card(InvokeResult? result) => CardJson.Serialize(Assert.IsType<CardInvokeResult>(result).Card);

    private static AdaptiveCard Sent(Mock<ITurnContext> turn) => AllSent(turn)[0];

    private static List<AdaptiveCard> AllSent(Mock<ITurnContext> turn) =>
    [
        .. turn.Invocations.Where(i => i.Method.Name == nameof(ITurnContext.SendAsync))
            .Select(i => i.Arguments.OfType<OutgoingMessage>().Single().Card!),
    ];

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
