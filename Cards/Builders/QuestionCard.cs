namespace Beacon.Cards.Builders;

using Beacon.Cards.Model;
using Beacon.Cards.Views;

/// <summary>
/// A quiz question. Options are listed in full, then answered with one tap on their letter;
/// the "I'm sure" toggle is the one optional extra tap (unsure by default).
/// </summary>
public static class QuestionCard
{
    public const string SureInputId = CardData.Sure;

    /// <param name="question">The question to show.</param>
    /// <param name="notice">A line shown above the question, e.g. after a failed save.</param>
    public static AdaptiveCard Build(QuestionView question, string? notice = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        var lettered = question.Options.Select((option, index) => (Letter: Letter(index), Option: option)).ToList();

        var body = new List<CardElement>();
        if (notice is not null)
        {
            body.Add(new TextBlock(notice) { Weight = "Bolder", Color = "Attention" });
        }

        body.AddRange(
        [
            Blocks.Subtle($"Quick question · {question.TopicTitle}"),
            new TextBlock(question.Stem) { Size = "Medium" },
        ]);
        body.AddRange(lettered.Select(item => new TextBlock($"**{item.Letter}.** {item.Option.Text}") { Spacing = "Small" }));
        body.Add(new ToggleInput("I'm sure of my answer")
        {
            Id = SureInputId,
            Label = "How sure are you? (optional)",
            Value = "false",
            ValueOn = "true",
            ValueOff = "false",
            Spacing = "Medium",
        });
        body.Add(new ActionSet(lettered.Select(item => (CardAction)new ExecuteAction(item.Letter, Verbs.Answer)
        {
            Tooltip = $"Answer {item.Letter}: {item.Option.Text}",
            Data = new Dictionary<string, string>
            {
                [CardData.PromptId] = question.PromptId,
                [CardData.QuestionId] = question.QuestionId,
                [CardData.OptionId] = item.Option.Id,
            },
        }).ToList()));

        var spoken = string.Join(". ", lettered.Select(item => $"{item.Letter}: {item.Option.Text}"));
        return new AdaptiveCard
        {
            Body = body,
            Actions = CommonActions.WithReportConcern(),
            Speak = $"{question.Stem} {spoken}",
            FallbackText = question.Stem,
        };
    }

    public static string Letter(int index) => ((char)('A' + index)).ToString();
}
