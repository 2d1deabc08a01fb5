namespace Beacon.Bot.Protocol;

using Beacon.Training.Observability;

using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

/// <summary>
/// The retry pipeline of outbound connector calls: 429, 412, 502, 504 and other transient
/// failures are retried with exponential backoff and jitter, honouring Retry-After. Time comes
/// from the <see cref="TimeProvider"/> in DI, so tests run it on a fake clock.
/// </summary>
public static class ConnectorResilience
{
    public const int MaxRetryAttempts = 5;

    public static readonly TimeSpan BaseDelay = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(60);

    /// <summary>One call, headers and body (see <see cref="ResponseSizeLimitHandler"/>); Teams answers in well under a second.</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);

    /// <summary>All attempts of one call: replies still arriving later than this would only confuse.</summary>
    public static readonly TimeSpan TotalTimeout = TimeSpan.FromMinutes(2);

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(context);
        builder.TimeProvider = context.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System;
        builder
            .AddTimeout(TotalTimeout)
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = BaseDelay,
                MaxDelay = MaxDelay,
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome)),
                OnRetry = args =>
                {
                    if (args.Outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests)
                    {
                        BeaconTelemetry.Throttled.Add(1);
                    }

                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(AttemptTimeout);
    }

    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException or TimeoutRejectedException
        || (outcome.Result is { } response && IsRetryableStatus(response.StatusCode));

    public static bool IsRetryableStatus(HttpStatusCode status) => status is
        HttpStatusCode.TooManyRequests
        or HttpStatusCode.PreconditionFailed
        or HttpStatusCode.RequestTimeout
        or HttpStatusCode.InternalServerError
        or HttpStatusCode.BadGateway
        or HttpStatusCode.ServiceUnavailable
        or HttpStatusCode.GatewayTimeout;
}
