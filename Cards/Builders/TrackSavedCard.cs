namespace Beacon.Cards.Builders;

using Beacon.Cards.Model;
using Beacon.Cards.Views;

/// <summary>Replaces the welcome or settings card once a role is chosen.</summary>
public static class TrackSavedCard
{
    public static AdaptiveCard Build(TrackView track, IReadOnlyList<TrackView> tracks)
    {
        ArgumentNullException.ThrowIfNull(track);
        return new AdaptiveCard
        {
            Body =
            [
                Blocks.Heading("Role saved"),
                Blocks.Paragraph($"Your questions will now include the **{track.DisplayName}** track, on top of what everyone learns."),
                TrackChoice.Input(tracks, track.Id),
            ],
            Actions = CommonActions.WithReportConcern(TrackChoice.SaveAction(), CommonActions.StartQuiz()),
            FallbackText = $"Role saved: {track.DisplayName}.",
        };
    }
}
