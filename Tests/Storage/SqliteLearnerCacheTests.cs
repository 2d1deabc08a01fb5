namespace Beacon.Tests.Storage;

using Beacon.Storage.Sqlite;
using Beacon.Training.Answers;
using Beacon.Training.Learners;
using static Beacon.Storage.Sqlite.SqliteLearnerCache;

/// <summary>
/// The learner cache's own rules: a load keeps what it read only if no write of the learner
/// committed meanwhile, forgetting drops every part, the learners seen first leave first, and the
/// kept answers tell response times only when they are enough.
/// </summary>
public sealed class SqliteLearnerCacheTests
{
    private static readonly LearnerKey Ana = new("t", "ana");

    [Fact]
    public async Task A_load_that_a_committed_write_overtook_is_returned_but_not_kept()
    {
        var cache = new SqliteLearnerCache(capacity: 10);
        var loading = new TaskCompletionSource<ProfileRow>(TaskCreationOptions.RunContinuationsAsynchronously);
        var loads = 0;

        var read = ReadProfileAsync(cache, () => { loads++; return loading.Task; });
        cache.Committed(Ana, entry => entry.Profile = null); // the write commits while the load reads the older row
        loading.SetResult(new ProfileRow(new Learner { Key = Ana, DisplayName = "older" }));

        Assert.Equal("older", (await read)?.DisplayName);
        var again = await ReadProfileAsync(cache, () => { loads++; return Task.FromResult(new ProfileRow(new Learner { Key = Ana, DisplayName = "newer" })); });
        Assert.Equal("newer", again?.DisplayName);
        Assert.Equal(2, loads);
    }

    [Fact]
    public async Task A_load_no_write_overtook_is_kept_and_the_next_read_does_not_load()
    {
        var cache = new SqliteLearnerCache(capacity: 10);
        var loads = 0;
        Func<Task<ProfileRow>> load = () => { loads++; return Task.FromResult(new ProfileRow(new Learner { Key = Ana, DisplayName = "kept" })); };

        await ReadProfileAsync(cache, load);
        var second = await ReadProfileAsync(cache, load);

        Assert.Equal("kept", second?.DisplayName);
        Assert.Equal(1, loads);
    }

    [Fact]
    public async Task Forgetting_a_learner_drops_every_kept_part()
    {
        var cache = new SqliteLearnerCache(capacity: 10);
        await ReadProfileAsync(cache, () => Task.FromResult(new ProfileRow(null)));
        Entry? kept = null;
        cache.Committed(Ana, entry =>
        {
            entry.Reviews = [];
            entry.Answers = new AnswerLog([]);
            entry.KeepIssued(new IssuedQuestion(Ana, "p", "q", 1, DateTimeOffset.UnixEpoch, OnDemand: false));
            kept = entry;
        });

        cache.Forget(Ana);

        Assert.NotNull(kept);
        Assert.Null(kept.Profile);
        Assert.Null(kept.Reviews);
        Assert.Null(kept.Answers);
        Assert.Empty(kept.Issued);
    }

    [Fact]
    public async Task The_learners_seen_first_leave_first_and_capacity_zero_keeps_none()
    {
        var cache = new SqliteLearnerCache(capacity: 2);
        var learners = new[] { new LearnerKey("t", "1"), new LearnerKey("t", "2"), new LearnerKey("t", "3") };
        var loads = new Dictionary<LearnerKey, int>();
        foreach (var learner in learners.Append(learners[2]).Append(learners[1]).Append(learners[0]))
        {
            await cache.ReadAsync(learner, e => e.Profile, () => { loads[learner] = loads.GetValueOrDefault(learner) + 1; return Task.FromResult(new ProfileRow(null)); }, (e, p) => e.Profile = p, p => p);
        }

        Assert.Equal(2, cache.Count);
        Assert.Equal([2, 1, 1], learners.Select(l => loads[l])); // "1" left when "3" came, and was loaded again

        var none = new SqliteLearnerCache(capacity: 0);
        var noneLoads = 0;
        for (var i = 0; i < 3; i++)
        {
            await none.ReadAsync(Ana, e => e.Profile, () => { noneLoads++; return Task.FromResult(new ProfileRow(null)); }, (e, p) => e.Profile = p, p => p);
        }

        Assert.Equal(3, noneLoads);
        Assert.Equal(0, none.Count);
    }

    [Fact]
    public void Kept_answers_tell_response_times_only_when_they_are_enough()
    {
        var whole = new AnswerLog(Enumerable.Range(0, 10).Select(i => new LoggedAnswer("q", $"p{i}", AnsweredTicks: 100 + i, ResponseTicks: i)));
        Assert.Equal([7, 8, 9], whole.ResponseTimesBefore(before: 1000, exceptPromptId: "none", latest: 3)!.Select(t => t.Ticks));
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7, 8], whole.ResponseTimesBefore(before: 1000, exceptPromptId: "p9", latest: 50)!.Select(t => t.Ticks));

        var trimmed = new AnswerLog(Enumerable.Range(0, RecentAnswers + 5).Select(i => new LoggedAnswer("q", $"p{i:D4}", AnsweredTicks: 100 + i, ResponseTicks: i)));
        Assert.False(trimmed.Complete);
        Assert.Equal(RecentAnswers + 4, trimmed.ResponseTimesBefore(before: long.MaxValue, exceptPromptId: "none", latest: 1)!.Single().Ticks);
        Assert.Null(trimmed.ResponseTimesBefore(before: long.MaxValue, exceptPromptId: "none", latest: RecentAnswers + 1));
        Assert.Null(trimmed.ResponseTimesBefore(before: 105, exceptPromptId: "none", latest: 1)); // only answers older than those kept would do
    }

    [Fact]
    public void Answers_added_out_of_order_are_kept_in_log_order()
    {
        var log = new AnswerLog([]);
        log.Add(new LoggedAnswer("q1", "b", AnsweredTicks: 200, ResponseTicks: 2));
        log.Add(new LoggedAnswer("q2", "a", AnsweredTicks: 100, ResponseTicks: 1));
        log.Add(new LoggedAnswer("q1", "a", AnsweredTicks: 200, ResponseTicks: 3));

        Assert.Equal([1, 3, 2], log.ResponseTimesBefore(before: 1000, exceptPromptId: "none", latest: 10)!.Select(t => t.Ticks));
        Assert.Equal(["q1:True", "q2:False"], log.Answered(150, 250).Select(a => $"{a.QuestionId}:{a.AnsweredInWindow}"));
    }

    private static Task<Learner?> ReadProfileAsync(SqliteLearnerCache cache, Func<Task<ProfileRow>> load) =>
        cache.ReadAsync(Ana, entry => entry.Profile, load, (entry, loaded) => entry.Profile = loaded, row => row.Learner);
}
