namespace Beacon.Tests.Security;

using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;

/// <summary>
/// A Bot Connector that answers every request with a 300 MB body (declared, or chunked with no
/// length), over TLS on a raw socket: unlike Kestrel, which drops writes once the peer has gone,
/// a write here fails when the reader hangs up, so <see cref="BytesWritten"/> is what the socket
/// took (the reader's reads plus the kernel's buffers). Never holds more than one 64 KB chunk.
/// </summary>
internal sealed class FloodingConnector : IAsyncDisposable
{
    public const long BodyBytes = 300L * 1024 * 1024;

    private static readonly byte[] Chunk = new byte[64 * 1024];

    private readonly TcpListener listener;
    private readonly bool declareLength;
    private readonly CancellationTokenSource stopping = new();
    private readonly Task accepting;
    private long bytesWritten;

    private FloodingConnector(TcpListener listener, bool declareLength)
    {
        this.listener = listener;
        this.declareLength = declareLength;
        accepting = Task.Run(AcceptAsync);
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public string ServiceUrl => $"https://127.0.0.1:{Port}/";

    public ConcurrentQueue<string> Requests { get; } = new();

    public long BytesWritten => Interlocked.Read(ref bytesWritten);

    public static FloodingConnector Start(bool declareLength)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return new FloodingConnector(listener, declareLength);
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        await accepting;
        stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        var connections = new List<Task>();
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(stopping.Token);
                connections.Add(Task.Run(() => AnswerAsync(client)));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }

        await Task.WhenAll(connections);
    }

    private async Task AnswerAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            await using var tls = new SslStream(client.GetStream());
            await tls.AuthenticateAsServerAsync(CaptureServer.Certificate);
            var head = await ReadHeadAsync(tls);
            Requests.Enqueue(head.Split("\r\n")[0]);
            var header = declareLength
                ? $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {BodyBytes.ToString(CultureInfo.InvariantCulture)}\r\n\r\n"
                : "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
            await tls.WriteAsync(Encoding.ASCII.GetBytes(header), stopping.Token);
            var chunkLine = Encoding.ASCII.GetBytes(Chunk.Length.ToString("x", CultureInfo.InvariantCulture) + "\r\n");
            for (long sent = 0; sent < BodyBytes; sent += Chunk.Length)
            {
                if (!declareLength)
                {
                    await tls.WriteAsync(chunkLine, stopping.Token);
                }

                await tls.WriteAsync(Chunk, stopping.Token);
                if (!declareLength)
                {
                    await tls.WriteAsync("\r\n"u8.ToArray(), stopping.Token);
                }

                await tls.FlushAsync(stopping.Token);
                Interlocked.Add(ref bytesWritten, Chunk.Length);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException or System.Security.Authentication.AuthenticationException)
        {
            // The reader hung up (the point), or the test is over.
        }
    }

    /// <summary>The request line and headers; the request body (a few KB of activity) is left unread.</summary>
    private async Task<string> ReadHeadAsync(Stream stream)
    {
        var head = new StringBuilder();
        var buffer = new byte[1];
        while (head.Length < 64 * 1024 && !head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(buffer, stopping.Token) == 0)
            {
                break;
            }

            head.Append((char)buffer[0]);
        }

        return head.ToString();
    }
}
