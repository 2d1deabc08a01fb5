namespace Beacon.Bot.Protocol;

using System.Globalization;

/// <summary>
/// A connector answered with a body larger than <see cref="ResponseSizeLimitHandler.MaxResponseBytes"/>.
/// Not an <see cref="HttpRequestException"/> or <see cref="IOException"/>, so it is never retried:
/// asking again would only read the same flood again.
/// </summary>
public sealed class ResponseTooLargeException : Exception
{
    public ResponseTooLargeException()
    {
    }

    public ResponseTooLargeException(string message)
        : base(message)
    {
    }

    public ResponseTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public static ResponseTooLargeException For(HttpRequestMessage request, long? declaredLength)
    {
        ArgumentNullException.ThrowIfNull(request);
        var size = declaredLength is { } length
            ? string.Create(CultureInfo.InvariantCulture, $"declared {length} bytes")
            : "sent more bytes";
        return new ResponseTooLargeException(string.Create(
            CultureInfo.InvariantCulture,
            $"{request.Method} {request.RequestUri?.Host} answered a body over the {ResponseSizeLimitHandler.MaxResponseBytes}-byte limit ({size}); it was not read."));
    }
}
