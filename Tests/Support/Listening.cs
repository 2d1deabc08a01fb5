namespace Beacon.Tests.Support;

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

/// <summary>Waiting for a child server to accept connections on a loopback port.</summary>
public static class Listening
{
    /// <summary>
    /// Polls until the port accepts a TCP connection; fails at once if the process exits first,
    /// and after <paramref name="timeout"/> otherwise, with the process output in both messages.
    /// </summary>
    public static async Task WaitAsync(string name, int port, Process process, Func<string> output, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(process);
        ArgumentNullException.ThrowIfNull(output);
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{name} exited with code {process.ExitCode} before listening on port {port}:\n{output()}");
            }

            using (var client = new TcpClient())
            {
                try
                {
                    using var attempt = new CancellationTokenSource(TimeSpan.FromSeconds(1));
                    await client.ConnectAsync(IPAddress.Loopback, port, attempt.Token);
                    return;
                }
                catch (Exception ex) when (ex is SocketException or OperationCanceledException)
                {
                    // Not listening yet.
                }
            }

            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"{name} did not listen on port {port} within {timeout.TotalSeconds} s:\n{output()}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100)); // poll interval, not a wait for a result
        }
    }
}
