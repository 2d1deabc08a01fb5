namespace Beacon.Storage.AzureTables;

using Azure.Core;
using Azure.Data.Tables;

/// <summary>
/// Settings of the Azure Table Storage store (Azure Storage, Azure Cosmos DB for Table, Azurite).
/// Set exactly one of <see cref="ConnectionString"/> or <see cref="ServiceUri"/>.
/// </summary>
public sealed class AzureTableStoreOptions
{
    /// <summary>A storage connection string (account key or SAS), e.g. Azurite's development string.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The table service endpoint, e.g. <c>https://account.table.core.windows.net/</c>, used with <see cref="Credential"/>.</summary>
    public Uri? ServiceUri { get; set; }

    /// <summary>The Entra ID credential for <see cref="ServiceUri"/>; <c>DefaultAzureCredential</c> when null.</summary>
    public TokenCredential? Credential { get; set; }

    /// <summary>Prefix of the table names (letters and digits, starting with a letter), so several deployments can share an account.</summary>
    public string TablePrefix { get; set; } = "beacon";

    /// <summary>Optional client settings (retries, diagnostics, service version).</summary>
    public TableClientOptions? ClientOptions { get; set; }

    /// <summary>Entities per page when listing learners. Tests make it small.</summary>
    internal int ListPageSize { get; set; } = 200;
}
