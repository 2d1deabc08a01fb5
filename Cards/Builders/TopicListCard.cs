namespace Beacon.Cards.Builders;

using Beacon.Cards.Model;
using Beacon.Cards.Views;

/// <summary>"learn &lt;something Beacon has no topic for&gt;": says so and offers every topic, one tap each.</summary>
public static class TopicListCard
{
    private const int ButtonsPerRow = 2;

    public static AdaptiveCard Build(string asked, IReadOnlyList<TopicChoiceView> topics)
    {
        ArgumentNullException.ThrowIfNull(asked);
        ArgumentNullException.ThrowIfNull(topics);
        var shown = asked.Length <= 60 ? asked : asked[..57] + "...";
        var body = new List<CardElement>
        {
            Blocks.SubHeading("Topics"),
            Blocks.Paragraph($"I don't have a topic called \"{shown}\" — here are the topics."),
        };
        body.AddRange(topics.Chunk(ButtonsPerRow).Select(row => new ActionSet(
            row.Select(topic => (CardAction)new ExecuteAction(topic.DisplayName, Verbs.Refresher)
            {
                AssociatedInputs = "none",
                Data = new Dictionary<string, string> { [CardData.Topic] = topic.Id },
            }).ToList())));
        return new AdaptiveCard
        {
            Body = body,
            Actions = CommonActions.WithReportConcern(),
            FallbackText = $"I don't have a topic called \"{shown}\". The topics are: {string.Join(", ", topics.Select(t => t.DisplayName))}.",
        };
    }
}
