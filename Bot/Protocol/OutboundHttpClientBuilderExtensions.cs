namespace Beacon.Bot.Protocol;

using Microsoft.Extensions.Http;

/// <summary>The limits every HttpClient that calls a Bot Connector has: no redirects, a bounded response body.</summary>
public static class OutboundHttpClientBuilderExtensions
{
    /// <summary>
    /// Redirects are never followed (a 3xx reaches the caller as an error), whatever primary handler
    /// is configured, even one set after this call: the allow-list is checked for the URL Beacon
    /// chose, so a hop elsewhere would leave it. Bodies are read through <see cref="ResponseSizeLimitHandler"/>.
    /// Call after the other handlers, so the size limit runs inside them (under their timeouts).
    /// </summary>
    public static IHttpClientBuilder AddOutboundLimits(this IHttpClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.PostConfigure<HttpClientFactoryOptions>(
            builder.Name,
            options => options.HttpMessageHandlerBuilderActions.Add(handlers => RefuseRedirects(handlers.PrimaryHandler)));
        return builder.AddHttpMessageHandler(() => new ResponseSizeLimitHandler());
    }

    public static void RefuseRedirects(HttpMessageHandler primary)
    {
        switch (primary)
        {
            case SocketsHttpHandler sockets:
                sockets.AllowAutoRedirect = false;
                break;
            case HttpClientHandler client:
                client.AllowAutoRedirect = false;
                break;
        }
    }
}
