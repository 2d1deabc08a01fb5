namespace Beacon.Training.Content;

public sealed record EmergencyContact(string Number, Source Source, DateOnly Verified);

/// <summary>A specialist line or reporting route: at least one of phone, text or web.</summary>
public sealed record ReportingLine(
    string Name,
    string? Phone,
    string? Text,
    Uri? Web,
    string? Hours,
    Source Source,
    DateOnly Verified);

public sealed record ReportingRegion(
    string Code,
    string Name,
    IReadOnlyList<string> Countries,
    EmergencyContact Emergency,
    IReadOnlyList<ReportingLine> Lines,
    string? Notes)
{
    /// <summary>The day by which the region's numbers must be checked again; null when the YAML gives none.</summary>
    public DateOnly? ReviewBy { get; init; }
}
