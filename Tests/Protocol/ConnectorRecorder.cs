namespace Beacon.Tests.Protocol;

using System.Collections.Concurrent;
using System.Net;
using System.Text;

/// <summary>A fake Bot Connector: records every request and answers from a script (default 200 with an id).</summary>
internal sealed class ConnectorRecorder
{
    private readonly ConcurrentQueue<Func<HttpRequestMessage, HttpResponseMessage>> script = new();

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>Completes each time a request arrives (replaced after it fires).</summary>
    public TaskCompletionSource Arrived { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Enqueue(Func<HttpRequestMessage, HttpResponseMessage> response) => script.Enqueue(response);

    public void Enqueue(HttpStatusCode status, string? body = null, TimeSpan? retryAfter = null) =>
        Enqueue(_ =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(body ?? string.Empty, Encoding.UTF8, "application/json") };
            if (retryAfter is { } delay)
            {
                response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(delay);
            }

            return response;
        });

    public HttpMessageHandler CreateHandler() => new Handler(this);

    private sealed class Handler(ConnectorRecorder recorder) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            recorder.Requests.Enqueue(new RecordedRequest(
                request.Method,
                request.RequestUri!,
                request.Headers.Authorization?.ToString(),
                body,
                recorder.Clock.GetUtcNow()));
            var arrived = recorder.Arrived;
            recorder.Arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            arrived.TrySetResult();
            return recorder.script.TryDequeue(out var next)
                ? next(request)
                : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"id\":\"sent-1\"}", Encoding.UTF8, "application/json") };
        }
    }
}

internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? Authorization, string? Body, DateTimeOffset At);
