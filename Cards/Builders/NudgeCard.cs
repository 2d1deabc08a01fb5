namespace Beacon.Cards.Builders;

using Beacon.Cards.Model;
using Beacon.Cards.Views;

/// <summary>The one reminder of a campaign session that has not been answered by the end of the day.</summary>
public static class NudgeCard
{
    public static AdaptiveCard Build(NudgeView nudge)
    {
        ArgumentNullException.ThrowIfNull(nudge);
        var message = $"Your two-minute session from {nudge.CampaignName} is waiting. It's still open, whenever you have a moment.";
        return new AdaptiveCard
        {
            Body = [Blocks.SubHeading("A quick reminder"), Blocks.Paragraph(message)],
            Actions = CommonActions.WithReportConcern(CommonActions.OpenPrompt("Open my question", nudge.PromptId)),
            Speak = message,
            FallbackText = message,
        };
    }
}
