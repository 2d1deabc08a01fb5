namespace Beacon.Tests.Protocol;

using Microsoft.IdentityModel.Protocols;

/// <summary>Serves OpenID metadata and key sets from memory, so tests use the real ConfigurationManager offline.</summary>
internal sealed class InMemoryDocumentRetriever : IDocumentRetriever
{
    private readonly Dictionary<string, string> documents = new(StringComparer.Ordinal);

    public int Requests { get; private set; }

    public void Set(string address, string json) => documents[address] = json;

    public Task<string> GetDocumentAsync(string address, CancellationToken cancel)
    {
        Requests++;
        return documents.TryGetValue(address, out var json)
            ? Task.FromResult(json)
            : Task.FromException<string>(new IOException($"no document at {address}"));
    }
}
