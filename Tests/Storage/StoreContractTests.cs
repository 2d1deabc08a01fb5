namespace Beacon.Tests.Storage;

using Beacon.Training.Answers;
using Beacon.Training.Learners;
using Beacon.Training.Ports;
using Beacon.Training.Reporting;
using Beacon.Training.Reviews;

/// <summary>The store ports, as seen by a test: fresh and empty, disposed after the test.</summary>
public sealed class StoreSet(
    ILearnerStore learners,
    IAnswerStore answers,
    IReviewStore reviews,
    IStoreHealth health,
    IStoreExport export,
    IStoreImport import,
    Func<ValueTask> cleanup) : IAsyncDisposable
{
    public IStoreExport Export { get; } = export;

    public IStoreImport Import { get; } = import;

    public ILearnerStore Learners { get; } = learners;

    public IAnswerStore Answers { get; } = answers;

    public IReviewStore Reviews { get; } = reviews;

    public IStoreHealth Health { get; } = health;

    public required IHandoffLog Handoffs { get; init; }

    public required IScheduleStore Schedules { get; init; }

    public required ICampaignStore Campaigns { get; init; }

    public required IManagerGrantStore Grants { get; init; }

    public required IDeliveryClaimStore Claims { get; init; }

    public ValueTask DisposeAsync() => cleanup();
}

/// <summary>
/// One contract for every store implementation. A subclass supplies fresh stores per test
/// (xUnit makes a new instance of the class for every test). <see cref="ListPageSize"/> is small
/// so that listing crosses page boundaries.
/// </summary>
public abstract partial class StoreContractTests : IAsyncLifetime
{
    protected const int ListPageSize = 3;

    private static readonly CancellationToken None = CancellationToken.None;

    private StoreSet? stores;

    protected StoreSet Stores => stores ?? throw new InvalidOperationException("Stores not created.");

    /// <summary>Creates empty stores that list in pages of <see cref="ListPageSize"/>.</summary>
    protected abstract Task<StoreSet> CreateStoresAsync();

    public async Task InitializeAsync() => stores = await CreateStoresAsync();

    public async Task DisposeAsync()
    {
        if (stores is not null)
        {
            await stores.DisposeAsync();
        }
    }

    // ---------------------------------------------------------------- handoffs

    [Fact]
    public async Task Handoffs_are_recorded_once_and_listed_by_tenant_in_time_order()
    {
        var later = new HandoffRecord("tenant-a", "h-2", "user-2", T(2025, 5, 2, TimeSpan.Zero), ["lead-1"]);
        var earlier = new HandoffRecord("tenant-a", "h-1", "user-1", T(2025, 5, 1, TimeSpan.FromHours(2)), ["lead-1", "lead-2"]);
        var other = new HandoffRecord("tenant-b", "h-3", "user-3", T(2025, 5, 1, TimeSpan.Zero), ["lead-9"]);

        await Stores.Handoffs.RecordAsync(later, None);
        await Stores.Handoffs.RecordAsync(earlier, None);
        await Stores.Handoffs.RecordAsync(earlier, None);
        await Stores.Handoffs.RecordAsync(other, None);
        var listed = await Stores.Handoffs.ListAsync("tenant-a", None);

        Assert.Equal(["h-1", "h-2"], listed.Select(h => h.HandoffId));
        Assert.Equal(["lead-1", "lead-2"], listed[0].ToUserIds);
        Assert.Equal("user-1", listed[0].FromUserId);
        Assert.Equal(earlier.At, listed[0].At);
        Assert.Equal(earlier.At.Offset, listed[0].At.Offset);
    }

    [Fact]
    public async Task Handoffs_from_one_person_are_counted_since_a_time_within_their_tenant()
    {
        var at = T(2025, 5, 1, TimeSpan.Zero);
        await Stores.Handoffs.RecordAsync(new HandoffRecord("tenant-a", "h-old", "user-1", at.AddMinutes(-61), ["lead-1"]), None);
        await Stores.Handoffs.RecordAsync(new HandoffRecord("tenant-a", "h-edge", "user-1", at.AddMinutes(-60), ["lead-1"]), None);
        await Stores.Handoffs.RecordAsync(new HandoffRecord("tenant-a", "h-new", "user-1", at, ["lead-1"]), None);
        await Stores.Handoffs.RecordAsync(new HandoffRecord("tenant-a", "h-other", "user-2", at, ["lead-1"]), None);
        await Stores.Handoffs.RecordAsync(new HandoffRecord("tenant-b", "h-elsewhere", "user-1", at, ["lead-9"]), None);

        Assert.Equal(2, await Stores.Handoffs.CountFromAsync("tenant-a", "user-1", at.AddHours(-1), None));
        Assert.Equal(1, await Stores.Handoffs.CountFromAsync("tenant-a", "user-2", at.AddHours(-1), None));
        Assert.Equal(1, await Stores.Handoffs.CountFromAsync("tenant-b", "user-1", at.AddHours(-1), None));
        Assert.Equal(0, await Stores.Handoffs.CountFromAsync("tenant-a", "user-1", at.AddTicks(1), None));
    }

    [Fact]
    public async Task A_handoff_is_found_by_its_id_within_its_tenant_only()
    {
        var recorded = new HandoffRecord("tenant-a", "activity:1|x", "user-1", T(2025, 5, 1, TimeSpan.FromHours(2)), ["lead-1", "lead-2"]);
        await Stores.Handoffs.RecordAsync(recorded, None);

        var found = await Stores.Handoffs.FindAsync("tenant-a", "activity:1|x", None);

        Assert.NotNull(found);
        Assert.Equal(recorded.FromUserId, found.FromUserId);
        Assert.Equal(recorded.At, found.At);
        Assert.Equal(recorded.ToUserIds, found.ToUserIds);
        Assert.Null(await Stores.Handoffs.FindAsync("tenant-b", "activity:1|x", None));
        Assert.Null(await Stores.Handoffs.FindAsync("tenant-a", "activity:2", None));
    }

    // ---------------------------------------------------------------- learners

    [Fact]
    public async Task Learner_missing_is_null()
    {
        Assert.Null(await Stores.Learners.GetAsync(new LearnerKey("tenant-a", "nobody"), None));
    }

    [Fact]
    public async Task Learner_upsert_then_get_round_trips_every_field()
    {
        var learner = FullLearner(new LearnerKey("tenant-a", "29:1abc"));

        await Stores.Learners.UpsertAsync(learner, None);
        var stored = await Stores.Learners.GetAsync(learner.Key, None);

        AssertLearner(learner, stored);
    }

    [Fact]
    public async Task Learner_with_only_required_fields_round_trips_nulls()
    {
        var learner = new Learner { Key = new LearnerKey("tenant-a", "bare"), CreatedAt = T(2025, 1, 2, TimeSpan.Zero) };

        await Stores.Learners.UpsertAsync(learner, None);
        var stored = await Stores.Learners.GetAsync(learner.Key, None);

        AssertLearner(learner, stored);
        Assert.Null(stored!.Address);
        Assert.Null(stored.WelcomedAt);
        Assert.True(stored.Active);
    }

    [Fact]
    public async Task Learner_upsert_replaces_the_stored_profile()
    {
        var key = new LearnerKey("tenant-a", "learner-1");
        await Stores.Learners.UpsertAsync(FullLearner(key), None);
        var changed = new Learner
        {
            Key = key,
            DisplayName = "Renamed",
            Address = null,
            Locale = "fr-FR",
            Track = "hospitality",
            CreatedAt = T(2024, 3, 4, TimeSpan.FromHours(-7)),
            WelcomedAt = null,
            Active = false,
        };

        await Stores.Learners.UpsertAsync(changed, None);

        // A welcome is one-way: a profile written without it keeps the recorded one.
        AssertLearner(changed with { WelcomedAt = FullLearner(key).WelcomedAt }, await Stores.Learners.GetAsync(key, None));
    }

    [Fact]
    public async Task TryMarkWelcomed_succeeds_once_and_survives_a_stale_upsert()
    {
        var key = new LearnerKey("tenant-a", "learner-w");
        var before = new Learner { Key = key, CreatedAt = T(2025, 1, 1, TimeSpan.Zero) };
        await Stores.Learners.UpsertAsync(before, None);
        var at = T(2025, 1, 2, TimeSpan.FromHours(1));

        var first = await Stores.Learners.TryMarkWelcomedAsync(key, at, None);
        await Stores.Learners.UpsertAsync(before with { Locale = "en-GB" }, None);
        var second = await Stores.Learners.TryMarkWelcomedAsync(key, at.AddMinutes(1), None);

        Assert.True(first);
        Assert.False(second);
        var stored = await Stores.Learners.GetAsync(key, None);
        Assert.Equal(at, stored!.WelcomedAt);
        Assert.Equal("en-GB", stored.Locale);
    }

    [Fact]
    public async Task TryMarkWelcomed_from_concurrent_callers_lets_exactly_one_win()
    {
        var key = new LearnerKey("tenant-a", "learner-race");
        await Stores.Learners.UpsertAsync(new Learner { Key = key, CreatedAt = T(2025, 1, 1, TimeSpan.Zero) }, None);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Stores.Learners.TryMarkWelcomedAsync(key, T(2025, 1, 2, TimeSpan.Zero).AddSeconds(i), None)));

        Assert.Equal(1, results.Count(won => won));
    }

    [Fact]
    public async Task ListActive_returns_exactly_the_active_learners_of_the_tenant_across_pages()
    {
        var expected = new List<string>();
        for (var i = 0; i < (ListPageSize * 2) + 1; i++)
        {
            var id = $"active-{i:D2}";
            expected.Add(id);
            await Stores.Learners.UpsertAsync(FullLearner(new LearnerKey("tenant-a", id)), None);
        }

        await Stores.Learners.UpsertAsync(FullLearner(new LearnerKey("tenant-a", "inactive-1")) with { Active = false }, None);
        await Stores.Learners.UpsertAsync(FullLearner(new LearnerKey("tenant-a", "active-99")) with { Active = false }, None);
        await Stores.Learners.UpsertAsync(FullLearner(new LearnerKey("tenant-b", "active-00")), None);
        await Stores.Learners.UpsertAsync(FullLearner(new LearnerKey("tenant-ab", "active-50")), None);

        var listed = new List<Learner>();
        await foreach (var learner in Stores.Learners.ListActiveAsync("tenant-a", None))
        {
            listed.Add(learner);
        }

        Assert.Equal(expected.Order(StringComparer.Ordinal), listed.Select(l => l.Key.LearnerId).Order(StringComparer.Ordinal));
        Assert.All(listed, l => Assert.Equal("tenant-a", l.Key.TenantId));
        AssertLearner(FullLearner(new LearnerKey("tenant-a", "active-03")), listed.Single(l => l.Key.LearnerId == "active-03"));
    }

    [Fact]
    public async Task ListActive_reflects_deactivation_and_is_empty_for_an_unknown_tenant()
    {
        var key = new LearnerKey("tenant-a", "learner-1");
        await Stores.Learners.UpsertAsync(FullLearner(key), None);
        await Stores.Learners.UpsertAsync(FullLearner(key) with { Active = false }, None);

        Assert.Empty(await ToListAsync(Stores.Learners.ListActiveAsync("tenant-a", None)));
        Assert.Empty(await ToListAsync(Stores.Learners.ListActiveAsync("tenant-unknown", None)));
    }

    // ---------------------------------------------------------------- issued questions

    [Fact]
    public async Task Issued_missing_is_null()
    {
        Assert.Null(await Stores.Answers.GetIssuedAsync(new LearnerKey("tenant-a", "learner-1"), "prompt-x", None));
    }

    [Fact]
    public async Task Issued_round_trips_and_a_second_record_with_the_same_prompt_is_a_no_op()
    {
        var learner = new LearnerKey("tenant-a", "learner-1");
        var first = new IssuedQuestion(learner, "prompt-1", "q-101", 3, T(2025, 5, 6, TimeSpan.FromMinutes(330)), OnDemand: true);
        var again = first with { QuestionId = "q-other", QuestionVersion = 9, IssuedAt = first.IssuedAt.AddHours(1), OnDemand = false };

        await Stores.Answers.RecordIssuedAsync(first, None);
        await Stores.Answers.RecordIssuedAsync(again, None);
        var stored = await Stores.Answers.GetIssuedAsync(learner, "prompt-1", None);

        Assert.Equal(first, stored);
        AssertExact(first.IssuedAt, stored!.IssuedAt);
    }

    // ---------------------------------------------------------------- answers

    [Fact]
    public async Task Answer_appended_twice_is_stored_once_and_the_second_append_returns_the_first()
    {
        var learner = new LearnerKey("tenant-a", "learner-1");
        var first = Answer(learner, "prompt-1", T(2025, 6, 1, TimeSpan.FromHours(2)));
        var redelivered = first with { OptionId = "b", Correct = false, Confidence = Confidence.Unsure, AnsweredAt = first.AnsweredAt.AddSeconds(5) };

        var added = await Stores.Answers.AppendAsync(first, None);
        var duplicate = await Stores.Answers.AppendAsync(redelivered, None);

        Assert.True(added.Added);
        Assert.Equal(first, added.Stored);
        Assert.False(duplicate.Added);
        Assert.Equal(first, duplicate.Stored);
        AssertExact(first.AnsweredAt, duplicate.Stored.AnsweredAt);
        Assert.Equal([first], await Stores.Answers.ListAnswersAsync(learner, None));
    }

    [Fact]
    public async Task Answer_appended_concurrently_is_added_exactly_once()
    {
        var learner = new LearnerKey("tenant-a", "learner-1");
        var attempts = Enumerable.Range(0, 8)
            .Select(i => Answer(learner, "prompt-race", T(2025, 6, 1, TimeSpan.Zero).AddSeconds(i)) with { OptionId = $"option-{i}" })
            .ToList();

        var results = await Task.WhenAll(attempts.Select(a => Task.Run(() => Stores.Answers.AppendAsync(a, None))));

        var winner = Assert.Single(results, r => r.Added);
        Assert.All(results, r => Assert.Equal(winner.Stored, r.Stored));
        Assert.Equal([winner.Stored], await Stores.Answers.ListAnswersAsync(learner, None));
    }

    [Fact]
    public async Task Answers_are_listed_by_the_instant_they_were_given()
    {
        var learner = new LearnerKey("tenant-a", "learner-1");
        // 08:00Z, 09:00Z, 12:30Z written in another order, with offsets that sort differently as text.
        var a = Answer(learner, "prompt-c", new DateTimeOffset(2025, 6, 1, 10, 0, 0, TimeSpan.FromHours(2)));
        var b = Answer(learner, "prompt-a", new DateTimeOffset(2025, 6, 1, 9, 0, 0, TimeSpan.Zero));
        var c = Answer(learner, "prompt-b", new DateTimeOffset(2025, 6, 1, 7, 30, 0, TimeSpan.FromHours(-5)));

        await Stores.Answers.AppendAsync(c, None);
        await Stores.Answers.AppendAsync(a, None);
        await Stores.Answers.AppendAsync(b, None);

        Assert.Equal([a, b, c], await Stores.Answers.ListAnswersAsync(learner, None));
    }

    [Fact]
    public async Task Answers_of_a_learner_without_any_are_empty()
    {
        Assert.Empty(await Stores.Answers.ListAnswersAsync(new LearnerKey("tenant-a", "learner-1"), None));
    }

    [Fact]
    public async Task Answered_questions_are_one_per_question_with_whether_one_was_given_in_the_window()
    {
        var learner = new LearnerKey("tenant-a", "learner-1");
        var windowStart = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.FromHours(2));
        var windowEnd = windowStart.AddDays(1);
        // q-before: only before the window; q-in: before and inside; q-start: at the start (inside);
        // q-end: at the end (outside, half-open); q-after: only after; q-in-and-after: inside, then
        // again after the window (its latest answer is not the one in the window). Offsets differ from the window's.
        await AppendAllAsync(
            Answer(learner, "p1", windowStart.AddTicks(-1).ToOffset(TimeSpan.Zero)) with { QuestionId = "q-before" },
            Answer(learner, "p2", windowStart.AddHours(-3)) with { QuestionId = "q-in" },
            Answer(learner, "p3", windowStart.AddHours(5).ToOffset(TimeSpan.FromHours(-7))) with { QuestionId = "q-in" },
            Answer(learner, "p4", windowStart.ToOffset(TimeSpan.FromHours(9))) with { QuestionId = "q-start" },
            Answer(learner, "p5", windowEnd) with { QuestionId = "q-end" },
            Answer(learner, "p6", windowEnd.AddDays(2)) with { QuestionId = "q-after" },
            Answer(learner, "p8", windowStart.AddHours(2)) with { QuestionId = "q-in-and-after" },
            Answer(learner, "p9", windowEnd.AddHours(1)) with { QuestionId = "q-in-and-after" },
            Answer(new LearnerKey("tenant-a", "learner-2"), "p7", windowStart.AddHours(1)) with { QuestionId = "q-other" });

        var answered = await Stores.Answers.ListAnsweredQuestionsAsync(learner, windowStart, windowEnd, None);

        Assert.Equal(
            [
                new AnsweredQuestion("q-after", false),
                new AnsweredQuestion("q-before", false),
                new AnsweredQuestion("q-end", false),
                new AnsweredQuestion("q-in", true),
                new AnsweredQuestion("q-in-and-after", true),
                new AnsweredQuestion("q-start", true),
            ],
            answered);
        Assert.Equal(
            AnsweredQuestion.Summarize(await Stores.Answers.ListAnswersAsync(learner, None), windowStart, windowEnd),
            answered);
        Assert.Empty(await Stores.Answers.ListAnsweredQuestionsAsync(new LearnerKey("tenant-b", "learner-1"), windowStart, windowEnd, None));
    }

    [Fact]
    public async Task Response_times_before_an_answer_leave_out_its_prompt_and_later_answers()
    {
        var learner = new LearnerKey("tenant-a", "learner-1");
        var at = new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.FromHours(2));
        var slow = Answer(learner, "p-slow", at.AddMinutes(-30).ToOffset(TimeSpan.FromHours(-5))) with { IssuedAt = at.AddMinutes(-31).AddTicks(7) };
        var fast = Answer(learner, "p-fast", at.AddTicks(-1)) with { IssuedAt = at.AddSeconds(-3).ToOffset(TimeSpan.Zero) };
        var same = Answer(learner, "p-same", at);
        var later = Answer(learner, "p-later", at.AddSeconds(1));
        var otherLearner = Answer(new LearnerKey("tenant-a", "learner-2"), "p-other", at.AddHours(-1));
        await AppendAllAsync(later, fast, same, slow, otherLearner);

        var times = await Stores.Answers.ListResponseTimesBeforeAsync(learner, at, "p-fast", 100, None);

        Assert.Equal([slow.ResponseTime], times);
        Assert.Equal(TimeSpan.FromMinutes(1) - TimeSpan.FromTicks(7), times[0]);
        var all = await Stores.Answers.ListResponseTimesBeforeAsync(learner, at.AddTicks(1), "none", 100, None);
        Assert.Equal([slow.ResponseTime, fast.ResponseTime, same.ResponseTime], all);
        Assert.Equal(AnsweredQuestion.ResponseTimesBefore(await Stores.Answers.ListAnswersAsync(learner, None), at.AddTicks(1), "none", 100), all);
    }

    [Fact]
    public async Task Response_times_are_the_latest_few_before_the_answer_in_log_order()
    {
        var learner = new LearnerKey("tenant-a", "learner-1");
        var at = new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
        // Answer i took i + 1 seconds; two answers share an instant, ordered by prompt id.
        var answers = Enumerable.Range(0, 6)
            .Select(i => Answer(learner, $"p-{i}", at.AddMinutes(i == 5 ? 4 : i)) with { IssuedAt = at.AddMinutes(i == 5 ? 4 : i).AddSeconds(-(i + 1)) })
            .ToArray();
        await AppendAllAsync([.. answers.Reverse()]);

        var latest = await Stores.Answers.ListResponseTimesBeforeAsync(learner, at.AddHours(1), "p-3", 3, None);

        Assert.Equal([TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(6)], latest);
        Assert.Equal(AnsweredQuestion.ResponseTimesBefore(await Stores.Answers.ListAnswersAsync(learner, None), at.AddHours(1), "p-3", 3), latest);
        Assert.Equal([TimeSpan.FromSeconds(6)], await Stores.Answers.ListResponseTimesBeforeAsync(learner, at.AddHours(1), "none", 1, None));
    }

    // ---------------------------------------------------------------- review states

    [Fact]
    public async Task Review_state_missing_is_null()
    {
        Assert.Null(await Stores.Reviews.GetAsync(new LearnerKey("tenant-a", "learner-1"), "q-1", None));
    }

    [Fact]
    public async Task Review_state_insert_returns_a_token_and_round_trips_every_field()
    {
        var state = Review(new LearnerKey("tenant-a", "learner-1"), "q-1");

        var saved = await Stores.Reviews.SaveAsync(state, None);
        var stored = await Stores.Reviews.GetAsync(state.Learner, "q-1", None);

        Assert.NotNull(saved.ConcurrencyToken);
        Assert.Equal(state with { ConcurrencyToken = saved.ConcurrencyToken }, saved);
        AssertReview(saved, stored);
    }

    [Fact]
    public async Task Review_state_update_with_the_current_token_succeeds_and_changes_the_token()
    {
        var saved = await Stores.Reviews.SaveAsync(Review(new LearnerKey("tenant-a", "learner-1"), "q-1"), None);
        var next = saved with
        {
            Phase = ReviewPhase.Relearning,
            Stability = 0.1 + 0.2,
            Difficulty = 9.999999999999998,
            Due = null,
            LastReview = T(2025, 7, 8, TimeSpan.FromMinutes(-570)),
            Reps = 5,
            Lapses = 2,
            Step = 0,
        };

        var updated = await Stores.Reviews.SaveAsync(next, None);

        Assert.NotNull(updated.ConcurrencyToken);
        Assert.NotEqual(saved.ConcurrencyToken, updated.ConcurrencyToken);
        Assert.Equal(next with { ConcurrencyToken = updated.ConcurrencyToken }, updated);
        AssertReview(updated, await Stores.Reviews.GetAsync(saved.Learner, "q-1", None));
    }

    [Fact]
    public async Task Review_state_update_with_a_stale_token_conflicts_and_keeps_the_newer_state()
    {
        var first = await Stores.Reviews.SaveAsync(Review(new LearnerKey("tenant-a", "learner-1"), "q-1"), None);
        var second = await Stores.Reviews.SaveAsync(first with { Reps = 2 }, None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Stores.Reviews.SaveAsync(first with { Reps = 99 }, None));

        AssertReview(second, await Stores.Reviews.GetAsync(first.Learner, "q-1", None));
    }

    [Fact]
    public async Task Review_state_insert_conflicts_when_one_exists()
    {
        var state = Review(new LearnerKey("tenant-a", "learner-1"), "q-1");
        var saved = await Stores.Reviews.SaveAsync(state, None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Stores.Reviews.SaveAsync(state with { Reps = 42 }, None));

        AssertReview(saved, await Stores.Reviews.GetAsync(state.Learner, "q-1", None));
    }

    [Fact]
    public async Task Review_state_update_of_a_missing_state_conflicts()
    {
        var learner = new LearnerKey("tenant-a", "learner-1");
        var elsewhere = await Stores.Reviews.SaveAsync(Review(learner, "q-1"), None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => Stores.Reviews.SaveAsync(Review(learner, "q-2") with { ConcurrencyToken = elsewhere.ConcurrencyToken }, None));

        Assert.Null(await Stores.Reviews.GetAsync(learner, "q-2", None));
    }

    [Fact]
    public async Task Review_state_concurrent_updates_with_the_same_token_let_exactly_one_win()
    {
        var saved = await Stores.Reviews.SaveAsync(Review(new LearnerKey("tenant-a", "learner-1"), "q-1"), None);

        var outcomes = await Task.WhenAll(Enumerable.Range(1, 6).Select(i => Task.Run(async () =>
        {
            try
            {
                return await Stores.Reviews.SaveAsync(saved with { Reps = 100 + i }, None);
            }
            catch (ConcurrencyConflictException)
            {
                return null;
            }
        })));

        var winner = Assert.Single(outcomes, o => o is not null);
        AssertReview(winner!, await Stores.Reviews.GetAsync(saved.Learner, "q-1", None));
    }

    [Fact]
    public async Task Review_states_are_listed_for_the_learner_only()
    {
        var learner = new LearnerKey("tenant-a", "learner-1");
        var q1 = await Stores.Reviews.SaveAsync(Review(learner, "q-1"), None);
        var q2 = await Stores.Reviews.SaveAsync(Review(learner, "q-2") with { Phase = ReviewPhase.Learning }, None);
        await Stores.Reviews.SaveAsync(Review(new LearnerKey("tenant-a", "learner-2"), "q-3"), None);
        await Stores.Reviews.SaveAsync(Review(new LearnerKey("tenant-b", "learner-1"), "q-4"), None);

        var listed = (await Stores.Reviews.ListAsync(learner, None)).OrderBy(s => s.QuestionId, StringComparer.Ordinal).ToList();

        Assert.Equal(2, listed.Count);
        AssertReview(q1, listed[0]);
        AssertReview(q2, listed[1]);
    }

    // ---------------------------------------------------------------- isolation and keys

    [Fact]
    public async Task Learners_and_tenants_are_isolated_for_every_kind_of_record()
    {
        var keys = new[]
        {
            new LearnerKey("tenant-a", "learner-1"),
            new LearnerKey("tenant-a", "learner-2"),
            new LearnerKey("tenant-b", "learner-1"),
        };

        for (var i = 0; i < keys.Length; i++)
        {
            var key = keys[i];
            await Stores.Learners.UpsertAsync(FullLearner(key) with { DisplayName = $"name-{i}" }, None);
            await Stores.Answers.RecordIssuedAsync(new IssuedQuestion(key, "prompt-1", $"q-{i}", i, T(2025, 1, 1, TimeSpan.Zero), false), None);
            Assert.True((await Stores.Answers.AppendAsync(Answer(key, "prompt-1", T(2025, 1, 1, TimeSpan.Zero)) with { OptionId = $"o-{i}" }, None)).Added);
            await Stores.Reviews.SaveAsync(Review(key, "q-shared") with { Reps = i }, None);
        }

        for (var i = 0; i < keys.Length; i++)
        {
            var key = keys[i];
            Assert.Equal($"name-{i}", (await Stores.Learners.GetAsync(key, None))!.DisplayName);
            Assert.Equal($"q-{i}", (await Stores.Answers.GetIssuedAsync(key, "prompt-1", None))!.QuestionId);
            var answer = Assert.Single(await Stores.Answers.ListAnswersAsync(key, None));
            Assert.Equal(key, answer.Learner);
            Assert.Equal($"o-{i}", answer.OptionId);
            var review = Assert.Single(await Stores.Reviews.ListAsync(key, None));
            Assert.Equal(key, review.Learner);
            Assert.Equal(i, review.Reps);
        }
    }

    [Fact]
    public async Task Keys_with_separator_and_reserved_characters_stay_distinct_and_round_trip()
    {
        var left = new LearnerKey("tenant|x", "learner");
        var right = new LearnerKey("tenant", "x|learner");
        var odd = new LearnerKey("t/e\\n#a?n~t", "29:1\u0001u/s\\e#r?%20'\"|");

        foreach (var key in new[] { left, right, odd })
        {
            await Stores.Learners.UpsertAsync(FullLearner(key) with { DisplayName = key.ToString() }, None);
            await Stores.Answers.RecordIssuedAsync(new IssuedQuestion(key, "p/1#?|", key.LearnerId, 1, T(2025, 1, 1, TimeSpan.Zero), false), None);
            await Stores.Answers.AppendAsync(Answer(key, "p/1#?|", T(2025, 1, 1, TimeSpan.Zero)) with { OptionId = key.TenantId }, None);
            await Stores.Reviews.SaveAsync(Review(key, "q/1#?|\\") with { Reps = key.TenantId.Length }, None);
        }

        foreach (var key in new[] { left, right, odd })
        {
            Assert.Equal(key.ToString(), (await Stores.Learners.GetAsync(key, None))!.DisplayName);
            Assert.Equal(key.LearnerId, (await Stores.Answers.GetIssuedAsync(key, "p/1#?|", None))!.QuestionId);
            var answer = Assert.Single(await Stores.Answers.ListAnswersAsync(key, None));
            Assert.Equal(key, answer.Learner);
            Assert.Equal(key.TenantId, answer.OptionId);
            var review = Assert.Single(await Stores.Reviews.ListAsync(key, None));
            Assert.Equal("q/1#?|\\", review.QuestionId);
            Assert.Equal(key.TenantId.Length, review.Reps);
            var listed = Assert.Single(await ToListAsync(Stores.Learners.ListActiveAsync(key.TenantId, None)));
            Assert.Equal(key, listed.Key);
        }
    }

    [Fact]
    public async Task DateTimeOffset_values_round_trip_with_every_tick_and_their_offset()
    {
        var learner = new LearnerKey("tenant-a", "learner-1");
        var odd = new DateTimeOffset(2025, 3, 30, 1, 59, 59, TimeSpan.FromMinutes(345)).AddTicks(1_234_567);
        var values = new[]
        {
            odd,
            odd.ToOffset(TimeSpan.FromHours(14)),
            odd.ToOffset(TimeSpan.FromMinutes(-570)),
            new DateTimeOffset(1999, 12, 31, 23, 59, 59, TimeSpan.FromHours(-12)).AddTicks(9_999_999),
            new DateTimeOffset(2038, 1, 19, 3, 14, 8, TimeSpan.Zero).AddTicks(1),
        };

        for (var i = 0; i < values.Length; i++)
        {
            var value = values[i];
            var other = values[(i + 1) % values.Length];
            var key = learner with { LearnerId = $"learner-{i}" };
            await Stores.Learners.UpsertAsync(FullLearner(key) with { CreatedAt = value, WelcomedAt = other }, None);
            await Stores.Answers.RecordIssuedAsync(new IssuedQuestion(key, "p", "q", 1, value, false), None);
            await Stores.Answers.AppendAsync(Answer(key, "p", other) with { IssuedAt = value }, None);
            await Stores.Reviews.SaveAsync(Review(key, "q") with { Due = value, LastReview = other }, None);

            var storedLearner = (await Stores.Learners.GetAsync(key, None))!;
            AssertExact(value, storedLearner.CreatedAt);
            AssertExact(other, storedLearner.WelcomedAt!.Value);
            AssertExact(value, (await Stores.Answers.GetIssuedAsync(key, "p", None))!.IssuedAt);
            var answer = Assert.Single(await Stores.Answers.ListAnswersAsync(key, None));
            AssertExact(value, answer.IssuedAt);
            AssertExact(other, answer.AnsweredAt);
            var review = (await Stores.Reviews.GetAsync(key, "q", None))!;
            AssertExact(value, review.Due!.Value);
            AssertExact(other, review.LastReview!.Value);
        }
    }

    [Fact]
    public async Task Health_check_reports_reachable()
    {
        Assert.True(await Stores.Health.IsReachableAsync(None));
    }

    // ---------------------------------------------------------------- export / import (storage copy)

    [Fact]
    public async Task Export_returns_every_profile_and_every_learners_records_across_pages()
    {
        var keys = Enumerable.Range(0, 7).Select(i => new LearnerKey(i % 2 == 0 ? "tenant-a" : "tenant-b", $"learner-{i}")).ToList();
        foreach (var key in keys.Take(5))
        {
            await Stores.Learners.UpsertAsync(FullLearner(key) with { Active = key.LearnerId != "learner-1" }, None);
        }

        // learner-5 and learner-6 have records but no profile; learner-0 has a profile only.
        foreach (var key in keys.Skip(1))
        {
            await Stores.Answers.RecordIssuedAsync(new IssuedQuestion(key, "p1", "q-7", 2, T(2025, 2, 1, TimeSpan.Zero), true), None);
            await Stores.Answers.AppendAsync(Answer(key, "p1", T(2025, 2, 2, TimeSpan.FromHours(1))), None);
            await Stores.Answers.AppendAsync(Answer(key, "p0", T(2025, 2, 1, TimeSpan.FromHours(1))), None);
            await Stores.Reviews.SaveAsync(Review(key, "q-7"), None);
        }

        var profiles = await ToListAsync(Stores.Export.ExportLearnersAsync(None));
        Assert.Equal(keys.Take(5).OrderBy(k => k.ToString()), profiles.Select(l => l.Key).OrderBy(k => k.ToString()));
        AssertLearner(FullLearner(keys[1]) with { Active = false }, profiles.Single(l => l.Key == keys[1]));

        var records = await ToListAsync(Stores.Export.ExportRecordsAsync(None));
        Assert.Equal(keys.Skip(1).OrderBy(k => k.ToString()), records.Select(r => r.Learner).OrderBy(k => k.ToString()));
        foreach (var record in records)
        {
            var issued = Assert.Single(record.Issued);
            Assert.Equal(await Stores.Answers.GetIssuedAsync(record.Learner, "p1", None), issued);
            Assert.Equal(await Stores.Answers.ListAnswersAsync(record.Learner, None), record.Answers);
            AssertReview((await Stores.Reviews.GetAsync(record.Learner, "q-7", None))!, Assert.Single(record.Reviews));
        }
    }

    [Fact]
    public async Task Import_twice_stores_each_row_once_with_its_values_and_the_live_ports_read_it()
    {
        var key = new LearnerKey("tenant-a", "imported|one/#?");
        var learner = FullLearner(key);
        var issued = new IssuedQuestion(key, "p1", "q-7", 2, T(2025, 2, 1, TimeSpan.FromHours(2)), true);
        var answers = new[] { Answer(key, "p0", T(2025, 2, 1, TimeSpan.Zero)), Answer(key, "p1", T(2025, 2, 2, TimeSpan.FromHours(-7))) };
        var review = Review(key, "q-7");
        var records = new LearnerRecords(key, [issued], answers, [review]);

        for (var run = 0; run < 2; run++)
        {
            await Stores.Import.ImportLearnerAsync(learner, None);
            await Stores.Import.ImportRecordsAsync(records, None);
        }

        AssertLearner(learner, await Stores.Learners.GetAsync(key, None));
        Assert.False(await Stores.Learners.TryMarkWelcomedAsync(key, T(2026, 1, 1, TimeSpan.Zero), None));
        Assert.Equal(issued, await Stores.Answers.GetIssuedAsync(key, "p1", None));
        Assert.Equal(answers, await Stores.Answers.ListAnswersAsync(key, None));
        var stored = Assert.Single(await Stores.Reviews.ListAsync(key, None));
        AssertReview(review with { ConcurrencyToken = stored.ConcurrencyToken }, stored);

        // The imported state carries a working concurrency token.
        var saved = await Stores.Reviews.SaveAsync(stored with { Reps = 4 }, None);
        Assert.Equal(4, (await Stores.Reviews.GetAsync(key, "q-7", None))!.Reps);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Stores.Reviews.SaveAsync(stored with { Reps = 5 }, None));
        Assert.NotEqual(stored.ConcurrencyToken, saved.ConcurrencyToken);

        var exported = Assert.Single(await ToListAsync(Stores.Export.ExportRecordsAsync(None)));
        Assert.Equal(answers, exported.Answers);
        Assert.Equal([issued], exported.Issued);
    }

    [Fact]
    public async Task Import_of_a_profile_without_a_welcome_keeps_the_welcome_the_target_has()
    {
        var key = new LearnerKey("tenant-a", "learner-1");
        var welcomed = T(2025, 3, 3, TimeSpan.FromHours(9));
        await Stores.Learners.UpsertAsync(FullLearner(key) with { WelcomedAt = null }, None);
        Assert.True(await Stores.Learners.TryMarkWelcomedAsync(key, welcomed, None));

        await Stores.Import.ImportLearnerAsync(FullLearner(key) with { WelcomedAt = null, DisplayName = "Renamed" }, None);

        var stored = await Stores.Learners.GetAsync(key, None);
        Assert.Equal("Renamed", stored!.DisplayName);
        Assert.Equal(welcomed, stored.WelcomedAt);
    }

    [Fact]
    public async Task Handoffs_are_exported_across_tenants_and_imported_once()
    {
        var records = new[]
        {
            new HandoffRecord("tenant-a", "h-1", "user-1", T(2025, 5, 1, TimeSpan.FromHours(2)), ["lead-1", "lead-2"]),
            new HandoffRecord("tenant-a", "h-2", "user-2", T(2025, 5, 2, TimeSpan.Zero), ["lead-1"]),
            new HandoffRecord("tenant-b", "h-3", "user-3", T(2025, 5, 1, TimeSpan.Zero), ["lead-9"]),
            new HandoffRecord("tenant-c", "h-4", "user-4", T(2025, 5, 3, TimeSpan.Zero), ["lead-3"]),
        };
        foreach (var record in records.Take(3))
        {
            await Stores.Handoffs.RecordAsync(record, None);
        }

        var exported = await ToListAsync(Stores.Export.ExportHandoffsAsync(None));
        Assert.Equal(["h-1", "h-2", "h-3"], exported.Select(h => h.HandoffId).Order(StringComparer.Ordinal));
        Assert.Equal(records[0].ToUserIds, exported.Single(h => h.HandoffId == "h-1").ToUserIds);

        await Stores.Import.ImportHandoffAsync(records[3], None);
        await Stores.Import.ImportHandoffAsync(records[3], None);
        await Stores.Import.ImportHandoffAsync(records[0], None);
        var listed = Assert.Single(await Stores.Handoffs.ListAsync("tenant-c", None));
        Assert.Equal(records[3].At, listed.At);
        Assert.Equal(2, (await Stores.Handoffs.ListAsync("tenant-a", None)).Count);
    }

    // ---------------------------------------------------------------- helpers

    protected static DateTimeOffset T(int year, int month, int day, TimeSpan offset) =>
        new DateTimeOffset(year, month, day, 13, 37, 42, offset).AddTicks(1_234_567);

    protected static Learner FullLearner(LearnerKey key) => new()
    {
        Key = key,
        DisplayName = "Ada Lovelace",
        Address = new ConversationAddress(
            "https://smba.trafficmanager.net/emea/",
            "msteams",
            "a:1conversation-" + key.LearnerId,
            "28:bot-app-id",
            key.LearnerId,
            key.TenantId),
        Locale = "en-GB",
        TimeZone = "Europe/London",
        Country = "GB",
        Track = "frontline",
        ReportingRegion = "GB-SCT",
        CreatedAt = T(2025, 1, 15, TimeSpan.FromMinutes(345)),
        WelcomedAt = T(2025, 1, 16, TimeSpan.FromHours(-3)),
        Active = true,
    };

    private async Task AppendAllAsync(params AnswerRecord[] answers)
    {
        foreach (var answer in answers)
        {
            await Stores.Answers.AppendAsync(answer, None);
        }
    }

    protected static AnswerRecord Answer(LearnerKey learner, string promptId, DateTimeOffset answeredAt) => new(
        learner,
        promptId,
        "q-7",
        2,
        "a",
        Correct: true,
        Confidence.Sure,
        answeredAt.AddSeconds(-42).AddTicks(-3),
        answeredAt);

    protected static ReviewState Review(LearnerKey learner, string questionId) => new()
    {
        Learner = learner,
        QuestionId = questionId,
        Phase = ReviewPhase.Review,
        Stability = Math.PI,
        Difficulty = 1.0 / 3.0,
        Due = T(2025, 8, 9, TimeSpan.FromHours(5.5)),
        LastReview = T(2025, 8, 1, TimeSpan.FromHours(-4)),
        Reps = 3,
        Lapses = 1,
        Step = 1,
    };

    protected static void AssertExact(DateTimeOffset expected, DateTimeOffset actual)
    {
        Assert.Equal(expected.Ticks, actual.Ticks);
        Assert.Equal(expected.Offset, actual.Offset);
    }

    private static void AssertLearner(Learner expected, Learner? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected, actual); // record equality: every field, DateTimeOffset by instant
        AssertExact(expected.CreatedAt, actual.CreatedAt);
        Assert.Equal(expected.WelcomedAt?.Offset, actual.WelcomedAt?.Offset);
    }

    private static void AssertReview(ReviewState expected, ReviewState? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected, actual); // includes the concurrency token
        Assert.Equal(expected.Due?.Offset, actual.Due?.Offset);
        Assert.Equal(expected.LastReview?.Offset, actual.LastReview?.Offset);
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }
}
