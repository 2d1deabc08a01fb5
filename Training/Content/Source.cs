namespace Beacon.Training.Content;

public sealed record Source(string Title, Uri Url);
