namespace Beacon.Tests.Security;

using System.Net;
using Beacon.Bot.Security;
using Beacon.Cards;
using Beacon.Dialogs.Turns;
using Beacon.Training.Learners;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

/// <summary>
/// Item 5 of issue 10 (fairness), as behaviour on a fake clock (the p99 latency target is measured
/// by `dotnet run --project bench -c Release -- abuse`, never timed here): one user sending 100
/// messages a second is limited with one friendly card per notice interval, the limited messages
/// are not processed, other users are not limited, and reporting guidance always gets through.
/// </summary>
public sealed class RateLimitTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly RateLimitOptions options = new() { BurstSize = 10, TurnsPerSecond = 2, NoticeInterval = TimeSpan.FromSeconds(30) };

    [Fact]
    public void The_bucket_allows_a_burst_then_refills_at_the_configured_rate()
    {
        var limiter = new PerUserRateLimiter(Options.Create(options), clock);

        var burst = Enumerable.Range(0, 10).Select(_ => limiter.Acquire("t", "u")).ToList();
        var over = limiter.Acquire("t", "u");
        var overAgain = limiter.Acquire("t", "u");
        clock.Advance(TimeSpan.FromSeconds(1));
        var refilled = Enumerable.Range(0, 3).Select(_ => limiter.Acquire("t", "u")).ToList();

        Assert.All(burst, d => Assert.Equal(RateDecision.Allowed, d));
        Assert.Equal(RateDecision.LimitedNotify, over);
        Assert.Equal(RateDecision.LimitedQuiet, overAgain);
        Assert.Equal([RateDecision.Allowed, RateDecision.Allowed, RateDecision.LimitedQuiet], refilled);
    }

    [Fact]
    public void The_user_is_told_again_only_after_the_notice_interval()
    {
        var limiter = new PerUserRateLimiter(Options.Create(new RateLimitOptions { BurstSize = 10, TurnsPerSecond = 0.001, NoticeInterval = TimeSpan.FromSeconds(30) }), clock);
        for (var i = 0; i < 10; i++)
        {
            limiter.Acquire("t", "u");
        }

        var decisions = new List<RateDecision>();
        for (var i = 0; i < 40; i++)
        {
            decisions.Add(limiter.Acquire("t", "u"));
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(2, decisions.Count(d => d == RateDecision.LimitedNotify));
        Assert.Equal(RateDecision.LimitedNotify, decisions[0]);
        Assert.Equal(RateDecision.LimitedNotify, decisions[30]);
    }

    [Fact]
    public void Users_are_keyed_by_tenant_and_user_id()
    {
        var limiter = new PerUserRateLimiter(Options.Create(options), clock);
        for (var i = 0; i < 11; i++)
        {
            limiter.Acquire("tenant-a", "29:1abuser");
        }

        Assert.Equal(RateDecision.Allowed, limiter.Acquire("tenant-a", "29:1someone-else"));
        Assert.Equal(RateDecision.Allowed, limiter.Acquire("tenant-b", "29:1abuser"));
        Assert.NotEqual(RateDecision.Allowed, limiter.Acquire("tenant-a", "29:1abuser"));
    }

    [Fact]
    public void Idle_users_are_forgotten_when_too_many_are_tracked()
    {
        var limiter = new PerUserRateLimiter(Options.Create(new RateLimitOptions { BurstSize = 10, TurnsPerSecond = 2, MaxTrackedUsers = 100 }), clock);
        for (var i = 0; i < 100; i++)
        {
            limiter.Acquire("t", "u" + i);
        }

        clock.Advance(TimeSpan.FromMinutes(1));
        limiter.Acquire("t", "newcomer");

        Assert.True(limiter.TrackedUsers <= 2, $"{limiter.TrackedUsers} tracked");
    }

    [Fact]
    public async Task An_abuser_at_100_messages_a_second_is_slowed_with_one_card_while_another_user_is_not_limited()
    {
        var (handler, inner) = Handler();
        var abuser = new RecordingTurn();
        var normal = new RecordingTurn();
        int abuserHandled = 0, normalHandled = 0;
        inner.Setup(h => h.HandleAsync(It.IsAny<ITurnContext>(), It.IsAny<CancellationToken>()))
            .Callback((ITurnContext t, CancellationToken _) =>
            {
                if (t.Incoming.From.Id == "29:1abuser")
                {
                    abuserHandled++;
                }
                else
                {
                    normalHandled++;
                }
            })
            .ReturnsAsync((InvokeResult?)null);

        for (var i = 0; i < 100; i++)
        {
            await handler.HandleAsync(abuser.With(Message("29:1abuser", "help " + i)), CancellationToken.None);
            if (i % 20 == 0)
            {
                await handler.HandleAsync(normal.With(Message("29:1normal", "quiz")), CancellationToken.None);
            }

            clock.Advance(TimeSpan.FromMilliseconds(10));
        }

        Assert.InRange(abuserHandled, 10, 12); // the burst plus what refilled in one second
        Assert.Equal(5, normalHandled);
        var card = Assert.Single(abuser.Sent);
        Assert.Contains(RateLimitedTurnHandler.SlowDownText, card.Card!.FallbackText, StringComparison.Ordinal);
        Assert.Empty(normal.Sent);
    }

    [Fact]
    public async Task Reporting_guidance_gets_through_even_when_the_user_is_limited()
    {
        var (handler, inner) = Handler();
        var seen = new List<string?>();
        inner.Setup(h => h.HandleAsync(It.IsAny<ITurnContext>(), It.IsAny<CancellationToken>()))
            .Callback((ITurnContext t, CancellationToken _) => seen.Add(t.Incoming.Text ?? t.Incoming.Verb))
            .ReturnsAsync((InvokeResult?)null);
        var turn = new RecordingTurn();
        for (var i = 0; i < 30; i++)
        {
            await handler.HandleAsync(turn.With(Message("29:1abuser", "hello")), CancellationToken.None);
        }

        await handler.HandleAsync(turn.With(Message("29:1abuser", "I'm worried about a colleague, who do I call?")), CancellationToken.None);
        await handler.HandleAsync(turn.With(Message("29:1abuser", "report")), CancellationToken.None);
        await handler.HandleAsync(turn.With(Action("29:1abuser", Verbs.Report)), CancellationToken.None);

        Assert.Equal(10, seen.Count(s => s == "hello"));
        Assert.Contains("I'm worried about a colleague, who do I call?", seen);
        Assert.Contains("report", seen);
        Assert.Contains(Verbs.Report, seen);
    }

    [Fact]
    public async Task A_limited_card_action_is_answered_with_a_message_and_not_processed()
    {
        var (handler, inner) = Handler();
        inner.Setup(h => h.HandleAsync(It.IsAny<ITurnContext>(), It.IsAny<CancellationToken>())).ReturnsAsync(new MessageInvokeResult("handled"));
        var turn = new RecordingTurn();
        for (var i = 0; i < 10; i++)
        {
            await handler.HandleAsync(turn.With(Action("29:1abuser", Verbs.Quiz)), CancellationToken.None);
        }

        var limited = await handler.HandleAsync(turn.With(Action("29:1abuser", Verbs.Quiz)), CancellationToken.None);

        Assert.Equal(new MessageInvokeResult(RateLimitedTurnHandler.SlowDownText), limited);
        inner.Verify(h => h.HandleAsync(It.IsAny<ITurnContext>(), It.IsAny<CancellationToken>()), Times.Exactly(10));
    }

    [Fact]
    public async Task Answers_to_question_cards_are_not_limited()
    {
        var (handler, inner) = Handler();
        inner.Setup(h => h.HandleAsync(It.IsAny<ITurnContext>(), It.IsAny<CancellationToken>())).ReturnsAsync(new MessageInvokeResult("handled"));
        var turn = new RecordingTurn();
        for (var i = 0; i < 30; i++)
        {
            await handler.HandleAsync(turn.With(Message("29:1quick", "quiz")), CancellationToken.None);
        }

        for (var i = 0; i < 30; i++)
        {
            Assert.Equal(new MessageInvokeResult("handled"), await handler.HandleAsync(turn.With(Action("29:1quick", Verbs.Answer)), CancellationToken.None));
        }

        inner.Verify(h => h.HandleAsync(It.IsAny<ITurnContext>(), It.IsAny<CancellationToken>()), Times.Exactly(10 + 30));
    }

    [Fact]
    public async Task Through_the_real_bot_a_flood_gets_ten_answers_and_one_slow_down_card_and_report_still_works()
    {
        var fake = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var bot = await SecureBot.StartAsync(services: s => s.AddSingleton<TimeProvider>(fake));
        bot.Issuer.Now = fake.GetUtcNow();

        for (var i = 0; i < 30; i++)
        {
            using var response = await bot.PostAuthenticatedAsync(Activities.Message("help", bot.ServiceUrl));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var replies = bot.Capture.Requests.Select(r => r.Body).ToList();
        Assert.Equal(11, replies.Count);
        Assert.Single(replies, r => r.Contains(RateLimitedTurnHandler.SlowDownTitle, StringComparison.Ordinal));
        using (var report = await bot.PostAuthenticatedAsync(Activities.Message("report", bot.ServiceUrl)))
        {
            Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        }

        Assert.Equal(12, bot.Capture.Requests.Count);
        Assert.Contains("emergency", bot.Capture.Requests.Last().Body, StringComparison.OrdinalIgnoreCase);
        using (var other = await bot.PostAuthenticatedAsync(Activities.Message("help", bot.ServiceUrl, "29:1someone-else", "aad-someone-else")))
        {
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        }

        Assert.Contains("What Beacon can do", bot.Capture.Requests.Last().Body, StringComparison.Ordinal);
    }

    private (RateLimitedTurnHandler Handler, Mock<ITurnHandler> Inner) Handler()
    {
        var inner = new Mock<ITurnHandler>();
        var limiter = new PerUserRateLimiter(Options.Create(options), clock);
        return (new RateLimitedTurnHandler(inner.Object, limiter, NullLogger<RateLimitedTurnHandler>.Instance), inner);
    }

    private static IncomingTurn Message(string userId, string text) => Turn(userId, TurnKind.Message) with { Text = text };

    private static IncomingTurn Action(string userId, string verb) => Turn(userId, TurnKind.CardAction) with { Verb = verb };

    private static IncomingTurn Turn(string userId, TurnKind kind) => new()
    {
        Kind = kind,
        ActivityId = "a-1",
        From = new TurnUser(userId, null, "Someone"),
        TenantId = "tenant-1",
        ConversationType = ConversationType.Personal,
        Address = new ConversationAddress("https://smba.trafficmanager.net/emea/", "msteams", "a:1", "28:bot", userId, "tenant-1"),
    };

    /// <summary>A turn context that records what is sent.</summary>
    private sealed class RecordingTurn : ITurnContext
    {
        public IncomingTurn Incoming { get; private set; } = null!;

        public List<OutgoingMessage> Sent { get; } = [];

        public RecordingTurn With(IncomingTurn incoming)
        {
            Incoming = incoming;
            return this;
        }

        public Task<string?> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
        {
            Sent.Add(message);
            return Task.FromResult<string?>("sent");
        }

        public Task UpdateAsync(string activityId, OutgoingMessage message, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task SendTypingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<ConversationAddress> SendPersonalAsync(string userId, OutgoingMessage message, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<TurnUser?> GetMemberAsync(string userId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<TurnUser>> GetTeamMembersAsync(string teamId, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }
}
