namespace Beacon.Cards.Builders;

using Beacon.Cards.Model;
using Beacon.Cards.Views;

/// <summary>The role-track picker shared by the welcome and settings cards.</summary>
public static class TrackChoice
{
    public const string InputId = CardData.Track;

    /// <param name="required">False where another button on the card (the welcome's daily quiz) may be pressed without a role.</param>
    public static ChoiceSetInput Input(IReadOnlyList<TrackView> tracks, string? current, bool required = true) =>
        new(tracks.Select(track => new Choice(track.DisplayName, track.Id)).ToList())
        {
            Id = InputId,
            Label = "Your role, so questions fit your work",
            Value = current,
            Style = "compact",
            Placeholder = "Choose your role",
            IsRequired = required,
            ErrorMessage = "Please choose a role.",
        };

    public static ExecuteAction SaveAction() => new("Save my role", Verbs.ChooseTrack);
}
