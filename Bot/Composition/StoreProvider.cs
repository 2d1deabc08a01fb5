namespace Beacon.Bot.Composition;

/// <summary>The store chosen by <c>Storage:Provider</c>, read once when first resolved.</summary>
public sealed record StoreProvider(string Name)
{
    public bool IsAzureTables => Name == StoreRegistration.AzureTablesProvider;
}
