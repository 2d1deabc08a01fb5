namespace Beacon.Cards.Builders;

using Beacon.Cards.Model;
using Beacon.Cards.Views;

/// <summary>Choose or change the role track.</summary>
public static class RoleCard
{
    public static AdaptiveCard Build(IReadOnlyList<TrackView> tracks, string? current) => new()
    {
        Body =
        [
            Blocks.Heading("Your role"),
            Blocks.Paragraph("Everyone learns the core topics. Your role adds questions from your own kind of work."),
            TrackChoice.Input(tracks, current),
        ],
        Actions = CommonActions.WithReportConcern(TrackChoice.SaveAction()),
        FallbackText = "Choose your role.",
    };
}
