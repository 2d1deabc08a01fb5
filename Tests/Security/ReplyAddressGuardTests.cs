namespace Beacon.Tests.Security;

using Beacon.Bot.Protocol;
using Beacon.Bot.Security;
using Beacon.Dialogs.Turns;
using Beacon.Training.Learners;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

/// <summary>
/// The input check the fuzz run called for: a turn whose reply address the connector could not
/// use is acknowledged without running any flow (an invoke gets a 400 error body), instead of
/// failing half-way with an error.
/// </summary>
public sealed class ReplyAddressGuardTests
{
    private const string Allowed = "https://smba.trafficmanager.net/emea/";

    public static TheoryData<string, string, string, string> Unanswerable() => new()
    {
        { "no sender id", string.Empty, "a:1conv", "28:bot" },
        { "no conversation id", "29:1user", " ", "28:bot" },
        { "no recipient (bot) id", "29:1user", "a:1conv", string.Empty },
    };

    [Theory]
    [MemberData(nameof(Unanswerable))]
    public async Task A_turn_without_a_usable_reply_address_runs_no_flow(string problem, string from, string conversation, string bot)
    {
        var (guard, inner) = Guard();
        var turn = Turn(TurnKind.Message, Allowed, from, conversation, bot);

        var result = await guard.HandleAsync(turn.Object, CancellationToken.None);

        Assert.Null(result);
        Assert.Equal(problem, guard.ProblemWith(turn.Object.Incoming));
        inner.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task An_invoke_from_a_service_url_off_the_allow_list_gets_a_400_body_and_runs_no_flow()
    {
        var (guard, inner) = Guard();

        var result = await guard.HandleAsync(Turn(TurnKind.CardAction, "https://evil.example/").Object, CancellationToken.None);

        var error = Assert.IsType<ErrorInvokeResult>(result);
        Assert.Equal(400, error.StatusCode);
        inner.VerifyNoOtherCalls();
    }

    [Theory]
    [InlineData(TurnKind.Message)]
    [InlineData(TurnKind.CardAction)]
    [InlineData(TurnKind.Installed)]
    public async Task A_turn_with_a_usable_address_reaches_the_flows(TurnKind kind)
    {
        var (guard, inner) = Guard();

        await guard.HandleAsync(Turn(kind, Allowed).Object, CancellationToken.None);

        inner.Verify(h => h.HandleAsync(It.IsAny<ITurnContext>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_turn_that_needs_no_reply_passes_even_without_an_address()
    {
        var (guard, inner) = Guard();

        await guard.HandleAsync(Turn(TurnKind.Uninstalled, string.Empty, "29:1user", string.Empty, string.Empty).Object, CancellationToken.None);

        inner.Verify(h => h.HandleAsync(It.IsAny<ITurnContext>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    private static (ReplyAddressGuard Guard, Mock<ITurnHandler> Inner) Guard()
    {
        var inner = new Mock<ITurnHandler>();
        var policy = new ServiceUrlPolicy(Options.Create(new BotOptions { MicrosoftAppId = "app" }));
        return (new ReplyAddressGuard(inner.Object, policy, NullLogger<ReplyAddressGuard>.Instance), inner);
    }

    private static Mock<ITurnContext> Turn(TurnKind kind, string serviceUrl, string from = "29:1user", string conversation = "a:1conv", string bot = "28:bot")
    {
        var turn = new Mock<ITurnContext>();
        turn.SetupGet(t => t.Incoming).Returns(new IncomingTurn
        {
            Kind = kind,
            ActivityId = "a-1",
            From = new TurnUser(from, null, null),
            TenantId = "tenant-1",
            ConversationType = ConversationType.Personal,
            Address = new ConversationAddress(serviceUrl, "msteams", conversation, bot, from, "tenant-1"),
        });
        return turn;
    }
}
