namespace Beacon.Cards.Builders;

using Beacon.Cards.Model;
using Beacon.Cards.Views;

public static class RefresherCard
{
    public static AdaptiveCard Build(RefresherView refresher)
    {
        ArgumentNullException.ThrowIfNull(refresher);
        return new AdaptiveCard
        {
            Body =
            [
                Blocks.Subtle($"Refresher · {refresher.TopicTitle}"),
                Blocks.Heading(refresher.Title),
                Blocks.Bullets(refresher.KeyPoints),
                Blocks.SubHeading("What to do"),
                Blocks.Paragraph(refresher.WhatToDo),
                Blocks.SourceLine(refresher.SourceTitle, refresher.SourceUrl),
            ],
            Actions = CommonActions.WithReportConcern(CommonActions.StartQuiz("Test myself"), CommonActions.OpenSource(refresher.SourceUrl)),
            Speak = $"{refresher.Title}. {string.Join(". ", refresher.KeyPoints)}",
            FallbackText = refresher.Title,
        };
    }
}
