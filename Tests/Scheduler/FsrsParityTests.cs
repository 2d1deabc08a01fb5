namespace Beacon.Tests.Scheduler;

using Beacon.Tests.Support;

using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Beacon.Scheduler.Memory;
using Beacon.Training.Learners;
using Beacon.Training.Reviews;

/// <summary>
/// Replays seeded random review histories through ts-fsrs 5.4.2 (node, from the repository's
/// node_modules; run <c>npm ci</c> in the repository root first) and through
/// <see cref="FsrsMemoryModel"/> with fuzz off, and compares every intermediate card.
/// </summary>
public class FsrsParityTests
{
    private const int HistoryCount = 1200;
    private const double Tolerance = 1e-6;

    private static readonly DateTimeOffset Epoch = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly (string Name, string[] Learning, string[] Relearning, double Retention, int MaximumInterval)[] Configs =
    [
        ("ts-fsrs-defaults", ["1m", "10m"], ["10m"], 0.9, 36500),
        ("beacon-production", [], [], 0.9, 36500),
        ("long-steps", ["5m", "1h", "1d"], ["10m", "1h", "3h"], 0.85, 3650),
    ];

    [Fact]
    public void Matches_ts_fsrs_on_random_histories()
    {
        var random = new Random(20250304);
        var histories = new List<History>(HistoryCount);
        for (var i = 0; i < HistoryCount; i++)
        {
            histories.Add(Generate(random, i, Configs[i % Configs.Length]));
        }

        var reference = RunTsFsrs(histories);
        Assert.Equal(histories.Count, reference.Count);

        var compared = 0;
        var worst = 0.0;
        for (var h = 0; h < histories.Count; h++)
        {
            var history = histories[h];
            var expected = reference[h]!.AsArray();
            Assert.Equal(history.Reviews.Count, expected.Count);
            for (var r = 0; r < history.Reviews.Count; r++)
            {
                var actual = history.States[r];
                var e = expected[r]!;
                var at = history.Reviews[r].At;
                var where = $"history {h} ({history.Config}), review {r}: ratings {string.Join(",", history.Reviews.Take(r + 1).Select(x => (int)x.Rating))}";

                Assert.True((int)actual.Phase == e["state"]!.GetValue<int>(), $"{where}: phase {actual.Phase} vs {e["state"]}");
                Assert.True(actual.Reps == e["reps"]!.GetValue<int>(), $"{where}: reps");
                Assert.True(actual.Lapses == e["lapses"]!.GetValue<int>(), $"{where}: lapses");
                Assert.True(actual.Step == e["step"]!.GetValue<int>(), $"{where}: step");

                var s = RelativeError(actual.Stability, e["s"]!.GetValue<double>());
                var d = RelativeError(actual.Difficulty, e["d"]!.GetValue<double>());
                var expectedInterval = e["due"]!.GetValue<long>() - at.ToUnixTimeMilliseconds();
                var actualInterval = actual.Due!.Value.ToUnixTimeMilliseconds() - at.ToUnixTimeMilliseconds();
                var due = RelativeError(actualInterval, expectedInterval);
                Assert.True(s <= Tolerance, $"{where}: stability {actual.Stability} vs {e["s"]}");
                Assert.True(d <= Tolerance, $"{where}: difficulty {actual.Difficulty} vs {e["d"]}");
                Assert.True(due <= Tolerance, $"{where}: interval {actualInterval} ms vs {expectedInterval} ms");
                worst = Math.Max(worst, Math.Max(s, Math.Max(d, due)));
                compared++;
            }
        }

        Assert.True(compared >= HistoryCount * 3, $"compared {compared} reviews");
        Assert.True(worst <= Tolerance);
    }

    private static double RelativeError(double actual, double expected) =>
        actual == expected ? 0 : Math.Abs(actual - expected) / Math.Max(Math.Abs(expected), 1e-12);

    private static History Generate(Random random, int index, (string Name, string[] Learning, string[] Relearning, double Retention, int MaximumInterval) config)
    {
        var model = new FsrsMemoryModel(new FsrsOptions
        {
            LearningSteps = config.Learning.Select(ParseStep).ToArray(),
            RelearningSteps = config.Relearning.Select(ParseStep).ToArray(),
            DesiredRetention = config.Retention,
            MaximumIntervalDays = config.MaximumInterval,
            EnableFuzz = false,
            StrictMaximumInterval = false,
        });
        var created = Epoch.AddMilliseconds(random.NextInt64(0, 365L * 24 * 3600 * 1000));
        var state = new ReviewState { Learner = new LearnerKey("t", $"l{index}"), QuestionId = $"q{index}", Due = created };
        var history = new History(config.Name, created, [], []);
        var at = created.AddMilliseconds(random.Next(0, 3_600_000));
        var count = random.Next(3, 16);
        for (var i = 0; i < count; i++)
        {
            var rating = random.NextDouble() switch
            {
                < 0.2 => Rating.Again,
                < 0.35 => Rating.Hard,
                < 0.85 => Rating.Good,
                _ => Rating.Easy,
            };
            state = model.Review(state, rating, at);
            history.Reviews.Add((at, rating));
            history.States.Add(state);

            var last = at;
            at = random.Next(6) switch
            {
                0 => last.AddMinutes(random.Next(0, 120)),                 // same session or same day
                1 => last.AddHours(random.Next(1, 48)),                     // across UTC dates
                2 => state.Due!.Value,                                      // exactly when due
                3 => last + ((state.Due!.Value - last) * (0.3 + (random.NextDouble() * 2.7))), // early or late
                4 => last.AddDays(random.Next(1, 400)),
                _ => last.AddMilliseconds(random.NextInt64(0, 30L * 24 * 3600 * 1000)),
            };
            at = DateTimeOffset.FromUnixTimeMilliseconds(Math.Max(at.ToUnixTimeMilliseconds(), last.ToUnixTimeMilliseconds()));
        }

        return history;
    }

    private static TimeSpan ParseStep(string step)
    {
        var value = int.Parse(step[..^1], CultureInfo.InvariantCulture);
        return step[^1] switch
        {
            'm' => TimeSpan.FromMinutes(value),
            'h' => TimeSpan.FromHours(value),
            'd' => TimeSpan.FromDays(value),
            _ => throw new FormatException(step),
        };
    }

    private static JsonArray RunTsFsrs(List<History> histories)
    {
        RepositoryRoot.NodeModule("ts-fsrs");
        var root = RepositoryRoot.Path;
        var driver = Path.Combine(AppContext.BaseDirectory, "Scheduler", "fsrs-parity.js");
        if (!File.Exists(driver))
        {
            driver = Path.Combine(root, "Tests", "Scheduler", "fsrs-parity.js");
        }

        var request = new JsonObject
        {
            ["configs"] = new JsonObject(Configs.Select(c => KeyValuePair.Create<string, JsonNode?>(c.Name, new JsonObject
            {
                ["learning_steps"] = new JsonArray(c.Learning.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()),
                ["relearning_steps"] = new JsonArray(c.Relearning.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()),
                ["request_retention"] = c.Retention,
                ["maximum_interval"] = c.MaximumInterval,
            }))),
            ["histories"] = new JsonArray(histories.Select(h => (JsonNode?)new JsonObject
            {
                ["config"] = h.Config,
                ["created"] = h.Created.ToUnixTimeMilliseconds(),
                ["reviews"] = new JsonArray(h.Reviews.Select(r => (JsonNode?)new JsonObject
                {
                    ["at"] = r.At.ToUnixTimeMilliseconds(),
                    ["rating"] = (int)r.Rating,
                }).ToArray()),
            }).ToArray()),
        };

        var start = new ProcessStartInfo("node", [driver])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = root,
        };
        start.Environment["NODE_PATH"] = Path.Combine(root, "node_modules");

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Assert.Fail($"The FSRS parity test needs Node.js ('node' on PATH): {e.Message}");
            throw;
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardInput.Write(request.ToJsonString());
            process.StandardInput.Close();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("ts-fsrs driver did not finish within two minutes");
            }

            Assert.True(process.ExitCode == 0, $"ts-fsrs driver failed ({process.ExitCode}): {stderr.Result}");
            return JsonNode.Parse(stdout.Result)!.AsArray();
        }
    }

    private sealed record History(string Config, DateTimeOffset Created, List<(DateTimeOffset At, Rating Rating)> Reviews, List<ReviewState> States);
}
