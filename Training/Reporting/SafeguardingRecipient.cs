namespace Beacon.Training.Reporting;

/// <summary>A person Beacon messages when someone hands a concern to the safeguarding lead: their Entra object id and name.</summary>
public sealed record SafeguardingRecipient(string AadObjectId, string? DisplayName);
