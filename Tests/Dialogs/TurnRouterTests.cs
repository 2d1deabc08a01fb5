namespace Beacon.Tests.Dialogs;

using Beacon.Cards.Builders;
using Beacon.Cards.Model;
using Beacon.Dialogs.Turns;
using Beacon.Tests.Support;
using Beacon.Training.Learners;
using Beacon.Training.Ports;
using Microsoft.Extensions.DependencyInjection;
using Moq;

/// <summary>Routing decisions with the real flows and store, and a mocked Teams side (no HTTP).</summary>
public sealed class TurnRouterTests : IAsyncLifetime
{
    private RunningBot bot = null!;

    private ITurnHandler Router => bot.Services.GetRequiredService<ITurnHandler>();

    public async Task InitializeAsync() => bot = await RunningBot.StartAsync();

    public async Task DisposeAsync() => await bot.DisposeAsync();

    [Fact]
    public async Task Install_announced_twice_welcomes_once()
    {
        var first = Turn(TurnKind.Installed);
        var second = Turn(TurnKind.Installed);

        await Task.WhenAll(Router.HandleAsync(first.Object, default), Router.HandleAsync(second.Object, default));

        var welcomes = first.Invocations.Concat(second.Invocations).Count(i => i.Method.Name == nameof(ITurnContext.SendAsync));
        Assert.Equal(1, welcomes);
    }

    [Fact]
    public async Task Installing_in_a_team_sends_no_welcome()
    {
        var turn = Turn(TurnKind.Installed, conversationType: ConversationType.Channel);

        await Router.HandleAsync(turn.Object, default);

        turn.Verify(t => t.SendAsync(It.IsAny<OutgoingMessage>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Uninstall_marks_the_learner_inactive()
    {
        await Router.HandleAsync(Turn(TurnKind.Message, text: "help").Object, default);

        await Router.HandleAsync(Turn(TurnKind.Uninstalled).Object, default);

        var learner = await bot.Services.GetRequiredService<ILearnerStore>().GetAsync(new LearnerKey("tenant-1", "aad-1"), default);
        Assert.False(learner!.Active);
    }

    [Fact]
    public async Task Unknown_card_verb_gets_a_400_error_response()
    {
        var result = await Router.HandleAsync(Turn(TurnKind.CardAction, verb: "launchRockets").Object, default);

        var error = Assert.IsType<ErrorInvokeResult>(result);
        Assert.Equal(400, error.StatusCode);
    }

    [Fact]
    public async Task Choosing_a_role_saves_it_and_replaces_the_card_and_a_tampered_role_is_refused()
    {
        var saved = await Router.HandleAsync(Turn(TurnKind.CardAction, verb: "track", data: new() { ["track"] = "healthcare" }).Object, default);
        var tampered = await Router.HandleAsync(Turn(TurnKind.CardAction, verb: "track", data: new() { ["track"] = "admin" }).Object, default);

        Assert.IsType<CardInvokeResult>(saved);
        Assert.Equal(400, Assert.IsType<ErrorInvokeResult>(tampered).StatusCode);
        var learner = await bot.Services.GetRequiredService<ILearnerStore>().GetAsync(new LearnerKey("tenant-1", "aad-1"), default);
        Assert.Equal("healthcare", learner!.Track);
    }

    [Fact]
    public async Task An_answer_for_a_prompt_never_issued_is_refused_and_not_stored()
    {
        var result = await Router.HandleAsync(
            Turn(TurnKind.CardAction, verb: "answer", data: new() { ["promptId"] = "forged", ["questionId"] = "core-definition-001", ["optionId"] = "a" }).Object,
            default);

        var card = Assert.IsType<CardInvokeResult>(result).Card;
        Assert.Contains("can't match that answer", CardJson.Serialize(card).Replace("\\u0027", "'", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Empty(await bot.Services.GetRequiredService<IAnswerStore>().ListAnswersAsync(new LearnerKey("tenant-1", "aad-1"), default));
    }

    [Fact]
    public async Task A_store_outage_during_an_answer_is_a_503_error_response_not_a_crash()
    {
        var broken = new Mock<IAnswerStore>();
        broken.Setup(s => s.GetIssuedAsync(It.IsAny<LearnerKey>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new StoreUnavailableException("down"));
        await using var outage = await RunningBot.StartAsync(services: s => s.AddSingleton(broken.Object));

        var result = await outage.Services.GetRequiredService<ITurnHandler>().HandleAsync(
            Turn(TurnKind.CardAction, verb: "answer", data: new() { ["promptId"] = "p", ["questionId"] = "q", ["optionId"] = "a" }).Object,
            default);

        Assert.Equal(503, Assert.IsType<ErrorInvokeResult>(result).StatusCode);
    }

    public static TheoryData<string> CommandsBeaconOffers()
    {
        var manifest = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(RepositoryRoot.Combine("manifest", "manifest.json")))!;
        var manifestTitles = manifest["bots"]![0]!["commandLists"]!.AsArray()
            .SelectMany(list => list!["commands"]!.AsArray().Select(command => (string)command!["title"]!));
        var facts = HelpCard.Commands.Concat(HelpCard.ManagerCommands).ToList();
        // The examples the help card quotes, e.g. "pause for two weeks", are commands too.
        var examples = facts.SelectMany(fact => System.Text.RegularExpressions.Regex.Matches(fact.Value, "\"([^\"]+)\"").Select(match => match.Groups[1].Value));
        return [.. facts.Select(fact => fact.Title).Concat(examples).Concat(manifestTitles).Distinct(StringComparer.Ordinal)];
    }

    [Theory]
    [MemberData(nameof(CommandsBeaconOffers))]
    public async Task Every_command_and_example_the_help_card_and_the_manifest_offer_is_understood(string command)
    {
        var turn = Turn(TurnKind.Message, text: command);
        var sent = new List<OutgoingMessage>();
        turn.Setup(t => t.SendAsync(It.IsAny<OutgoingMessage>(), It.IsAny<CancellationToken>()))
            .Callback<OutgoingMessage, CancellationToken>((message, _) => sent.Add(message))
            .ReturnsAsync("sent-1");

        await Router.HandleAsync(turn.Object, default);

        Assert.NotEmpty(sent);
        Assert.All(sent, message => Assert.DoesNotContain(
            "understand",
            message.Card is null ? message.Text ?? string.Empty : CardJson.Serialize(message.Card),
            StringComparison.Ordinal));
    }

    private static Mock<ITurnContext> Turn(
        TurnKind kind,
        string? text = null,
        string? verb = null,
        Dictionary<string, string>? data = null,
        string conversationType = ConversationType.Personal)
    {
        var incoming = new IncomingTurn
        {
            Kind = kind,
            ActivityId = Guid.NewGuid().ToString(),
            From = new TurnUser("29:user-1", "aad-1", "Sam Rivera"),
            TenantId = "tenant-1",
            ConversationType = conversationType,
            Address = new ConversationAddress("http://127.0.0.1:9/", "msteams", "conv-1", "28:beacon", "29:user-1", "tenant-1"),
            Text = text,
            Verb = verb,
            Data = data ?? [],
            Country = "US",
        };
        var turn = new Mock<ITurnContext>();
        turn.SetupGet(t => t.Incoming).Returns(incoming);
        turn.Setup(t => t.SendAsync(It.IsAny<OutgoingMessage>(), It.IsAny<CancellationToken>())).ReturnsAsync("sent-1");
        return turn;
    }
}
