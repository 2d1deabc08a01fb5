namespace Beacon.Tests.Security;

using Beacon.Bot.Security;
using Beacon.Dialogs.Turns;
using Beacon.Storage.Sqlite;
using Beacon.Tests.Storage;
using Beacon.Training.Campaigns;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Moq;

/// <summary>
/// Managers are per tenant (point 2 of issue 19): configured under Managers:Tenants:&lt;tenantId&gt;,
/// the flat Managers:AadObjectIds only in the single-tenant bot's own tenant (or any tenant in
/// development mode, which is loopback only), and grants in the real SQLite store per tenant.
/// </summary>
public sealed class ManagerDirectoryTests : IDisposable
{
    private const string TenantA = "aaaaaaaa-0000-4000-8000-00000000000a";
    private const string TenantB = "bbbbbbbb-0000-4000-8000-00000000000b";
    private const string AppId = "11111111-2222-3333-4444-555555555555";

    private readonly TempDirectory directory = new();
    private readonly SqliteDatabase database;
    private readonly SqliteManagerGrantStore grants;
    private readonly TurnUser casey = new("29:casey", "aad-casey", "Casey");
    private readonly TurnUser dana = new("29:dana", "aad-dana", "Dana");

    public ManagerDirectoryTests()
    {
        database = new SqliteDatabase(new SqliteStoreOptions { Path = directory.Combine("data", "beacon.db") });
        grants = new SqliteManagerGrantStore(database);
    }

    public void Dispose()
    {
        database.Dispose();
        directory.Dispose();
    }

    [Theory]
    [InlineData("Managers:Tenants:" + TenantA + ":AadObjectIds:0", "aad-casey")]
    [InlineData("Managers:Tenants:" + TenantA + ":AadObjectIds", "aad-dana, aad-casey")]
    public async Task A_manager_configured_for_tenant_a_is_a_manager_in_tenant_a_only(string key, string value)
    {
        var managers = Directory(new() { ["Bot:MicrosoftAppId"] = AppId, [key] = value });

        Assert.True(await managers.IsManagerAsync(TenantA, casey, CancellationToken.None));
        Assert.True(managers.IsConfigured(TenantA, casey));
        Assert.False(await managers.IsManagerAsync(TenantB, casey, CancellationToken.None));
        Assert.False(managers.IsConfigured(TenantB, casey));
    }

    [Fact]
    public async Task Tenant_ids_match_whatever_their_case()
    {
        var managers = Directory(new() { ["Bot:MicrosoftAppId"] = AppId, ["Managers:Tenants:" + TenantA.ToUpperInvariant() + ":AadObjectIds:0"] = "AAD-CASEY" });

        Assert.True(await managers.IsManagerAsync(TenantA, casey, CancellationToken.None));
    }

    [Fact]
    public async Task The_flat_list_of_a_single_tenant_bot_applies_in_its_own_tenant_only()
    {
        var managers = Directory(new()
        {
            ["Bot:MicrosoftAppId"] = AppId,
            ["Bot:MicrosoftAppTenantId"] = TenantA,
            ["Managers:AadObjectIds"] = "aad-casey",
        });

        Assert.True(await managers.IsManagerAsync(TenantA, casey, CancellationToken.None));
        Assert.False(await managers.IsManagerAsync(TenantB, casey, CancellationToken.None));
    }

    [Fact]
    public async Task The_flat_list_of_a_multi_tenant_bot_applies_nowhere_and_says_so_once()
    {
        var logger = new Mock<ILogger>();
        var managers = Directory(new() { ["Bot:MicrosoftAppId"] = AppId, ["Managers:AadObjectIds:0"] = "aad-casey" }, logger.Object);

        Assert.False(await managers.IsManagerAsync(TenantA, casey, CancellationToken.None));
        Assert.False(await managers.IsManagerAsync(TenantB, casey, CancellationToken.None));
        logger.Verify(
            l => l.Log(LogLevel.Warning, It.IsAny<EventId>(), It.Is<It.IsAnyType>((state, _) => $"{state}".Contains("Managers:Tenants:", StringComparison.Ordinal)), null, It.IsAny<Func<It.IsAnyType, Exception?, string>>()),
            Times.Once);
    }

    [Fact]
    public async Task The_flat_list_applies_to_any_tenant_in_development_mode()
    {
        var managers = Directory(new() { ["Managers:AadObjectIds:0"] = "aad-casey" });

        Assert.True(await managers.IsManagerAsync(TenantA, casey, CancellationToken.None));
        Assert.True(await managers.IsManagerAsync("playground-tenant", casey, CancellationToken.None));
        Assert.False(await managers.IsManagerAsync(TenantA, dana, CancellationToken.None));
    }

    [Fact]
    public async Task A_manager_granted_in_chat_in_tenant_a_is_not_a_manager_in_tenant_b()
    {
        var managers = Directory(new() { ["Bot:MicrosoftAppId"] = AppId });
        await grants.GrantAsync(new ManagerGrant(TenantA, "aad-dana", "Dana", "aad-casey", DateTimeOffset.UnixEpoch), CancellationToken.None);

        Assert.True(await managers.IsManagerAsync(TenantA, dana, CancellationToken.None));
        Assert.False(managers.IsConfigured(TenantA, dana));
        Assert.False(await managers.IsManagerAsync(TenantB, dana, CancellationToken.None));
    }

    [Fact]
    public async Task A_user_without_an_entra_object_id_is_never_a_manager()
    {
        var managers = Directory(new() { ["Managers:AadObjectIds:0"] = "29:casey" });

        Assert.False(await managers.IsManagerAsync(TenantA, new TurnUser("29:casey", null, "Casey"), CancellationToken.None));
    }

    private ManagerDirectory Directory(Dictionary<string, string?> settings, ILogger? logger = null) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), grants, logger);
}
