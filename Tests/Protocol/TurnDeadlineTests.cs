namespace Beacon.Tests.Protocol;

using System.Net;
using System.Text.Json.Nodes;
using Beacon.Bot.Protocol;
using Beacon.Dialogs.Turns;
using Beacon.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Moq;

/// <summary>
/// Teams waits 15 seconds for an answer. A turn still running after
/// <see cref="BotMessageProcessor.AnswerWithin"/> is answered anyway (a message with 200, an
/// invoke with an error asking to try again) and goes on to finish in <see cref="InFlightTurns"/>.
/// The host's clock is fake: the turn hangs on a task the test releases.
/// </summary>
public sealed class TurnDeadlineTests
{
    private const string ServiceUrl = "http://127.0.0.1:56150/_connector";
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan TeamsTimeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_message_turn_that_runs_long_is_answered_200_in_time_and_its_reply_follows()
    {
        await using var host = await BotTestHost.StartAsync(appId: null);
        var clock = (FakeTimeProvider)host.App.Services.GetRequiredService<TimeProvider>();
        var (entered, release) = HangingHandler(host, reply: "done at last");
        var started = clock.GetUtcNow();

        var post = host.PostAsync(Message("quiz"));
        await entered.Task.WaitAsync(Guard);
        await FakeClockDriver.RunAsync(clock, post, TeamsTimeout * 2, "Teams' request was not answered");

        using var response = await post;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.InRange(clock.GetUtcNow() - started, BotMessageProcessor.AnswerWithin, TeamsTimeout - TimeSpan.FromTicks(1));
        Assert.Empty(host.Recorder.Requests);

        release.SetResult();
        await host.App.Services.GetRequiredService<InFlightTurns>().WhenIdle().WaitAsync(Guard);
        var reply = Assert.Single(host.Recorder.Requests);
        Assert.Equal("done at last", JsonNode.Parse(reply.Body!)!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_card_action_that_runs_long_gets_the_try_again_answer_in_time()
    {
        await using var host = await BotTestHost.StartAsync(appId: null);
        var clock = (FakeTimeProvider)host.App.Services.GetRequiredService<TimeProvider>();
        var (entered, release) = HangingHandler(host, reply: null);
        var started = clock.GetUtcNow();

        var post = host.PostAsync(CardAction());
        await entered.Task.WaitAsync(Guard);
        await FakeClockDriver.RunAsync(clock, post, TeamsTimeout * 2, "Teams' invoke was not answered");

        using var response = await post;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.InRange(clock.GetUtcNow() - started, BotMessageProcessor.AnswerWithin, TeamsTimeout - TimeSpan.FromTicks(1));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(503, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.error", body["type"]!.GetValue<string>());
        Assert.Equal(BotMessageProcessor.StillWorkingCode, body["value"]!["code"]!.GetValue<string>());

        release.SetResult();
        await host.App.Services.GetRequiredService<InFlightTurns>().WhenIdle().WaitAsync(Guard);
        host.Handler.Verify(h => h.HandleAsync(It.IsAny<ITurnContext>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_turn_that_ends_in_time_is_answered_after_its_replies_were_sent()
    {
        await using var host = await BotTestHost.StartAsync(appId: null);
        host.Handler.Setup(h => h.HandleAsync(It.IsAny<ITurnContext>(), It.IsAny<CancellationToken>()))
            .Returns(async (ITurnContext turn, CancellationToken token) =>
            {
                await turn.SendAsync(OutgoingMessage.FromText("quick"), token);
                return null;
            });

        using var response = await host.PostAsync(Message("quiz")).WaitAsync(Guard);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(host.Recorder.Requests);
    }

    /// <summary>A handler that signals when it starts, waits for the test, then replies (for a message) or answers with a card message (for an invoke).</summary>
    private static (TaskCompletionSource Entered, TaskCompletionSource Release) HangingHandler(BotTestHost host, string? reply)
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Handler.Setup(h => h.HandleAsync(It.IsAny<ITurnContext>(), It.IsAny<CancellationToken>()))
            .Returns(async (ITurnContext turn, CancellationToken token) =>
            {
                entered.TrySetResult();
                await release.Task.WaitAsync(token);
                if (reply is null)
                {
                    return new MessageInvokeResult("late");
                }

                await turn.SendAsync(OutgoingMessage.FromText(reply), token);
                return null;
            });
        return (entered, release);
    }

    private static string CardAction() => Activity(
        "invoke",
        """
        "name":"adaptiveCard/action","replyToId":"card-7",
        "value":{"action":{"type":"Action.Execute","verb":"quiz.answer","data":{"questionId":"q1","option":"b"}},"trigger":"manual"}
        """);

    private static string Message(string text) => Activity("message", $$""" "text":{{System.Text.Json.JsonSerializer.Serialize(text)}} """);

    private static string Activity(string type, string extra) => $$"""
        {
          "type":"{{type}}","id":"act-1","channelId":"msteams","serviceUrl":"{{ServiceUrl}}",
          "from":{"id":"29:user","aadObjectId":"aad-user","name":"Ana"},
          "recipient":{"id":"28:bot","name":"Beacon"},
          "conversation":{"id":"conv-1","conversationType":"personal","tenantId":"tenant-1"},
          {{extra}}
        }
        """;
}
