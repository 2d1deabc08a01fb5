namespace Beacon.Tests.Protocol;

using System.Net;
using System.Text.Json.Nodes;
using Beacon.Bot.Protocol;
using Beacon.Cards.Model;
using Beacon.Dialogs.Turns;
using Moq;

public sealed class MessagesEndpointTests
{
    private const string PlaygroundServiceUrl = "http://127.0.0.1:56150/_connector";

    [Fact]
    public async Task A_body_over_256_kb_is_413_and_not_handled()
    {
        await using var host = await BotTestHost.StartAsync(appId: null);
        var json = $$"""{"type":"message","text":"{{new string('a', 257 * 1024)}}"}""";

        using var response = await host.PostAsync(json);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        host.Handler.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_body_just_under_the_limit_is_accepted()
    {
        await using var host = await BotTestHost.StartAsync(appId: null);
        var json = Message("x").Replace("\"x\"", $"\"{new string('a', 250 * 1024)}\"", StringComparison.Ordinal);

        using var response = await host.PostAsync(json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("null")]
    [InlineData("""{"text":"no type"}""")]
    [InlineData("""{"type":""}""")]
    [InlineData("""{"type":"message","from":"not an object"}""")]
    public async Task A_body_that_is_not_an_activity_is_400(string body)
    {
        await using var host = await BotTestHost.StartAsync(appId: null);

        using var response = await host.PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        host.Handler.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Without_a_token_an_authenticated_bot_answers_401_and_sends_nothing()
    {
        await using var host = await BotTestHost.StartAsync(TestIssuer.AppId);

        using var response = await host.PostAsync(Message("quiz", TestIssuer.ServiceUrl));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        host.Handler.VerifyNoOtherCalls();
        Assert.Empty(host.Recorder.Requests);
    }

    [Fact]
    public async Task A_token_for_another_service_url_is_401()
    {
        await using var host = await BotTestHost.StartAsync(TestIssuer.AppId);

        using var response = await host.PostAsync(
            Message("quiz", "https://smba.trafficmanager.net/emea/"), "Bearer " + host.Issuer.BotFrameworkToken());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        host.Handler.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Development_mode_refuses_requests_that_are_not_from_loopback()
    {
        await using var host = await BotTestHost.StartAsync(appId: null);

        using var response = await host.PostAsync(Message("quiz"), remoteAddress: "203.0.113.9");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        host.Handler.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task An_authenticated_message_reaches_the_handler_and_its_reply_goes_out_with_a_token()
    {
        await using var host = await BotTestHost.StartAsync(TestIssuer.AppId);
        ITurnContext? seen = null;
        host.Handler
            .Setup(h => h.HandleAsync(It.IsAny<ITurnContext>(), It.IsAny<CancellationToken>()))
            .Returns(async (ITurnContext turn, CancellationToken ct) =>
            {
                seen = turn;
                await turn.SendAsync(OutgoingMessage.FromText("pong"), ct);
                return null;
            });

        using var response = await host.PostAsync(
            Message("<at>Beacon</at> quiz", TestIssuer.ServiceUrl, "channel"), "Bearer " + host.Issuer.BotFrameworkToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TurnKind.Message, seen!.Incoming.Kind);
        Assert.Equal("quiz", seen.Incoming.Text);
        var sent = Assert.Single(host.Recorder.Requests);
        Assert.Equal("https://smba.trafficmanager.net/amer/v3/conversations/conv-1/activities", sent.Uri.AbsoluteUri);
        Assert.Equal("Bearer " + ConnectorTestServices.OutboundToken, sent.Authorization);
        var body = JsonNode.Parse(sent.Body!)!;
        Assert.Equal("message", body["type"]!.GetValue<string>());
        Assert.Equal("pong", body["text"]!.GetValue<string>());
        Assert.Equal("28:bot", body["from"]!["id"]!.GetValue<string>());
        Assert.Equal("29:user", body["recipient"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_card_action_answers_with_the_card_in_the_http_body()
    {
        await using var host = await BotTestHost.StartAsync(appId: null);
        var card = new AdaptiveCard { Body = [new TextBlock("Correct: report it.")] };
        ITurnContext? seen = null;
        host.Handler
            .Setup(h => h.HandleAsync(It.IsAny<ITurnContext>(), It.IsAny<CancellationToken>()))
            .Callback((ITurnContext turn, CancellationToken _) => seen = turn)
            .ReturnsAsync(new CardInvokeResult(card));

        using var response = await host.PostAsync(CardAction());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(CardJson.ToJsonObject(card), body["value"]));
        Assert.Equal(TurnKind.CardAction, seen!.Incoming.Kind);
        Assert.Equal("quiz.answer", seen.Incoming.Verb);
        Assert.Equal("b", seen.Incoming.Data["option"]);
        Assert.Equal("card-7", seen.Incoming.ReplyToId);
        Assert.Empty(host.Recorder.Requests);
    }

    [Fact]
    public async Task A_card_action_can_answer_with_a_message()
    {
        await using var host = await BotTestHost.StartAsync(appId: null);
        host.Handler.Setup(h => h.HandleAsync(It.IsAny<ITurnContext>(), It.IsAny<CancellationToken>())).ReturnsAsync(new MessageInvokeResult("Saved."));

        var body = await InvokeBody(host);

        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"statusCode":200,"type":"application/vnd.microsoft.activity.message","value":"Saved."}"""), body));
    }

    [Fact]
    public async Task A_card_action_can_answer_with_an_error()
    {
        await using var host = await BotTestHost.StartAsync(appId: null);
        host.Handler.Setup(h => h.HandleAsync(It.IsAny<ITurnContext>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ErrorInvokeResult(400, "BadInput", "Pick an option."));

        var body = await InvokeBody(host);

        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"statusCode":400,"type":"application/vnd.microsoft.error","value":{"code":"BadInput","message":"Pick an option."}}"""), body));
    }

    [Fact]
    public async Task A_failing_card_action_is_http_200_with_a_500_error_body()
    {
        await using var host = await BotTestHost.StartAsync(appId: null);
        host.Handler.Setup(h => h.HandleAsync(It.IsAny<ITurnContext>(), It.IsAny<CancellationToken>())).ThrowsAsync(new InvalidOperationException("boom"));

        var body = await InvokeBody(host);

        Assert.Equal(500, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.error", body["type"]!.GetValue<string>());
        Assert.Equal("InternalError", body["value"]!["code"]!.GetValue<string>());
        Assert.DoesNotContain("boom", body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_message_is_200_and_the_user_is_told_politely()
    {
        await using var host = await BotTestHost.StartAsync(appId: null);
        host.Handler.Setup(h => h.HandleAsync(It.IsAny<ITurnContext>(), It.IsAny<CancellationToken>())).ThrowsAsync(new InvalidOperationException("boom"));

        using var response = await host.PostAsync(Message("quiz"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var apology = Assert.Single(host.Recorder.Requests);
        Assert.Equal("http://127.0.0.1:56150/_connector/v3/conversations/conv-1/activities", apology.Uri.AbsoluteUri);
        Assert.Null(apology.Authorization);
        Assert.Equal(BotMessageProcessor.ApologyText, JsonNode.Parse(apology.Body!)!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_failing_message_whose_apology_also_fails_is_still_200()
    {
        await using var host = await BotTestHost.StartAsync(appId: null);
        host.Handler.Setup(h => h.HandleAsync(It.IsAny<ITurnContext>(), It.IsAny<CancellationToken>())).ThrowsAsync(new InvalidOperationException("boom"));

        using var response = await host.PostAsync(Message("quiz", "https://not-allowed.example/"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(host.Recorder.Requests);
    }

    [Fact]
    public async Task Another_invoke_is_200_with_an_empty_body_and_the_handler_sees_other()
    {
        await using var host = await BotTestHost.StartAsync(appId: null);
        TurnKind? kind = null;
        host.Handler.Setup(h => h.HandleAsync(It.IsAny<ITurnContext>(), It.IsAny<CancellationToken>()))
            .Callback((ITurnContext turn, CancellationToken _) => kind = turn.Incoming.Kind)
            .ReturnsAsync((InvokeResult?)null);

        using var response = await host.PostAsync(Activity("invoke", """ "name":"task/fetch","value":{} """));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        Assert.Equal(TurnKind.Other, kind);
    }

    [Fact]
    public async Task The_bot_being_added_is_an_install_answered_with_200()
    {
        await using var host = await BotTestHost.StartAsync(appId: null);
        TurnKind? kind = null;
        host.Handler.Setup(h => h.HandleAsync(It.IsAny<ITurnContext>(), It.IsAny<CancellationToken>()))
            .Callback((ITurnContext turn, CancellationToken _) => kind = turn.Incoming.Kind)
            .ReturnsAsync((InvokeResult?)null);

        using var response = await host.PostAsync(Activity("conversationUpdate", """ "membersAdded":[{"id":"28:bot"}] """));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TurnKind.Installed, kind);
        Assert.Empty(host.Recorder.Requests);
    }

    [Fact]
    public async Task An_unknown_activity_type_is_200_with_no_reply()
    {
        await using var host = await BotTestHost.StartAsync(appId: null);

        using var response = await host.PostAsync(Activity("messageReaction", """ "reactionsAdded":[{"type":"like"}] """));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(host.Recorder.Requests);
        host.Handler.Verify(h => h.HandleAsync(It.Is<ITurnContext>(t => t.Incoming.Kind == TurnKind.Other), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task The_turn_context_updates_types_and_opens_personal_chats_through_the_connector()
    {
        await using var host = await BotTestHost.StartAsync(appId: null);
        var card = new AdaptiveCard { Body = [new TextBlock("Question 1")] };
        ConversationAddressHolder personal = new();
        host.Recorder.Enqueue(HttpStatusCode.OK, "{}");
        host.Recorder.Enqueue(HttpStatusCode.OK, "{}");
        host.Recorder.Enqueue(HttpStatusCode.Created, """{"id":"a:personal-9"}""");
        host.Handler
            .Setup(h => h.HandleAsync(It.IsAny<ITurnContext>(), It.IsAny<CancellationToken>()))
            .Returns(async (ITurnContext turn, CancellationToken ct) =>
            {
                await turn.SendTypingAsync(ct);
                await turn.UpdateAsync("card-7", OutgoingMessage.FromCard(card, "New question"), ct);
                personal.Value = await turn.SendPersonalAsync("29:other", OutgoingMessage.FromCard(card), ct);
                return null;
            });

        using var response = await host.PostAsync(Message("campaign start", conversationType: "channel"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var requests = host.Recorder.Requests.ToArray();
        Assert.Equal(4, requests.Length);
        Assert.Equal("typing", JsonNode.Parse(requests[0].Body!)!["type"]!.GetValue<string>());

        Assert.Equal(HttpMethod.Put, requests[1].Method);
        Assert.Equal($"{PlaygroundServiceUrl}/v3/conversations/conv-1/activities/card-7", requests[1].Uri.AbsoluteUri);
        var update = JsonNode.Parse(requests[1].Body!)!;
        Assert.Equal("card-7", update["id"]!.GetValue<string>());
        Assert.Equal("New question", update["summary"]!.GetValue<string>());
        var attachment = Assert.Single(update["attachments"]!.AsArray())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment["contentType"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(CardJson.ToJsonObject(card), attachment["content"]));

        Assert.Equal($"{PlaygroundServiceUrl}/v3/conversations", requests[2].Uri.AbsoluteUri);
        Assert.Equal("29:other", JsonNode.Parse(requests[2].Body!)!["members"]![0]!["id"]!.GetValue<string>());
        Assert.Equal($"{PlaygroundServiceUrl}/v3/conversations/a%3Apersonal-9/activities", requests[3].Uri.AbsoluteUri);
        Assert.Equal("29:other", JsonNode.Parse(requests[3].Body!)!["recipient"]!["id"]!.GetValue<string>());

        Assert.Equal("a:personal-9", personal.Value!.ConversationId);
        Assert.Equal("29:other", personal.Value.UserId);
        Assert.Equal("tenant-1", personal.Value.TenantId);
        Assert.Equal(PlaygroundServiceUrl, personal.Value.ServiceUrl);
    }

    private static async Task<JsonNode> InvokeBody(BotTestHost host)
    {
        using var response = await host.PostAsync(CardAction());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static string CardAction() => Activity(
        "invoke",
        """
        "name":"adaptiveCard/action","replyToId":"card-7",
        "value":{"action":{"type":"Action.Execute","verb":"quiz.answer","data":{"questionId":"q1","option":"b"}},"trigger":"manual"}
        """);

    private static string Message(string text, string serviceUrl = PlaygroundServiceUrl, string conversationType = "personal") =>
        Activity("message", $$""" "text":{{System.Text.Json.JsonSerializer.Serialize(text)}} """, serviceUrl, conversationType);

    private static string Activity(string type, string extra, string serviceUrl = PlaygroundServiceUrl, string conversationType = "personal") => $$"""
        {
          "type":"{{type}}","id":"act-1","channelId":"msteams","serviceUrl":"{{serviceUrl}}",
          "from":{"id":"29:user","aadObjectId":"aad-user","name":"Ana"},
          "recipient":{"id":"28:bot","name":"Beacon"},
          "conversation":{"id":"conv-1","conversationType":"{{conversationType}}","tenantId":"tenant-1"},
          {{extra}}
        }
        """;

    private sealed class ConversationAddressHolder
    {
        public Beacon.Training.Learners.ConversationAddress? Value { get; set; }
    }
}
