namespace Beacon.Tests.Protocol;

using Beacon.Bot.Protocol;

public sealed class MentionTextTests
{
    [Fact]
    public void The_bots_mention_described_by_an_entity_is_removed_in_a_channel()
    {
        var activity = ActivityBuilder.Create("message", "channel", a =>
        {
            a.Text = "<at>Beacon</at> quiz";
            a.Entities = [ActivityBuilder.Mention(ActivityBuilder.BotId, "Beacon")];
        });

        Assert.Equal("quiz", MentionText.Clean(activity));
    }

    [Fact]
    public void The_bots_mention_is_removed_in_a_group_chat_even_without_an_entity()
    {
        var activity = ActivityBuilder.Create("message", "groupChat", a => a.Text = "  <at>Beacon</at>   report a concern ");

        Assert.Equal("report a concern", MentionText.Clean(activity));
    }

    [Fact]
    public void A_mention_in_the_middle_leaves_single_spaces()
    {
        var activity = ActivityBuilder.Create("message", "channel", a =>
        {
            a.Text = "start <at>Beacon</at> quiz";
            a.Entities = [ActivityBuilder.Mention(ActivityBuilder.BotId, "Beacon")];
        });

        Assert.Equal("start quiz", MentionText.Clean(activity));
    }

    [Fact]
    public void Mentions_of_other_people_keep_the_name()
    {
        var activity = ActivityBuilder.Create("message", "channel", a =>
        {
            a.Text = "<at>Beacon</at> progress for <at>Rui Costa</at>";
            a.Entities = [ActivityBuilder.Mention(ActivityBuilder.BotId, "Beacon"), ActivityBuilder.Mention("29:rui", "Rui Costa")];
        });

        Assert.Equal("progress for Rui Costa", MentionText.Clean(activity));
    }

    [Fact]
    public void Html_entities_are_decoded_and_text_trimmed()
    {
        var activity = Create("message", a => a.Text = "  what&#39;s a &quot;red flag&quot; &amp; how to report?&nbsp;");

        Assert.Equal("what's a \"red flag\" & how to report?", MentionText.Clean(activity));
    }

    [Fact]
    public void Personal_text_without_mentions_is_kept()
    {
        var activity = Create("message", a => a.Text = "Quiz");

        Assert.Equal("Quiz", MentionText.Clean(activity));
    }

    [Fact]
    public void Only_a_mention_leaves_empty_text()
    {
        var activity = ActivityBuilder.Create("message", "channel", a =>
        {
            a.Text = "<at>Beacon</at>";
            a.Entities = [ActivityBuilder.Mention(ActivityBuilder.BotId, "Beacon")];
        });

        Assert.Equal(string.Empty, MentionText.Clean(activity));
    }

    private static Activity Create(string type, Action<Activity> configure) => ActivityBuilder.Create(type, "personal", configure);
}
