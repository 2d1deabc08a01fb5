namespace Beacon.Tests.Delivery;

using Beacon.Bot.Composition;
using Beacon.Cards;
using Beacon.Cards.Model;
using Beacon.Dialogs.Intents;
using Beacon.Dialogs.Turns;
using Beacon.Scheduler.Delivery;
using Beacon.Tests.Storage;
using Beacon.Tests.Support;
using Beacon.Training.Learners;
using Beacon.Training.Ports;
using Beacon.Training.Reviews;
using Beacon.Training.Schedules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Moq;

/// <summary>
/// The vacation hold end to end through the bot's own composition (AddBeacon on SQLite) and the
/// turn router, with a mocked turn context and a fake clock: typed commands and card actions in,
/// the stored schedule, shifted review due dates and the delivery runner's decisions out.
/// </summary>
public sealed class PauseResumeTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly LearnerKey Ann = new("tenant-1", "aad-ann");

    private readonly TempDirectory directory = new();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2025, 12, 20, 10, 0, 0, TimeSpan.Zero));
    private readonly IHost host;

    public PauseResumeTests()
    {
        host = ComposedBeaconHost.Build(directory, clock);
    }

    private T Get<T>() where T : notnull => host.Services.GetRequiredService<T>();

    private async Task<(InvokeResult? Result, List<OutgoingMessage> Sent)> TurnAsync(string? text = null, string? verb = null)
    {
        var incoming = new IncomingTurn
        {
            Kind = verb is null ? TurnKind.Message : TurnKind.CardAction,
            ActivityId = Guid.NewGuid().ToString("N"),
            From = new TurnUser("29:ann", "aad-ann", "Ann Example"),
            TenantId = Ann.TenantId,
            ConversationType = ConversationType.Personal,
            Address = new ConversationAddress("https://smba.trafficmanager.net/emea/", "msteams", "a:ann", "28:bot", "29:ann", Ann.TenantId),
            Text = text,
            Verb = verb,
            TimeZone = "Europe/London",
            ReceivedAt = clock.GetUtcNow(),
        };
        var sent = new List<OutgoingMessage>();
        var turn = new Mock<ITurnContext>();
        turn.SetupGet(t => t.Incoming).Returns(incoming);
        turn.Setup(t => t.SendAsync(It.IsAny<OutgoingMessage>(), It.IsAny<CancellationToken>()))
            .Callback<OutgoingMessage, CancellationToken>((m, _) => sent.Add(m))
            .ReturnsAsync("activity");
        var result = await Get<ITurnHandler>().HandleAsync(turn.Object, None);
        return (result, sent);
    }

    private async Task SeedReviewsAsync()
    {
        var reviews = Get<IReviewStore>();
        foreach (var (id, days) in new[] { ("q-a", 1), ("q-b", 3) })
        {
            await reviews.SaveAsync(
                new ReviewState
                {
                    Learner = Ann, QuestionId = id, Phase = ReviewPhase.Review, Stability = 5, Difficulty = 5, Reps = 2,
                    LastReview = clock.GetUtcNow().AddDays(-2), Due = clock.GetUtcNow().AddDays(days),
                },
                None);
        }

        await reviews.SaveAsync(new ReviewState { Learner = Ann, QuestionId = "q-new" }, None);
    }

    private async Task<Dictionary<string, DateTimeOffset?>> DueDatesAsync() =>
        (await Get<IReviewStore>().ListAsync(Ann, None)).ToDictionary(s => s.QuestionId, s => s.Due);

    [Fact]
    public async Task Pause_until_a_date_freezes_delivery_and_shifts_reviews_and_resume_gives_back_the_unused_part()
    {
        await host.Services.GetRequiredService<Beacon.Bot.Composition.IStoreSchema>().EnsureCreatedAsync(None);
        var (offer, _) = await TurnAsync(verb: ScheduleVerbs.StartDaily);
        Assert.IsType<CardInvokeResult>(offer);
        await SeedReviewsAsync();
        var before = await DueDatesAsync();

        // Saturday 20 December 10:00 in London: "pause until January 5" holds to Monday 5 January 00:00 London.
        var (_, sent) = await TurnAsync("pause until January 5");
        var card = Assert.Single(sent).Card;
        Assert.Contains("Monday 5 January", CardText(card!));
        Assert.Contains(card!.Actions!, a => a.Title == CommonActions.ReportConcernTitle);

        var until = new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
        var schedule = await Get<IScheduleStore>().GetAsync(Ann, None);
        Assert.Equal(until, schedule!.PausedUntil);
        var hold = until - clock.GetUtcNow();
        var paused = await DueDatesAsync();
        Assert.Equal(before["q-a"] + hold, paused["q-a"]);
        Assert.Equal(before["q-b"] + hold, paused["q-b"]);
        Assert.Null(paused["q-new"]);

        // Nothing is due on a weekday of the hold; after it, the 9:00 session is.
        var runner = Get<DeliveryRunner>();
        Assert.Empty(await runner.FindDueAsync(new DateTimeOffset(2025, 12, 22, 9, 5, 0, TimeSpan.Zero), None));
        Assert.Single(await runner.FindDueAsync(new DateTimeOffset(2026, 1, 5, 9, 5, 0, TimeSpan.Zero), None));

        // Back early, on Saturday 27 December at 10:00: the reviews end up shifted by the 7 days actually paused.
        clock.SetUtcNow(new DateTimeOffset(2025, 12, 27, 10, 0, 0, TimeSpan.Zero));
        var (_, resumed) = await TurnAsync("resume");
        Assert.Contains("Welcome back", CardText(Assert.Single(resumed).Card!));
        Assert.Null((await Get<IScheduleStore>().GetAsync(Ann, None))!.PausedUntil);
        var after = await DueDatesAsync();
        Assert.Equal(before["q-a"] + TimeSpan.FromDays(7), after["q-a"]);
        Assert.Equal(before["q-b"] + TimeSpan.FromDays(7), after["q-b"]);
        Assert.Single(await runner.FindDueAsync(new DateTimeOffset(2025, 12, 29, 9, 5, 0, TimeSpan.Zero), None));
    }

    [Fact]
    public async Task Pause_for_two_weeks_holds_until_local_midnight_fourteen_days_on()
    {
        await TurnAsync(verb: ScheduleVerbs.StartDaily);
        await SeedReviewsAsync();
        var before = await DueDatesAsync();

        await TurnAsync("pause for two weeks");

        var until = new DateTimeOffset(2026, 1, 3, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(until, (await Get<IScheduleStore>().GetAsync(Ann, None))!.PausedUntil);
        Assert.Equal(before["q-a"] + (until - clock.GetUtcNow()), (await DueDatesAsync())["q-a"]);
    }

    [Fact]
    public async Task Settings_shows_and_changes_time_and_days()
    {
        var (result, _) = await TurnAsync(verb: ScheduleVerbs.StartDaily);
        Assert.Contains("every weekday at 09:00", CardText(((CardInvokeResult)result!).Card));

        var (shown, sent) = await TurnAsync("settings");
        Assert.Null(shown);
        var settings = Assert.Single(sent).Card!;
        Assert.Contains(settings.Body, e => e is ChoiceSetInput { Label: "Time", Value: "09:00" });
        Assert.Contains(settings.Body, e => e is ChoiceSetInput { Label: "Days", Value: "weekdays" });

        var save = new IncomingTurnData { [ScheduleVerbs.TimeInput] = "07:30", [ScheduleVerbs.DaysInput] = "mwf", [ScheduleVerbs.EnabledInput] = "true" };
        var saved = await ActionWithDataAsync(ScheduleVerbs.SaveSettings, save);
        Assert.Contains("on Monday, Wednesday, Friday at 07:30", CardText(saved.Card), StringComparison.Ordinal);
        var stored = await Get<IScheduleStore>().GetAsync(Ann, None);
        Assert.Equal(new TimeOnly(7, 30), stored!.LocalTime);
        Assert.Equal(Weekdays.Monday | Weekdays.Wednesday | Weekdays.Friday, stored.Days);
    }

    [Fact]
    public async Task Pause_without_a_date_asks_how_long_and_changes_nothing()
    {
        await TurnAsync(verb: ScheduleVerbs.StartDaily);
        var (_, sent) = await TurnAsync("pause");
        Assert.Contains("How long", CardText(Assert.Single(sent).Card!));
        Assert.Null((await Get<IScheduleStore>().GetAsync(Ann, None))!.PausedUntil);
    }

    [Theory]
    [InlineData("pause for two weeks", 2025, 12, 20, 2026, 1, 3)]
    [InlineData("pause until January 5", 2025, 12, 20, 2026, 1, 5)]
    [InlineData("pause until jan 5th", 2026, 1, 6, 2027, 1, 5)]
    [InlineData("pause for 3 days", 2026, 3, 1, 2026, 3, 4)]
    [InlineData("pause till next monday", 2025, 12, 20, 2025, 12, 22)]
    public void Resume_dates_are_read_with_the_recognizers(string text, int y, int m, int d, int ry, int rm, int rd)
    {
        Assert.Equal(ScheduleCommandKind.Pause, ScheduleCommands.Recognize(text)!.Kind);
        Assert.Equal(new DateOnly(ry, rm, rd), ScheduleCommands.ResumeDate(text, new DateTime(y, m, d, 10, 0, 0)));
    }

    [Fact]
    public void Reporting_still_wins_over_schedule_words()
    {
        Assert.Equal(Intent.Report, IntentRecognizer.Recognize("pause, I need to report something"));
        Assert.Null(ScheduleCommands.Recognize("what is forced labour"));
    }

    private async Task<CardInvokeResult> ActionWithDataAsync(string verb, IncomingTurnData data)
    {
        var incoming = new IncomingTurn
        {
            Kind = TurnKind.CardAction,
            ActivityId = Guid.NewGuid().ToString("N"),
            From = new TurnUser("29:ann", "aad-ann", "Ann Example"),
            TenantId = Ann.TenantId,
            ConversationType = ConversationType.Personal,
            Address = new ConversationAddress("https://smba.trafficmanager.net/emea/", "msteams", "a:ann", "28:bot", "29:ann", Ann.TenantId),
            Verb = verb,
            Data = data,
            TimeZone = "Europe/London",
        };
        var turn = new Mock<ITurnContext>();
        turn.SetupGet(t => t.Incoming).Returns(incoming);
        return Assert.IsType<CardInvokeResult>(await Get<ITurnHandler>().HandleAsync(turn.Object, None));
    }

    private static string CardText(AdaptiveCard card) => Beacon.Cards.Model.CardJson.ToJsonObject(card).ToJsonString();

    public void Dispose()
    {
        host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        directory.Dispose();
    }

    private sealed class IncomingTurnData : Dictionary<string, string>
    {
        public IncomingTurnData()
            : base(StringComparer.Ordinal)
        {
        }
    }
}
