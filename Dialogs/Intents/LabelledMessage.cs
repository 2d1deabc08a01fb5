namespace Beacon.Dialogs.Intents;

/// <summary>One row of an understanding corpus: what a person typed and what Beacon should make of it.</summary>
public sealed record LabelledMessage(int Line, bool IsConcern, string? Region, bool FirstPerson, string Text);
