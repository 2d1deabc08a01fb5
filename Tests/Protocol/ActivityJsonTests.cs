namespace Beacon.Tests.Protocol;

using System.Text;
using System.Text.Json.Nodes;
using Beacon.Bot.Protocol;

public sealed class ActivityJsonTests
{
    internal const string TeamsChannelMessage = """
        {
          "text": "<at>Beacon</at> quiz &amp; more",
          "textFormat": "plain",
          "attachments": [ { "contentType": "text/html", "content": "<div>quiz</div>", "futureAttachmentField": 1 } ],
          "type": "message",
          "timestamp": "2026-03-02T09:00:00.1234567Z",
          "localTimestamp": "2026-03-02T10:00:00.1234567+01:00",
          "id": "1709370000000",
          "channelId": "msteams",
          "serviceUrl": "https://smba.trafficmanager.net/emea/",
          "from": { "id": "29:1abc", "name": "Ana Silva", "aadObjectId": "0d5f-aad", "userPrincipalName": "ana@contoso.example" },
          "conversation": { "isGroup": true, "conversationType": "channel", "tenantId": "tenant-1", "id": "19:chan@thread.tacv2;messageid=1709370000000", "futureConversationField": [1, 2] },
          "recipient": { "id": "28:bot-app-id", "name": "Beacon" },
          "entities": [
            { "mentioned": { "id": "28:bot-app-id", "name": "Beacon" }, "text": "<at>Beacon</at>", "type": "mention" },
            { "locale": "pt-PT", "country": "PT", "platform": "Web", "timezone": "Europe/Lisbon", "type": "clientInfo" }
          ],
          "channelData": { "teamsChannelId": "19:chan@thread.tacv2", "teamsTeamId": "19:team@thread.tacv2", "channel": { "id": "19:chan@thread.tacv2" }, "team": { "id": "19:team@thread.tacv2" }, "tenant": { "id": "tenant-1" } },
          "locale": "pt-PT",
          "futureTopLevel": { "nested": [true, null, "x"] }
        }
        """;

    [Fact]
    public void A_teams_activity_round_trips_with_its_unknown_properties()
    {
        var activity = ActivityJson.Deserialize(Encoding.UTF8.GetBytes(TeamsChannelMessage))!;

        var original = JsonNode.Parse(TeamsChannelMessage)!.AsObject();
        var written = JsonNode.Parse(ActivityJson.Serialize(activity))!.AsObject();

        // The timestamp is typed, so its text may change form (Z vs +00:00) but not its instant.
        Assert.Equal(DateTimeOffset.Parse(original["timestamp"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture),
            DateTimeOffset.Parse(written["timestamp"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        original.Remove("timestamp");
        written.Remove("timestamp");
        Assert.True(JsonNode.DeepEquals(original, written), written.ToJsonString());
    }

    [Fact]
    public void Typed_fields_are_read()
    {
        var activity = ActivityJson.Deserialize(Encoding.UTF8.GetBytes(TeamsChannelMessage))!;

        Assert.Equal("message", activity.Type);
        Assert.Equal("29:1abc", activity.From!.Id);
        Assert.Equal("0d5f-aad", activity.From.AadObjectId);
        Assert.Equal("channel", activity.Conversation!.ConversationType);
        Assert.Equal("tenant-1", activity.Conversation.TenantId);
        Assert.True(activity.Conversation.IsGroup);
        Assert.Equal(2, activity.Entities!.Count);
        Assert.Equal("Europe/Lisbon", activity.Entities[1].GetString("timezone"));
        Assert.Equal("28:bot-app-id", activity.Entities[0].GetString("mentioned", "id"));
        Assert.True(activity.Properties!.ContainsKey("futureTopLevel"));
        Assert.True(activity.From.Properties!.ContainsKey("userPrincipalName"));
        Assert.True(activity.Conversation.Properties!.ContainsKey("futureConversationField"));
        Assert.True(activity.Attachments![0].Properties!.ContainsKey("futureAttachmentField"));
    }

    [Fact]
    public void Nulls_are_left_out_when_writing()
    {
        var json = ActivityJson.Serialize(new Activity { Type = "typing" });

        Assert.Equal("""{"type":"typing"}""", json);
    }
}
