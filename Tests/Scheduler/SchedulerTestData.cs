namespace Beacon.Tests.Scheduler;

using Beacon.Training.Answers;
using Beacon.Training.Content;
using Beacon.Training.Learners;
using Beacon.Training.Reviews;

internal static class SchedulerTestData
{
    public static readonly LearnerKey Key = new("tenant-1", "learner-1");

    public static readonly Source Src = new("Test source", new Uri("https://example.org/source"));

    public static Learner Learner(string? track = null, string? timeZone = null) =>
        new() { Key = Key, Track = track, TimeZone = timeZone };

    public static Question Question(string id, string topic, string track = Track.Core, string? indicator = null) =>
        new(id, 1, topic, [track], Difficulty.Recognition, "en", indicator, "Stem " + id,
            [new QuestionOption("a", "A", "fa"), new QuestionOption("b", "B", "fb")], ["a"], "Because.", "Do this.", Src);

    public static Refresher Refresher(string id, string topic, string track = Track.Core, params string[] indicators) =>
        new(id, 1, topic, [track], indicators, "Title " + id, ["point"], "Do this.", Src);

    public static ContentPack Pack(IReadOnlyList<Question> questions, IReadOnlyList<Refresher>? refreshers = null) =>
        new(questions, refreshers ?? [], [], "intl");

    public static ReviewState Reviewed(string questionId, double stability, DateTimeOffset lastReview, DateTimeOffset due, double difficulty = 5) =>
        new()
        {
            Learner = Key,
            QuestionId = questionId,
            Phase = ReviewPhase.Review,
            Stability = stability,
            Difficulty = difficulty,
            LastReview = lastReview,
            Due = due,
            Reps = 3,
        };

    public static ReviewState New(string questionId) => new() { Learner = Key, QuestionId = questionId };

    public static AnswerRecord Answer(
        string questionId, DateTimeOffset answeredAt, bool correct = true, Confidence confidence = Confidence.Sure,
        TimeSpan? responseTime = null, string? promptId = null) =>
        new(Key, promptId ?? $"p-{questionId}-{answeredAt.UtcTicks}", questionId, 1, correct ? "a" : "b", correct, confidence,
            answeredAt - (responseTime ?? TimeSpan.FromSeconds(10)), answeredAt);
}
