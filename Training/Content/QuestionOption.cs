namespace Beacon.Training.Content;

public sealed record QuestionOption(string Id, string Text, string Feedback);
