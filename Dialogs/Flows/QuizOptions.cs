namespace Beacon.Dialogs.Flows;

public sealed class QuizOptions
{
    /// <summary>Questions in a scheduled session (two or three make about two minutes).</summary>
    public int SessionSize { get; set; } = 3;
}
