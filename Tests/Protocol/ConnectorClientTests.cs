namespace Beacon.Tests.Protocol;

using System.Net;
using System.Text.Json.Nodes;
using Beacon.Bot.Protocol;
using Moq;

public sealed class ConnectorClientTests : IDisposable
{
    private const string PlaygroundUrl = "http://localhost:56150/_connector";
    private const string TeamsUrl = "https://smba.trafficmanager.net/amer/";
    private const string ConversationId = "19:chan@thread.tacv2;messageid=17";
    private const string EscapedConversationId = "19%3Achan%40thread.tacv2%3Bmessageid%3D17";
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    private readonly ConnectorTestServices dev = new(appId: null);
    private readonly ConnectorTestServices prod = new(appId: TestIssuer.AppId);

    public void Dispose()
    {
        dev.Dispose();
        prod.Dispose();
    }

    [Fact]
    public async Task Send_posts_to_the_conversation_joined_onto_a_service_url_without_trailing_slash()
    {
        var response = await dev.Client.SendToConversationAsync(PlaygroundUrl, ConversationId, Message("hi"), CancellationToken.None);

        var request = Assert.Single(dev.Recorder.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal($"http://localhost:56150/_connector/v3/conversations/{EscapedConversationId}/activities", request.Uri.AbsoluteUri);
        Assert.Null(request.Authorization);
        Assert.Equal("hi", JsonNode.Parse(request.Body!)!["text"]!.GetValue<string>());
        Assert.Equal("sent-1", response.Id);
    }

    [Fact]
    public async Task Reply_update_and_delete_use_the_activity_path_and_their_methods()
    {
        await prod.Client.ReplyToActivityAsync(TeamsUrl, ConversationId, "act-1", Message("reply"), CancellationToken.None);
        await prod.Client.UpdateActivityAsync(TeamsUrl, ConversationId, "act-1", Message("update"), CancellationToken.None);
        await prod.Client.DeleteActivityAsync(TeamsUrl, ConversationId, "act-1", CancellationToken.None);

        var requests = prod.Recorder.Requests.ToArray();
        var expected = $"https://smba.trafficmanager.net/amer/v3/conversations/{EscapedConversationId}/activities/act-1";
        Assert.Equal([HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete], requests.Select(r => r.Method));
        Assert.All(requests, r => Assert.Equal(expected, r.Uri.AbsoluteUri));
        Assert.All(requests, r => Assert.Equal("Bearer " + ConnectorTestServices.OutboundToken, r.Authorization));
    }

    [Fact]
    public async Task Create_personal_conversation_posts_bot_member_tenant_and_channel_data()
    {
        prod.Recorder.Enqueue(HttpStatusCode.Created, """{"id":"a:1-personal","activityId":null}""");

        var created = await prod.Client.CreatePersonalConversationAsync(TeamsUrl, "28:bot", "29:user", "tenant-1", CancellationToken.None);

        var request = Assert.Single(prod.Recorder.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://smba.trafficmanager.net/amer/v3/conversations", request.Uri.AbsoluteUri);
        var body = JsonNode.Parse(request.Body!)!;
        Assert.False(body["isGroup"]!.GetValue<bool>());
        Assert.Equal("28:bot", body["bot"]!["id"]!.GetValue<string>());
        Assert.Equal("29:user", Assert.Single(body["members"]!.AsArray())!["id"]!.GetValue<string>());
        Assert.Equal("tenant-1", body["tenantId"]!.GetValue<string>());
        Assert.Equal("tenant-1", body["channelData"]!["tenant"]!["id"]!.GetValue<string>());
        Assert.Equal("a:1-personal", created.Id);
    }

    [Fact]
    public async Task Typing_posts_a_typing_activity()
    {
        await dev.Client.SendTypingAsync(PlaygroundUrl, "conv", new ChannelAccount { Id = "28:bot" }, CancellationToken.None);

        var request = Assert.Single(dev.Recorder.Requests);
        Assert.Equal("http://localhost:56150/_connector/v3/conversations/conv/activities", request.Uri.AbsoluteUri);
        Assert.Equal("typing", JsonNode.Parse(request.Body!)!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Paged_members_reads_the_roster_page()
    {
        prod.Recorder.Enqueue(HttpStatusCode.OK, """{"continuationToken":"next","members":[{"id":"29:a","aadObjectId":"aad-a"}]}""");

        var page = await prod.Client.GetPagedMembersAsync(TeamsUrl, "conv", 100, "tok en", CancellationToken.None);

        var request = Assert.Single(prod.Recorder.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal("https://smba.trafficmanager.net/amer/v3/conversations/conv/pagedmembers?pageSize=100&continuationToken=tok%20en", request.Uri.AbsoluteUri);
        Assert.Equal("next", page.ContinuationToken);
        Assert.Equal("aad-a", Assert.Single(page.Members!).AadObjectId);
    }

    [Fact]
    public async Task A_429_is_retried_after_the_retry_after_delay_on_the_fake_clock()
    {
        prod.Recorder.Enqueue(HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromSeconds(7));

        var send = prod.Client.SendToConversationAsync(TeamsUrl, "conv", Message("hi"), CancellationToken.None);
        await prod.RunOnFakeClock(send);

        Assert.Equal("sent-1", (await send).Id);
        var requests = prod.Recorder.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        var waited = requests[1].At - requests[0].At;
        Assert.InRange(waited, TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(10));
        Assert.Equal(requests[0].Body, requests[1].Body);
        Assert.All(requests, r => Assert.Equal("Bearer " + ConnectorTestServices.OutboundToken, r.Authorization));
    }

    [Theory]
    [InlineData(HttpStatusCode.PreconditionFailed)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.InternalServerError)]
    public async Task Transient_failures_are_retried_with_backoff(HttpStatusCode status)
    {
        prod.Recorder.Enqueue(status);
        prod.Recorder.Enqueue(status);

        var send = prod.Client.SendToConversationAsync(TeamsUrl, "conv", Message("hi"), CancellationToken.None);
        await prod.RunOnFakeClock(send);

        Assert.Equal("sent-1", (await send).Id);
        var requests = prod.Recorder.Requests.ToArray();
        Assert.Equal(3, requests.Length);
        Assert.True(requests[1].At > requests[0].At, "the first retry waited on the clock");
        Assert.True(requests[2].At > requests[1].At, "the second retry waited on the clock");
    }

    [Fact]
    public async Task Throttling_that_never_ends_gives_up_with_the_status()
    {
        for (var i = 0; i <= ConnectorResilience.MaxRetryAttempts; i++)
        {
            prod.Recorder.Enqueue(HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromSeconds(2));
        }

        var send = prod.Client.SendToConversationAsync(TeamsUrl, "conv", Message("hi"), CancellationToken.None);
        await prod.RunOnFakeClock(send);

        var error = await Assert.ThrowsAsync<ConnectorException>(() => send);
        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal(ConnectorResilience.MaxRetryAttempts + 1, prod.Recorder.Requests.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.NotFound)]
    public async Task Client_errors_are_not_retried(HttpStatusCode status)
    {
        prod.Recorder.Enqueue(status, """{"error":{"code":"BadArgument"}}""");

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            prod.Client.SendToConversationAsync(TeamsUrl, "conv", Message("hi"), CancellationToken.None).WaitAsync(Guard));

        Assert.Equal(status, error.StatusCode);
        Assert.Contains("BadArgument", error.ResponseBody, StringComparison.Ordinal);
        Assert.Single(prod.Recorder.Requests);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("http://smba.trafficmanager.net/amer/")]
    [InlineData(PlaygroundUrl)]
    public async Task A_service_url_off_the_allow_list_is_refused_before_anything_is_sent(string serviceUrl)
    {
        await Assert.ThrowsAsync<ServiceUrlNotAllowedException>(() =>
            prod.Client.SendToConversationAsync(serviceUrl, "conv", Message("hi"), CancellationToken.None));
        await Assert.ThrowsAsync<ServiceUrlNotAllowedException>(() =>
            prod.Client.CreatePersonalConversationAsync(serviceUrl, "28:bot", "29:user", "t", CancellationToken.None));

        Assert.Empty(prod.Recorder.Requests);
        prod.Tokens.Verify(t => t.GetTokenAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Development_mode_refuses_non_loopback_service_urls_too()
    {
        await Assert.ThrowsAsync<ServiceUrlNotAllowedException>(() =>
            dev.Client.SendToConversationAsync("http://10.1.2.3:56150/_connector", "conv", Message("hi"), CancellationToken.None));

        Assert.Empty(dev.Recorder.Requests);
    }

    private static Activity Message(string text) => new() { Type = "message", Text = text };
}
