namespace Beacon.Tests.Support;

using Beacon.Bot.Composition;
using Beacon.Tests.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

/// <summary>Beacon's own composition (AddBeacon) on SQLite in a temp folder, with the repo's content, no delivery, and the given clock.</summary>
internal static class ComposedBeaconHost
{
    public static IHost Build(TempDirectory directory, TimeProvider clock)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing", ContentRootPath = directory.Path });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Content:Path"] = RepositoryRoot.Combine("content"),
            ["Storage:Sqlite:Path"] = directory.Combine("beacon.db"),
            ["Delivery:Enabled"] = "false",
        });
        builder.Services.AddBeacon(builder.Configuration);
        builder.Services.AddSingleton(clock);
        return builder.Build();
    }
}
