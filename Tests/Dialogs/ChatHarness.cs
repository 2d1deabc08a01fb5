namespace Beacon.Tests.Dialogs;

using Beacon.Bot.Composition;
using Beacon.Cards.Model;
using Beacon.Dialogs.Turns;
using Beacon.Tests.Storage;
using Beacon.Tests.Support;
using Beacon.Training.Learners;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Moq;

/// <summary>
/// One learner talking to Beacon's own composition (AddBeacon on SQLite in a temp folder) through
/// the turn router, with a fake clock and a mocked Teams side that records every message sent.
/// </summary>
internal sealed class ChatHarness : IDisposable
{
    public static readonly LearnerKey Ann = new("tenant-1", "aad-ann");

    private readonly TempDirectory directory = new();
    private readonly IHost host;

    public ChatHarness(DateTimeOffset now, string? locale = "en-GB", string? country = "GB", string timeZone = "Europe/London")
    {
        Clock = new FakeTimeProvider(now);
        Locale = locale;
        Country = country;
        TimeZone = timeZone;
        host = ComposedBeaconHost.Build(directory, Clock);
    }

    public FakeTimeProvider Clock { get; }

    public string? Locale { get; }

    public string? Country { get; }

    public string TimeZone { get; }

    /// <summary>Everything Beacon sent, here or privately, in order.</summary>
    public List<OutgoingMessage> Sent { get; } = [];

    public T Get<T>() where T : notnull => host.Services.GetRequiredService<T>();

    /// <summary>Types <paramref name="text"/>; returns what Beacon sent in answer.</summary>
    public async Task<List<OutgoingMessage>> SayAsync(string text)
    {
        var before = Sent.Count;
        await Get<ITurnHandler>().HandleAsync(Turn(Incoming(TurnKind.Message) with { Text = text }).Object, CancellationToken.None);
        return Sent.Skip(before).ToList();
    }

    /// <summary>Taps an Action.Execute button; returns the invoke's answer.</summary>
    public async Task<InvokeResult?> TapAsync(string verb, IReadOnlyDictionary<string, string>? data = null) =>
        await Get<ITurnHandler>().HandleAsync(
            Turn(Incoming(TurnKind.CardAction) with { Verb = verb, Data = data ?? new Dictionary<string, string>() }).Object,
            CancellationToken.None);

    /// <summary>Taps a button as it is on <paramref name="card"/>, with its data.</summary>
    public Task<InvokeResult?> TapAsync(AdaptiveCard card, string title)
    {
        var button = Buttons(card).Single(b => b.Title == title);
        return TapAsync(button.Verb, button.Data);
    }

    public static IEnumerable<ExecuteAction> Buttons(AdaptiveCard card) =>
        (card.Actions ?? []).OfType<ExecuteAction>().Concat(card.Body.OfType<ActionSet>().SelectMany(set => set.Actions.OfType<ExecuteAction>()));

    public static string Text(AdaptiveCard card) =>
        string.Join('\n', Beacon.Tests.Cards.CardTree.TextBlocks(CardJson.ToJsonObject(card)).Select(t => (string?)t["text"]));

    private IncomingTurn Incoming(TurnKind kind) => new()
    {
        Kind = kind,
        ActivityId = Guid.NewGuid().ToString("N"),
        From = new TurnUser("29:ann", Ann.LearnerId, "Ann Example"),
        TenantId = Ann.TenantId,
        ConversationType = ConversationType.Personal,
        Address = new ConversationAddress("https://smba.trafficmanager.net/emea/", "msteams", "a:ann", "28:bot", "29:ann", Ann.TenantId),
        Locale = Locale,
        Country = Country,
        TimeZone = TimeZone,
        ReceivedAt = Clock.GetUtcNow(),
    };

    private Mock<ITurnContext> Turn(IncomingTurn incoming)
    {
        var turn = new Mock<ITurnContext>();
        turn.SetupGet(t => t.Incoming).Returns(incoming);
        turn.Setup(t => t.SendAsync(It.IsAny<OutgoingMessage>(), It.IsAny<CancellationToken>()))
            .Callback<OutgoingMessage, CancellationToken>((m, _) => Sent.Add(m))
            .ReturnsAsync("activity");
        turn.Setup(t => t.SendPersonalAsync(It.IsAny<string>(), It.IsAny<OutgoingMessage>(), It.IsAny<CancellationToken>()))
            .Callback<string, OutgoingMessage, CancellationToken>((_, m, _) => Sent.Add(m))
            .ReturnsAsync(incoming.Address);
        return turn;
    }

    public void Dispose()
    {
        host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        directory.Dispose();
    }
}
