namespace Beacon.Training.Content;

/// <summary>Provenance of an item: the roles of the people who reviewed it and the day of that review.</summary>
public sealed record ItemReview(IReadOnlyList<string> Roles, DateOnly Date);
