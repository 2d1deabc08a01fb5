namespace Beacon.Bot.Protocol;

using System.Buffers;

/// <summary>
/// Reads each response body into memory, but never more than <see cref="MaxResponseBytes"/>: a
/// declared length above it is refused before reading, and a body without one is read until it
/// passes the limit and then dropped with its connection. Sits inside the retry pipeline, so the
/// per-attempt timeout also bounds a body that trickles or never ends.
/// </summary>
public sealed class ResponseSizeLimitHandler : DelegatingHandler
{
    /// <summary>Teams answers with a few hundred bytes; a 500-member roster page is about 200 KB.</summary>
    public const int MaxResponseBytes = 1024 * 1024;

    private const int ChunkBytes = 16 * 1024;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            var body = await ReadBoundedAsync(response.Content, request, cancellationToken).ConfigureAwait(false);
            var buffered = new ByteArrayContent(body);
            foreach (var header in response.Content.Headers.Where(h => !string.Equals(h.Key, "Content-Length", StringComparison.OrdinalIgnoreCase)))
            {
                buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            response.Content.Dispose();
            response.Content = buffered;
            return response;
        }
        catch
        {
            // Disposing an unread response closes its connection: the sender stops being read.
            response.Dispose();
            throw;
        }
    }

    private static async Task<byte[]> ReadBoundedAsync(HttpContent content, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength is > MaxResponseBytes)
        {
            throw ResponseTooLargeException.For(request, content.Headers.ContentLength);
        }

        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
            try
            {
                int read;
                while ((read = await stream.ReadAsync(chunk.AsMemory(0, ChunkBytes), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    if (buffer.Length + read > MaxResponseBytes)
                    {
                        throw ResponseTooLargeException.For(request, declaredLength: null);
                    }

                    buffer.Write(chunk, 0, read);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }

            return buffer.ToArray();
        }
    }
}
