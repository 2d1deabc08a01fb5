namespace Beacon.Bench.Turns;

using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

/// <summary>What one turn is.</summary>
internal enum TurnShape
{
    /// <summary>Beacon's quiz turn: a <c>quiz</c> message, the question card at the sink, the answer invoke and its feedback card.</summary>
    Quiz,

    /// <summary>An echo peer's turn: one message and the echo at the sink.</summary>
    Echo,
}

/// <summary>What a load run measured.</summary>
internal sealed record LoadResult(int Turns, int Errors, double Seconds, double[] SortedLatenciesMs, IReadOnlyList<string> ErrorSamples)
{
    public double TurnsPerSecond => Seconds > 0 ? Turns / Seconds : 0;

    /// <summary>Nearest-rank percentile in milliseconds (NaN without turns).</summary>
    public double Percentile(double p)
    {
        if (SortedLatenciesMs.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p / 100.0 * SortedLatenciesMs.Length);
        return SortedLatenciesMs[Math.Clamp(rank - 1, 0, SortedLatenciesMs.Length - 1)];
    }
}

/// <summary>
/// N virtual learners, each with its own tenant, user and conversation, doing turns back to back
/// against one target's /api/messages. Turns that start after the warm-up and end before the end
/// of the measured window are counted.
/// </summary>
internal sealed class LoadGenerator(HttpClient client, ConnectorSink sink, Uri baseAddress, TurnShape shape, string runTag)
{
    private const int MaxTurnsPerLearner = 10_000_000;
    private const int MaxErrorSamples = 5;
    private const int MaxMessagesPerQuiz = 4;
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(10);
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private readonly Uri messages = new(baseAddress, "api/messages");
    private readonly List<string> errorSamples = [];
    private int errors;

    /// <summary>
    /// Runs the learners for <paramref name="warmup"/> then <paramref name="duration"/>; calls
    /// <paramref name="onMeasureStart"/> and <paramref name="onMeasureEnd"/> at the window's edges.
    /// </summary>
    public async Task<LoadResult> RunAsync(int concurrency, TimeSpan warmup, TimeSpan duration, Action onMeasureStart, Action onMeasureEnd)
    {
        var start = Stopwatch.GetTimestamp();
        var measureStart = start + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var measureEnd = measureStart + (long)(duration.TotalSeconds * Stopwatch.Frequency);

        var edges = Task.Run(async () =>
        {
            await Task.Delay(Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), measureStart)).ConfigureAwait(false);
            onMeasureStart();
            await Task.Delay(Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), measureEnd)).ConfigureAwait(false);
            onMeasureEnd();
        });

        var learners = new Task<List<double>>[concurrency];
        for (var i = 0; i < concurrency; i++)
        {
            var learner = i;
            learners[i] = Task.Run(() => LearnerAsync(learner, measureStart, measureEnd));
        }

        var latencies = (await Task.WhenAll(learners).ConfigureAwait(false)).SelectMany(l => l).ToArray();
        await edges.ConfigureAwait(false);
        Array.Sort(latencies);
        List<string> samples;
        lock (errorSamples)
        {
            samples = [.. errorSamples];
        }

        return new LoadResult(latencies.Length, Volatile.Read(ref errors), duration.TotalSeconds, latencies, samples);
    }

    private async Task<List<double>> LearnerAsync(int index, long measureStart, long measureEnd)
    {
        var learner = new Learner(index, runTag);
        var mailbox = sink.Register(learner.ConversationId);
        var random = new Random(index);
        var latencies = new List<double>(4096);
        try
        {
            for (var turn = 0; turn < MaxTurnsPerLearner; turn++)
            {
                var started = Stopwatch.GetTimestamp();
                if (started >= measureEnd)
                {
                    break;
                }

                try
                {
                    if (shape == TurnShape.Quiz)
                    {
                        await QuizTurnAsync(learner, turn, mailbox, random).ConfigureAwait(false);
                    }
                    else
                    {
                        await EchoTurnAsync(learner, turn, mailbox).ConfigureAwait(false);
                    }

                    var ended = Stopwatch.GetTimestamp();
                    if (started >= measureStart && ended <= measureEnd)
                    {
                        latencies.Add(Stopwatch.GetElapsedTime(started, ended).TotalMilliseconds);
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or TurnFailedException or JsonException or IOException)
                {
                    if (Stopwatch.GetTimestamp() < measureEnd)
                    {
                        Fail($"learner {index} turn {turn}: {ex.GetType().Name}: {ex.Message}");
                    }

                    while (mailbox.TryRead(out _))
                    {
                        // Drop what a failed turn left behind.
                    }

                    await Task.Delay(10).ConfigureAwait(false); // do not spin on a target that refuses everything
                }
            }
        }
        finally
        {
            sink.Unregister(learner.ConversationId);
        }

        return latencies;
    }

    private async Task QuizTurnAsync(Learner learner, int turn, ChannelReader<SinkMessage> mailbox, Random random)
    {
        var quizId = learner.ActivityId(turn, "q");
        await PostAsync(Activity(learner, quizId, w =>
        {
            w.WriteString("type", "message");
            w.WriteString("text", "quiz");
            w.WriteString("textFormat", "plain");
        }), expectBody: false).ConfigureAwait(false);

        // A learner meeting a topic for the first time gets its refresher card first.
        string? cardId = null;
        string? answerData = null;
        using (var timeout = new CancellationTokenSource(StepTimeout))
        {
            for (var k = 0; k < MaxMessagesPerQuiz && answerData is null; k++)
            {
                var message = await mailbox.ReadAsync(timeout.Token).ConfigureAwait(false);
                answerData = PickAnswer(message.Body, random);
                cardId = message.Id;
            }
        }

        if (answerData is null)
        {
            throw new TurnFailedException("no question card (with answer actions) reached the sink");
        }

        var body = await PostAsync(Activity(learner, learner.ActivityId(turn, "a"), w =>
        {
            w.WriteString("type", "invoke");
            w.WriteString("name", "adaptiveCard/action");
            w.WriteString("replyToId", cardId);
            w.WriteStartObject("value");
            w.WriteStartObject("action");
            w.WriteString("type", "Action.Execute");
            w.WriteString("verb", "answer");
            // Teams merges the card's inputs into the action's data: the "I'm sure" toggle, set half the time.
            var data = JsonNode.Parse(answerData)!.AsObject();
            data["sure"] = random.Next(2) == 0 ? "true" : "false";
            w.WritePropertyName("data");
            data.WriteTo(w);
            w.WriteEndObject();
            w.WriteString("trigger", "manual");
            w.WriteEndObject();
        }), expectBody: true).ConfigureAwait(false);

        if (!body.Contains("application/vnd.microsoft.card.adaptive", StringComparison.Ordinal))
        {
            throw new TurnFailedException("the answer's invoke response is not a card: " + Excerpt(body));
        }
    }

    private async Task EchoTurnAsync(Learner learner, int turn, ChannelReader<SinkMessage> mailbox)
    {
        var text = "hello " + turn.ToString(CultureInfo.InvariantCulture);
        var post = PostAsync(Activity(learner, learner.ActivityId(turn, "m"), w =>
        {
            w.WriteString("type", "message");
            w.WriteString("text", text);
            w.WriteString("textFormat", "plain");
        }), expectBody: false);

        using var timeout = new CancellationTokenSource(StepTimeout);
        var echo = await mailbox.ReadAsync(timeout.Token).ConfigureAwait(false);
        await post.ConfigureAwait(false);
        if (echo.Body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) < 0)
        {
            throw new TurnFailedException("the echo does not hold the message text: " + Excerpt(Encoding.UTF8.GetString(echo.Body)));
        }
    }

    private async Task<string> PostAsync(byte[] activity, bool expectBody)
    {
        using var content = new ByteArrayContent(activity);
        content.Headers.ContentType = Json;
        using var timeout = new CancellationTokenSource(StepTimeout);
        using var response = await client.PostAsync(messages, content, timeout.Token).ConfigureAwait(false);
        var body = expectBody || !response.IsSuccessStatusCode
            ? await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false)
            : string.Empty;
        if (!response.IsSuccessStatusCode)
        {
            throw new TurnFailedException($"POST /api/messages answered {(int)response.StatusCode}: {Excerpt(body)}");
        }

        return body;
    }

    private byte[] Activity(Learner learner, string id, Action<Utf8JsonWriter> specific)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            specific(w);
            w.WriteString("id", id);
            w.WriteString("timestamp", DateTimeOffset.UtcNow);
            w.WriteString("channelId", "msteams");
            w.WriteString("serviceUrl", sink.ServiceUrl.ToString());
            w.WriteString("locale", "en-US");
            w.WriteStartObject("from");
            w.WriteString("id", learner.UserId);
            w.WriteString("name", learner.Name);
            w.WriteString("aadObjectId", learner.AadObjectId);
            w.WriteEndObject();
            w.WriteStartObject("recipient");
            w.WriteString("id", "28:beacon-bench-bot");
            w.WriteString("name", "Bench bot");
            w.WriteEndObject();
            w.WriteStartObject("conversation");
            w.WriteString("id", learner.ConversationId);
            w.WriteString("conversationType", "personal");
            w.WriteString("tenantId", learner.TenantId);
            w.WriteEndObject();
            w.WriteStartObject("channelData");
            w.WriteStartObject("tenant");
            w.WriteString("id", learner.TenantId);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The data of one of the card's <c>Action.Execute</c> actions with verb <c>answer</c>, chosen at random; null if it has none.</summary>
    private static string? PickAnswer(byte[] activity, Random random)
    {
        using var document = JsonDocument.Parse(activity);
        if (!document.RootElement.TryGetProperty("attachments", out var attachments) || attachments.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var answers = new List<string>();
        foreach (var attachment in attachments.EnumerateArray())
        {
            if (!attachment.TryGetProperty("content", out var content))
            {
                continue;
            }

            if (content.ValueKind == JsonValueKind.String)
            {
                using var inner = JsonDocument.Parse(content.GetString() ?? "{}");
                CollectAnswers(inner.RootElement, answers, depth: 0);
            }
            else
            {
                CollectAnswers(content, answers, depth: 0);
            }
        }

        return answers.Count == 0 ? null : answers[random.Next(answers.Count)];
    }

    private static void CollectAnswers(JsonElement element, List<string> answers, int depth)
    {
        if (depth > 32)
        {
            return;
        }

        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                CollectAnswers(item, answers, depth + 1);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (element.TryGetProperty("type", out var type) && type.ValueEquals("Action.Execute")
            && element.TryGetProperty("verb", out var verb) && verb.ValueEquals("answer")
            && element.TryGetProperty("data", out var data))
        {
            answers.Add(data.GetRawText());
            return;
        }

        foreach (var property in element.EnumerateObject())
        {
            CollectAnswers(property.Value, answers, depth + 1);
        }
    }

    private static string Excerpt(string text) => text.Length > 200 ? text[..200] + "..." : text;

    private void Fail(string message)
    {
        Interlocked.Increment(ref errors);
        lock (errorSamples)
        {
            if (errorSamples.Count < MaxErrorSamples)
            {
                errorSamples.Add(message);
            }
        }
    }

    /// <summary>One virtual learner's identity: its own tenant, user and personal conversation.</summary>
    private sealed class Learner(int index, string runTag)
    {
        public string TenantId { get; } = $"bench-tenant-{index}";

        public string UserId { get; } = $"29:bench-{runTag}-user-{index}";

        public string AadObjectId { get; } = new Guid(index, 0, 0, Encoding.ASCII.GetBytes(runTag.PadRight(8, '0')[..8])).ToString();

        public string Name { get; } = $"Learner {index}";

        public string ConversationId { get; } = $"a:bench-{runTag}-conv-{index}";

        public string ActivityId(int turn, string suffix) => $"{runTag}-{index}-{turn}-{suffix}";
    }
}

/// <summary>A turn that got an answer, but the wrong one.</summary>
internal sealed class TurnFailedException : Exception
{
    public TurnFailedException()
    {
    }

    public TurnFailedException(string message)
        : base(message)
    {
    }

    public TurnFailedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
