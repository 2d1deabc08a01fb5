namespace Beacon.Tests.Protocol;

using System.Net;
using Beacon.Bot.Protocol;
using Beacon.Dialogs.Turns;

/// <summary>Mentions in the activity, one roster member, a whole team's roster page by page.</summary>
public sealed class RosterTests : IDisposable
{
    private const string TeamsUrl = "https://smba.trafficmanager.net/amer/";
    private readonly ConnectorTestServices services = new(appId: TestIssuer.AppId);

    public void Dispose() => services.Dispose();

    [Fact]
    public void Mentions_of_people_are_mapped_and_the_bot_is_left_out()
    {
        var activity = ActivityBuilder.Create("message", "channel", a =>
        {
            a.Text = "<at>Beacon</at> grant manager <at>Megan Bowen</at>";
            a.Entities = [ActivityBuilder.Mention(ActivityBuilder.BotId, "Beacon"), ActivityBuilder.Mention("29:megan", "Megan Bowen"), ActivityBuilder.Mention("29:megan", "Megan Bowen")];
        });

        var turn = ActivityMapper.ToIncomingTurn(activity, DateTimeOffset.UnixEpoch);

        Assert.Equal("grant manager Megan Bowen", turn.Text);
        Assert.Equal([new TurnUser("29:megan", null, "Megan Bowen")], turn.Mentions);
    }

    [Fact]
    public async Task A_member_is_read_from_the_conversation_roster_and_an_unknown_one_is_null()
    {
        services.Recorder.Enqueue(HttpStatusCode.OK, """{"id":"29:megan","name":"Megan Bowen","aadObjectId":"aad-megan"}""");
        services.Recorder.Enqueue(HttpStatusCode.NotFound, """{"error":{"code":"MemberNotFoundInConversation"}}""");
        var turn = Turn();

        var megan = await turn.GetMemberAsync("29:megan", CancellationToken.None);
        var stranger = await turn.GetMemberAsync("29:stranger", CancellationToken.None);

        Assert.Equal(new TurnUser("29:megan", "aad-megan", "Megan Bowen"), megan);
        Assert.Null(stranger);
        Assert.Equal(
            "https://smba.trafficmanager.net/amer/v3/conversations/19%3Ageneral%40thread.tacv2/members/29%3Amegan",
            services.Recorder.Requests.First().Uri.AbsoluteUri);
    }

    [Fact]
    public async Task In_a_channel_a_member_is_looked_up_in_the_team_roster()
    {
        services.Recorder.Enqueue(HttpStatusCode.OK, """{"id":"29:megan","name":"Megan Bowen","aadObjectId":"aad-megan"}""");

        await Turn(team: "19:team@thread.tacv2").GetMemberAsync("29:megan", CancellationToken.None);

        Assert.Equal(
            "https://smba.trafficmanager.net/amer/v3/conversations/19%3Ateam%40thread.tacv2/members/29%3Amegan",
            Assert.Single(services.Recorder.Requests).Uri.AbsoluteUri);
    }

    [Fact]
    public async Task A_team_roster_is_read_page_by_page_with_the_continuation_token()
    {
        services.Recorder.Enqueue(HttpStatusCode.OK, """{"continuationToken":"page-2","members":[{"id":"29:a","aadObjectId":"aad-a","name":"A"},{"id":"28:bot"}]}""");
        services.Recorder.Enqueue(HttpStatusCode.OK, """{"members":[{"id":"29:b","name":"B"},{"id":"29:a","aadObjectId":"aad-a","name":"A"}]}""");

        var members = await Turn().GetTeamMembersAsync("19:team@thread.tacv2", CancellationToken.None);

        Assert.Equal([new TurnUser("29:a", "aad-a", "A"), new TurnUser("29:b", null, "B")], members);
        var requests = services.Recorder.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        Assert.DoesNotContain("continuationToken", requests[0].Uri.Query, StringComparison.Ordinal);
        Assert.Contains("/conversations/19%3Ateam%40thread.tacv2/pagedmembers", requests[1].Uri.AbsoluteUri, StringComparison.Ordinal);
        Assert.Contains("continuationToken=page-2", requests[1].Uri.Query, StringComparison.Ordinal);
    }

    private TurnContext Turn(string? team = null)
    {
        var activity = ActivityBuilder.Create("message", "channel", a =>
        {
            a.ChannelData = team is null ? null : ActivityBuilder.Json($$$"""{"team":{"id":"{{{team}}}"}}""");
            a.ServiceUrl = TeamsUrl;
            a.Recipient = new ChannelAccount { Id = "28:bot", Name = "Beacon" };
            a.Conversation = new ConversationAccount { Id = "19:general@thread.tacv2", ConversationType = "channel", TenantId = "tenant-1" };
        });
        return new TurnContext(ActivityMapper.ToIncomingTurn(activity, DateTimeOffset.UnixEpoch), activity, services.Client);
    }
}
