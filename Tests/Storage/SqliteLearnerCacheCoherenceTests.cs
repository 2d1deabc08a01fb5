namespace Beacon.Tests.Storage;

using Beacon.Storage.Sqlite;
using Beacon.Training.Answers;
using Beacon.Training.Learners;
using Beacon.Training.Ports;
using Beacon.Training.Reviews;
using Microsoft.Data.Sqlite;

/// <summary>
/// The learner cache must be invisible: the same operations on a store that keeps learners in
/// memory and on one that keeps none (<see cref="SqliteStoreOptions.CachedLearners"/> 0) give the
/// same outcomes and the same reads after every step, and after concurrent turns the cached reads
/// equal what a new process reads from the file.
/// </summary>
public sealed class SqliteLearnerCacheCoherenceTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.FromHours(1));
    private static readonly string[] Questions = ["q-01", "q-02", "q-03", "q-04", "q-05", "q-06"];

    private readonly TempDirectory directory = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        directory.Dispose();
    }

    [Theory]
    [InlineData(1000, 1)]
    [InlineData(2, 2)] // fewer places than learners: entries are evicted and loaded again all the time
    public async Task Every_read_after_every_write_matches_a_store_without_the_cache(int cachedLearners, int seed)
    {
        using var cached = new Side(directory.Combine("cached.db"), cachedLearners);
        using var plain = new Side(directory.Combine("plain.db"), cachedLearners: 0);
        var random = new Random(seed);
        var learners = new[] { new LearnerKey("t", "ana"), new LearnerKey("t", "ben"), new LearnerKey("u", "ana") };
        var prompts = new Dictionary<LearnerKey, List<string>>();
        var now = Start;

        for (var step = 0; step < 1300; step++)
        {
            // One learner does most of the turns, so its log outgrows the answers the cache keeps.
            var learner = learners[random.NextDouble() < 0.85 ? 0 : random.Next(1, learners.Length)];
            var own = prompts.TryGetValue(learner, out var list) ? list : prompts[learner] = [];
            now = now.AddMinutes(random.Next(0, 90));
            var operation = step == 100 ? Erase(learner, own) : NextOperation(random, learner, own, now);

            Assert.Equal(await plain.RunAsync(operation), await cached.RunAsync(operation));
            foreach (var reader in step % 50 == 0 ? learners : [learner])
            {
                var known = prompts.GetValueOrDefault(reader) ?? [];
                Assert.Equal(await plain.ReadAllAsync(reader, now, known), await cached.ReadAllAsync(reader, now, known));
            }
        }

        var busyLog = await plain.Answers.ListAnswersAsync(learners[0], None);
        Assert.True(busyLog.Count > SqliteLearnerCache.RecentAnswers, $"the busy learner's log ({busyLog.Count}) must outgrow the kept answers");
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(3)] // fewer places than learners: loads race the writes all through the run
    public async Task After_concurrent_turns_the_cached_reads_equal_the_file_read_by_a_new_process(int cachedLearners)
    {
        var path = directory.Combine("busy.db");
        var learners = Enumerable.Range(0, 8).Select(i => new LearnerKey("t", "l" + i)).ToArray();
        string cachedReads;
        using (var side = new Side(path, cachedLearners))
        {
            // Each learner's reads fill the cache first, then 8 x 40 turns run at once through the shared
            // write queue while a reader per learner reads (and loads) beside them.
            foreach (var learner in learners)
            {
                await side.ReadAllAsync(learner, Start, []);
            }

            var readers = learners.Select(learner => Task.Run(async () =>
            {
                for (var read = 0; read < 20; read++)
                {
                    await side.ReadAllAsync(learner, Start.AddMinutes(20), Prompts(3));
                }
            })).ToArray();
            await Task.WhenAll(learners.Select(learner => Task.Run(async () =>
            {
                for (var turn = 0; turn < 40; turn++)
                {
                    var prompt = $"p-{turn}";
                    var at = Start.AddMinutes(turn);
                    await side.Answers.RecordIssuedAsync(new IssuedQuestion(learner, prompt, Questions[turn % Questions.Length], 1, at, OnDemand: true), None);
                    await side.Answers.AppendAsync(new AnswerRecord(learner, prompt, Questions[turn % Questions.Length], 1, "a", turn % 3 == 0, Confidence.Sure, at, at.AddSeconds(5 + turn)), None);
                    var state = await side.Reviews.GetAsync(learner, Questions[turn % Questions.Length], None)
                        ?? new ReviewState { Learner = learner, QuestionId = Questions[turn % Questions.Length] };
                    await side.Reviews.SaveAsync(state with { Reps = state.Reps + 1, Due = at.AddDays(1), LastReview = at }, None);
                }
            })));
            await Task.WhenAll(readers);

            cachedReads = string.Join("\n", await Task.WhenAll(learners.Select(l => side.ReadAllAsync(l, Start.AddMinutes(40), Prompts(40)))));
        }

        using var restarted = new Side(path, cachedLearners: 0);
        var fileReads = string.Join("\n", await Task.WhenAll(learners.Select(l => restarted.ReadAllAsync(l, Start.AddMinutes(40), Prompts(40)))));
        Assert.Equal(fileReads, cachedReads);
        // 40 turns over six questions: four were reviewed seven times, two six times.
        Assert.Contains("Reps = 7", fileReads, StringComparison.Ordinal);
        Assert.Contains("Reps = 6", fileReads, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_erasure_queued_behind_writes_of_the_learner_leaves_nothing_of_them_kept()
    {
        using var database = new SqliteDatabase(new SqliteStoreOptions { Path = directory.Combine("erase.db") });
        var answers = new SqliteAnswerStore(database);
        var reviews = new SqliteReviewStore(database);
        var learner = new LearnerKey("t", "gone");
        await answers.RecordIssuedAsync(new IssuedQuestion(learner, "p-0", "q-01", 1, Start, OnDemand: false), None);
        Assert.NotNull(await answers.GetIssuedAsync(learner, "p-0", None)); // kept from here on
        Assert.Empty(await reviews.ListAsync(learner, None));

        // The queue is held while a turn's writes and then the erasure line up behind it.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var hold = database.RunWriteAsync(async (_, _) => { started.SetResult(); await release.Task; return 0; }, None);
        await started.Task;
        var issued = answers.RecordIssuedAsync(new IssuedQuestion(learner, "p-1", "q-02", 1, Start, OnDemand: false), None);
        var saved = reviews.SaveAsync(new ReviewState { Learner = learner, QuestionId = "q-02", Reps = 1 }, None);
        var erased = new SqliteLearnerEraser(database).EraseAsync(learner, None);
        release.SetResult();
        await Task.WhenAll(hold, issued, saved, erased);

        Assert.Equal(3, await erased);
        Assert.Null(await answers.GetIssuedAsync(learner, "p-0", None));
        Assert.Null(await answers.GetIssuedAsync(learner, "p-1", None));
        Assert.Empty(await reviews.ListAsync(learner, None));
    }

    private static List<string> Prompts(int count) => [.. Enumerable.Range(0, count).Select(i => $"p-{i}")];

    private static Func<Side, Task<string>> NextOperation(Random random, LearnerKey learner, List<string> prompts, DateTimeOffset now)
    {
        var question = Questions[random.Next(Questions.Length)];
        var roll = random.Next(100);
        if (roll < 25 || prompts.Count == 0)
        {
            // A new prompt, or (now and then) the same prompt recorded again with another question: the first one stays.
            var repeat = prompts.Count > 0 && random.Next(5) == 0;
            var prompt = repeat ? prompts[random.Next(prompts.Count)] : $"p-{prompts.Count}";
            if (!repeat)
            {
                prompts.Add(prompt);
            }

            var issued = new IssuedQuestion(learner, prompt, question, 1, now, OnDemand: random.Next(2) == 0);
            return async side => { await side.Answers.RecordIssuedAsync(issued, None); return "issued"; };
        }

        if (roll < 60)
        {
            // Mostly a question asked and answered; else an answer to a recent prompt (a redelivery if
            // it was answered: the first answer stays).
            var fresh = random.Next(10) < 7;
            var prompt = fresh ? $"p-{prompts.Count}" : prompts[Math.Max(0, prompts.Count - 1 - random.Next(3))];
            if (fresh)
            {
                prompts.Add(prompt);
            }

            var issuedAt = now.AddSeconds(-random.Next(5, 300));
            var answer = new AnswerRecord(
                learner, prompt, question, 1, "opt-" + random.Next(3), random.Next(2) == 0,
                random.Next(2) == 0 ? Confidence.Sure : Confidence.Unsure, issuedAt, now);
            return async side =>
            {
                if (fresh)
                {
                    await side.Answers.RecordIssuedAsync(new IssuedQuestion(learner, prompt, question, 1, issuedAt, OnDemand: true), None);
                }

                return (await side.Answers.AppendAsync(answer, None)).ToString();
            };
        }

        if (roll < 85)
        {
            // A review step from what the store says now, or from a stale token (a conflict on both sides).
            var stale = random.Next(6) == 0;
            var reps = random.Next(1, 9);
            return async side =>
            {
                var current = await side.Reviews.GetAsync(learner, question, None) ?? new ReviewState { Learner = learner, QuestionId = question };
                var next = current with
                {
                    Phase = (ReviewPhase)(reps % 4), Stability = reps * 1.75, Difficulty = 10.0 / reps, Due = now.AddDays(reps), LastReview = now, Reps = reps,
                    ConcurrencyToken = stale ? "999" : current.ConcurrencyToken,
                };
                try
                {
                    return (await side.Reviews.SaveAsync(next, None)).ToString();
                }
                catch (ConcurrencyConflictException)
                {
                    return "conflict";
                }
            };
        }

        if (roll < 92)
        {
            var learnerRow = new Learner { Key = learner, DisplayName = "name " + random.Next(5), Track = random.Next(2) == 0 ? "health" : null, CreatedAt = now, WelcomedAt = random.Next(2) == 0 ? now : null };
            return async side => { await side.Learners.UpsertAsync(learnerRow, None); return "upserted"; };
        }

        if (roll < 95)
        {
            return async side => (await side.Learners.TryMarkWelcomedAsync(learner, now, None)).ToString();
        }

        if (roll < 99 || learner.LearnerId == "ana" && learner.TenantId == "t")
        {
            // A copy into this store: replaces the learner's records with these.
            var records = new LearnerRecords(
                learner,
                [new IssuedQuestion(learner, "p-import", question, 2, now, OnDemand: false)],
                [new AnswerRecord(learner, "p-import", question, 2, "opt-1", true, Confidence.Sure, now.AddSeconds(-30), now)],
                [new ReviewState { Learner = learner, QuestionId = question, Phase = ReviewPhase.Review, Stability = 40, Difficulty = 4, Due = now.AddDays(40), LastReview = now, Reps = 3 }]);
            return async side => { await side.Transfer.ImportRecordsAsync(records, None); return "imported"; };
        }

        return Erase(learner, prompts);
    }

    private static Func<Side, Task<string>> Erase(LearnerKey learner, List<string> prompts)
    {
        prompts.Clear();
        return async side => "erased " + await side.Eraser.EraseAsync(learner, None);
    }

    private sealed class Side : IDisposable
    {
        private readonly SqliteDatabase database;

        public Side(string path, int cachedLearners)
        {
            database = new SqliteDatabase(new SqliteStoreOptions { Path = path, CachedLearners = cachedLearners });
            Learners = new SqliteLearnerStore(database);
            Answers = new SqliteAnswerStore(database);
            Reviews = new SqliteReviewStore(database);
            Eraser = new SqliteLearnerEraser(database);
            Transfer = new SqliteStoreTransfer(database);
        }

        public SqliteLearnerStore Learners { get; }

        public SqliteAnswerStore Answers { get; }

        public SqliteReviewStore Reviews { get; }

        public SqliteLearnerEraser Eraser { get; }

        public SqliteStoreTransfer Transfer { get; }

        public Task<string> RunAsync(Func<Side, Task<string>> operation) => operation(this);

        /// <summary>Every read the cache answers, as one text (records print their values).</summary>
        public async Task<string> ReadAllAsync(LearnerKey learner, DateTimeOffset now, List<string> prompts)
        {
            var lines = new List<string>
            {
                $"profile {await Learners.GetAsync(learner, None)}",
                $"reviews {string.Join(" | ", await Reviews.ListAsync(learner, None))}",
                $"review q-01 {await Reviews.GetAsync(learner, "q-01", None)}",
                $"answered today {string.Join(" ", await Answers.ListAnsweredQuestionsAsync(learner, now.AddHours(-12), now.AddHours(12), None))}",
                $"answered ever {string.Join(" ", await Answers.ListAnsweredQuestionsAsync(learner, DateTimeOffset.MinValue, DateTimeOffset.MaxValue, None))}",
            };
            foreach (var latest in new[] { 1, 100, SqliteLearnerCache.RecentAnswers + 50 })
            {
                var except = prompts.Count > 0 ? prompts[^1] : "none";
                lines.Add($"times {latest} {string.Join(",", await Answers.ListResponseTimesBeforeAsync(learner, now.AddSeconds(1), except, latest, None))}");
                lines.Add($"times {latest} earlier {string.Join(",", await Answers.ListResponseTimesBeforeAsync(learner, now.AddHours(-3), except, latest, None))}");
            }

            foreach (var prompt in prompts.TakeLast(3).Append("p-import").Append("p-missing"))
            {
                lines.Add($"issued {prompt} {await Answers.GetIssuedAsync(learner, prompt, None)}");
            }

            return string.Join("\n", lines);
        }

        public void Dispose() => database.Dispose();
    }
}
