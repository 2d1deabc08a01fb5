namespace Beacon.Tests.Protocol;

using System.Text;
using Beacon.Bot.Protocol;
using Beacon.Dialogs.Turns;

public sealed class ActivityMapperTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_channel_message_maps_to_a_message_turn_with_everything_filled_in()
    {
        var activity = ActivityJson.Deserialize(Encoding.UTF8.GetBytes(ActivityJsonTests.TeamsChannelMessage))!;

        var turn = ActivityMapper.ToIncomingTurn(activity, Now);

        Assert.Equal(TurnKind.Message, turn.Kind);
        Assert.Equal("quiz & more", turn.Text);
        Assert.Equal("1709370000000", turn.ActivityId);
        Assert.Equal(new TurnUser("29:1abc", "0d5f-aad", "Ana Silva"), turn.From);
        Assert.Equal("0d5f-aad", turn.LearnerKey.LearnerId);
        Assert.Equal("tenant-1", turn.TenantId);
        Assert.Equal("channel", turn.ConversationType);
        Assert.Equal("19:team@thread.tacv2", turn.TeamId);
        Assert.Equal("pt-PT", turn.Locale);
        Assert.Equal("Europe/Lisbon", turn.TimeZone);
        Assert.Equal("PT", turn.Country);
        Assert.Equal(Now, turn.ReceivedAt);
        Assert.Equal("https://smba.trafficmanager.net/emea/", turn.Address.ServiceUrl);
        Assert.Equal("msteams", turn.Address.ChannelId);
        Assert.Equal("19:chan@thread.tacv2;messageid=1709370000000", turn.Address.ConversationId);
        Assert.Equal("28:bot-app-id", turn.Address.BotId);
        Assert.Equal("29:1abc", turn.Address.UserId);
        Assert.Equal("tenant-1", turn.Address.TenantId);
    }

    [Fact]
    public void Tenant_falls_back_to_channel_data_and_locale_to_client_info()
    {
        var activity = ActivityBuilder.Create("message", configure: a =>
        {
            a.Text = "help";
            a.Locale = null;
            a.Conversation!.TenantId = null;
            a.ChannelData = ActivityBuilder.Json("""{"tenant":{"id":"tenant-from-channel-data"}}""");
            a.Entities = [new Entity { Type = "clientInfo", Properties = new Dictionary<string, System.Text.Json.JsonElement> { ["locale"] = ActivityBuilder.Json("\"es-ES\"") } }];
        });

        var turn = ActivityMapper.ToIncomingTurn(activity, Now);

        Assert.Equal("tenant-from-channel-data", turn.TenantId);
        Assert.Equal("tenant-from-channel-data", turn.Address.TenantId);
        Assert.Equal("es-ES", turn.Locale);
        Assert.Null(turn.TimeZone);
        Assert.Null(turn.TeamId);
    }

    [Theory]
    [InlineData("tenant-1", "tenant-1", "tenant-1", false)]
    [InlineData("tenant-1", "TENANT-1", "tenant-1", false)]
    [InlineData(null, "tenant-2", "tenant-2", false)]
    [InlineData("tenant-1", "tenant-2", null, true)]
    [InlineData(null, null, null, false)]
    public void The_tenant_is_read_the_same_way_everywhere_and_disagreeing_fields_name_none(
        string? conversationTenant, string? channelDataTenant, string? expected, bool conflicting)
    {
        var activity = ActivityBuilder.Create("message", configure: a =>
        {
            a.Text = "help";
            a.Conversation!.TenantId = conversationTenant;
            a.ChannelData = channelDataTenant is null ? null : ActivityBuilder.Json($$$"""{"tenant":{"id":"{{{channelDataTenant}}}"}}""");
        });

        var reading = ActivityMapper.ReadTenant(activity);
        var turn = ActivityMapper.ToIncomingTurn(activity, Now);

        Assert.Equal(conflicting, reading.IsConflicting);
        Assert.Equal(expected, reading.TenantId);
        Assert.Equal(expected ?? string.Empty, turn.TenantId);
        Assert.Equal(expected, turn.Address.TenantId);
    }

    [Fact]
    public void Conversation_type_falls_back_to_is_group()
    {
        var group = ActivityBuilder.Create("message", configure: a => { a.Conversation = new ConversationAccount { Id = "c", IsGroup = true }; a.Text = "x"; });
        var personal = ActivityBuilder.Create("message", configure: a => { a.Conversation = new ConversationAccount { Id = "c" }; a.Text = "x"; });

        Assert.Equal("groupChat", ActivityMapper.ToIncomingTurn(group, Now).ConversationType);
        Assert.Equal("personal", ActivityMapper.ToIncomingTurn(personal, Now).ConversationType);
    }

    [Theory]
    [InlineData("""{"verb":"answer","questionId":"q1","choice":"b"}""", "answer")]
    [InlineData("""{"action":"settings","time":"09:30"}""", "settings")]
    [InlineData("""{"questionId":"q1"}""", null)]
    public void A_message_with_a_value_and_no_text_is_a_card_submit(string value, string? verb)
    {
        var activity = ActivityBuilder.Create("message", configure: a => a.Value = ActivityBuilder.Json(value));

        var turn = ActivityMapper.ToIncomingTurn(activity, Now);

        Assert.Equal(TurnKind.CardSubmit, turn.Kind);
        Assert.Equal(verb, turn.Verb);
        Assert.Null(turn.Text);
    }

    [Fact]
    public void Card_submit_data_keeps_scalar_values_as_text_and_drops_objects()
    {
        var activity = ActivityBuilder.Create("message", configure: a =>
            a.Value = ActivityBuilder.Json("""{"verb":"answer","choice":"b","confidence":3,"sure":true,"msteams":{"type":"messageBack"},"none":null}"""));

        var data = ActivityMapper.ToIncomingTurn(activity, Now).Data;

        Assert.Equal("answer", data["verb"]);
        Assert.Equal("b", data["choice"]);
        Assert.Equal("3", data["confidence"]);
        Assert.Equal("true", data["sure"]);
        Assert.False(data.ContainsKey("msteams"));
        Assert.False(data.ContainsKey("none"));
    }

    [Fact]
    public void A_message_with_text_and_a_value_is_a_message()
    {
        var activity = ActivityBuilder.Create("message", configure: a => { a.Text = "quiz"; a.Value = ActivityBuilder.Json("""{"verb":"x"}"""); });

        Assert.Equal(TurnKind.Message, ActivityMapper.KindOf(activity));
    }

    [Fact]
    public void An_adaptive_card_action_invoke_is_a_card_action()
    {
        var activity = ActivityBuilder.Create("invoke", configure: a =>
        {
            a.Name = "adaptiveCard/action";
            a.ReplyToId = "card-activity-7";
            a.Value = ActivityBuilder.Json("""
                {"action":{"type":"Action.Execute","verb":"quiz.answer","data":{"questionId":"q-42","option":"c","confidence":"2"}},"trigger":"manual"}
                """);
        });

        var turn = ActivityMapper.ToIncomingTurn(activity, Now);

        Assert.Equal(TurnKind.CardAction, turn.Kind);
        Assert.Equal("quiz.answer", turn.Verb);
        Assert.Equal("card-activity-7", turn.ReplyToId);
        Assert.Equal(new Dictionary<string, string> { ["questionId"] = "q-42", ["option"] = "c", ["confidence"] = "2" }, turn.Data);
    }

    [Fact]
    public void A_card_action_without_action_data_has_no_verb_and_no_data()
    {
        var activity = ActivityBuilder.Create("invoke", configure: a => { a.Name = "adaptiveCard/action"; a.Value = ActivityBuilder.Json("[]"); });

        var turn = ActivityMapper.ToIncomingTurn(activity, Now);

        Assert.Equal(TurnKind.CardAction, turn.Kind);
        Assert.Null(turn.Verb);
        Assert.Empty(turn.Data);
    }

    [Theory]
    [InlineData("task/fetch")]
    [InlineData("composeExtension/query")]
    [InlineData(null)]
    public void Other_invokes_are_other(string? name) =>
        Assert.Equal(TurnKind.Other, ActivityMapper.KindOf(ActivityBuilder.Create("invoke", configure: a => a.Name = name)));

    [Theory]
    [InlineData("add", TurnKind.Installed)]
    [InlineData("add-upgrade", TurnKind.Installed)]
    [InlineData("remove", TurnKind.Uninstalled)]
    [InlineData("remove-upgrade", TurnKind.Other)]
    [InlineData(null, TurnKind.Other)]
    public void Installation_updates_map_by_action(string? action, TurnKind expected) =>
        Assert.Equal(expected, ActivityMapper.KindOf(ActivityBuilder.Create("installationUpdate", configure: a => a.Action = action)));

    [Fact]
    public void The_bot_joining_a_conversation_is_an_install()
    {
        var activity = ActivityBuilder.Create("conversationUpdate", "channel", a =>
            a.MembersAdded = [new ChannelAccount { Id = "29:someone" }, new ChannelAccount { Id = ActivityBuilder.BotId }]);

        Assert.Equal(TurnKind.Installed, ActivityMapper.KindOf(activity));
    }

    [Fact]
    public void The_bot_leaving_a_conversation_is_an_uninstall()
    {
        var activity = ActivityBuilder.Create("conversationUpdate", "channel", a => a.MembersRemoved = [new ChannelAccount { Id = ActivityBuilder.BotId }]);

        Assert.Equal(TurnKind.Uninstalled, ActivityMapper.KindOf(activity));
    }

    [Fact]
    public void People_joining_is_other()
    {
        var activity = ActivityBuilder.Create("conversationUpdate", "channel", a => a.MembersAdded = [new ChannelAccount { Id = "29:someone" }]);

        Assert.Equal(TurnKind.Other, ActivityMapper.KindOf(activity));
    }

    [Theory]
    [InlineData("typing")]
    [InlineData("messageReaction")]
    [InlineData("endOfConversation")]
    [InlineData("somethingNew")]
    public void Everything_else_is_other(string type) =>
        Assert.Equal(TurnKind.Other, ActivityMapper.KindOf(ActivityBuilder.Create(type)));

    [Fact]
    public void A_sparse_activity_maps_without_throwing()
    {
        var turn = ActivityMapper.ToIncomingTurn(new Activity { Type = "message" }, Now);

        Assert.Equal(TurnKind.Message, turn.Kind);
        Assert.Equal(string.Empty, turn.TenantId);
        Assert.Equal(string.Empty, turn.From.Id);
        Assert.Equal("personal", turn.ConversationType);
        Assert.Equal(string.Empty, turn.Text);
    }
}
