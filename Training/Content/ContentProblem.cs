namespace Beacon.Training.Content;

using System.Globalization;

public enum ContentSeverity
{
    /// <summary>The pack must not be used: the bot refuses to start and <c>content validate</c> fails.</summary>
    Error = 0,

    /// <summary>Worth a look, but the pack is usable (for example an id removed since the previous pack).</summary>
    Warning = 1,
}

/// <summary>
/// One thing wrong with the content pack, named by file (relative to the content directory, with
/// forward slashes), item id (null for file-level problems or an item without an id) and field
/// path (for example <c>options[2].feedback</c>).
/// </summary>
public sealed record ContentProblem(string File, string? ItemId, string Field, string Message)
{
    /// <summary>The rule that found the problem; one of <see cref="ContentRules"/>.</summary>
    public string Rule { get; init; } = string.Empty;

    public ContentSeverity Severity { get; init; } = ContentSeverity.Error;

    /// <summary>1-based line in <see cref="File"/>, when known.</summary>
    public int? Line { get; init; }

    public bool IsError => Severity == ContentSeverity.Error;

    /// <summary>
    /// For example <c>questions/healthcare.yaml: hc-004: options[2].feedback: feedback is missing (line 42)</c>.
    /// </summary>
    public override string ToString()
    {
        var id = ItemId is null ? string.Empty : ItemId + ": ";
        var field = string.IsNullOrEmpty(Field) ? string.Empty : Field + ": ";
        var line = Line is null ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" (line {Line})");
        return $"{File}: {id}{field}{Message}{line}";
    }
}
