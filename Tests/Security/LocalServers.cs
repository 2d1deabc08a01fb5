namespace Beacon.Tests.Security;

using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Beacon.Bot.Protocol;
using Beacon.Tests.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

/// <summary>
/// The Bot Framework channel service's OpenID metadata and key set, served over HTTP on loopback
/// by the test with keys generated here (<see cref="TestIssuer"/>): the Teams key endorsed for
/// <c>msteams</c>, a second key with no endorsements and a third endorsed for webchat too; and an
/// Entra ID tenant's metadata and key (for a single-tenant bot, <see cref="EntraMetadataUrl"/>).
/// </summary>
internal sealed class LocalOpenIdServer : IAsyncDisposable
{
    public const string UnendorsedKeyId = "bf-unendorsed";

    public const string WebChatKeyId = "bf-webchat";

    private readonly WebApplication app;
    private int requests;

    private LocalOpenIdServer(WebApplication app, Uri baseAddress)
    {
        this.app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public string MetadataUrl => new Uri(BaseAddress, "v1/.well-known/openidconfiguration").AbsoluteUri;

    public string EntraMetadataUrl => new Uri(BaseAddress, "entra/v2.0/.well-known/openid-configuration").AbsoluteUri;

    public int Requests => Volatile.Read(ref requests);

    public static async Task<LocalOpenIdServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        LocalOpenIdServer? server = null;
        app.MapGet("/v1/.well-known/openidconfiguration", (HttpContext context) =>
        {
            Interlocked.Increment(ref server!.requests);
            var keys = new Uri(server.BaseAddress, "v1/.well-known/keys").AbsoluteUri;
            return Results.Text(TestIssuer.Metadata(AuthenticationConstants.BotFrameworkIssuer, keys), "application/json");
        });
        app.MapGet("/v1/.well-known/keys", () =>
        {
            Interlocked.Increment(ref server!.requests);
            return Results.Text(
                TestIssuer.KeySet(
                    (TestIssuer.BotKey, TestIssuer.BotKeyId, ["msteams"]),
                    (TestIssuer.EntraKey, UnendorsedKeyId, null),
                    (TestIssuer.StrangerKey, WebChatKeyId, ["msteams", "webchat"])),
                "application/json");
        });
        app.MapGet("/entra/v2.0/.well-known/openid-configuration", () =>
        {
            Interlocked.Increment(ref server!.requests);
            var keys = new Uri(server.BaseAddress, "entra/keys").AbsoluteUri;
            return Results.Text(TestIssuer.Metadata(AuthenticationConstants.EntraV2Issuer(TestIssuer.TenantId), keys), "application/json");
        });
        app.MapGet("/entra/keys", () =>
        {
            Interlocked.Increment(ref server!.requests);
            return Results.Text(TestIssuer.KeySet((TestIssuer.EntraKey, TestIssuer.EntraKeyId, null)), "application/json");
        });
        await app.StartAsync();
        server = new LocalOpenIdServer(app, new Uri(Address(app)));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    internal static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/') + "/";
}

/// <summary>
/// A stand-in Bot Connector over HTTPS (self-signed certificate generated here) that records
/// every request it receives, on 127.0.0.1, 127.0.0.2 and ::1 (so it is reachable under host
/// names that are not on the bot's allow-list).
/// </summary>
internal sealed class CaptureServer : IAsyncDisposable
{
    private static readonly Lazy<X509Certificate2> SharedCertificate = new(CreateCertificate);

    private readonly WebApplication app;

    private CaptureServer(WebApplication app, int port)
    {
        this.app = app;
        Port = port;
    }

    public int Port { get; }

    public static X509Certificate2 Certificate => SharedCertificate.Value;

    /// <summary>The allowed service URL (the bot's allow-list names this host and port).</summary>
    public string ServiceUrl => $"https://127.0.0.1:{Port}/";

    public ConcurrentQueue<CapturedRequest> Requests { get; } = new();

    public static async Task<CaptureServer> StartAsync()
    {
        var port = Support.FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            foreach (var address in new[] { IPAddress.Loopback, IPAddress.Parse("127.0.0.2"), IPAddress.IPv6Loopback })
            {
                kestrel.Listen(address, port, listen => listen.UseHttps(Certificate));
            }
        });
        var app = builder.Build();
        CaptureServer? server = null;
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            server!.Requests.Enqueue(new CapturedRequest(
                context.Request.Method,
                context.Request.Host.Value ?? string.Empty,
                context.Request.Path + context.Request.QueryString,
                string.Join("\n", context.Request.Headers.Select(h => $"{h.Key}: {h.Value}")),
                context.Request.Headers.Authorization.ToString(),
                body));
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync($$"""{"id":"captured-{{server.Requests.Count}}"}""");
        });
        await app.StartAsync();
        server = new CaptureServer(app, port);
        return server;
    }

    /// <summary>A client that trusts only this server's certificate, for the tests' own reachability checks.</summary>
    public static HttpMessageHandler TrustingHandler() => new SocketsHttpHandler
    {
        SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null && certificate.GetCertHashString() == Certificate.GetCertHashString() },
    };

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=beacon-capture", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.Parse("127.0.0.2"));
        names.AddIpAddress(IPAddress.IPv6Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }
}

internal sealed record CapturedRequest(string Method, string Host, string PathAndQuery, string Headers, string Authorization, string Body)
{
    public string Everything => $"{Method} {Host}{PathAndQuery}\n{Headers}\n\n{Body}";
}
