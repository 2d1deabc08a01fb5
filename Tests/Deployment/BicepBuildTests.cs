namespace Beacon.Tests.Deployment;

using System.Text.Json.Nodes;
using System.Xml.Linq;
using Beacon.Tests.Support;

/// <summary>
/// infra/main.bicep compiles with the Bicep CLI from NuGet, with no error and no linter warning,
/// and the ARM template it produces holds what a Teams deployment needs.
/// </summary>
public sealed class BicepBuildTests : IClassFixture<BicepBuildTests.CompiledTemplate>
{
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";

    private readonly CompiledTemplate compiled;

    public BicepBuildTests(CompiledTemplate compiled)
    {
        this.compiled = compiled;
    }

    [Fact]
    public void Bicep_build_succeeds_without_errors_or_warnings()
    {
        Assert.True(compiled.Run.ExitCode == 0, $"bicep build exited {compiled.Run.ExitCode}:{Environment.NewLine}{compiled.Run.Error}");
        var diagnostics = compiled.Run.Error
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.Contains(" : Error ", StringComparison.Ordinal) || line.Contains(" : Warning ", StringComparison.Ordinal))
            .ToList();
        Assert.Empty(diagnostics);
        Assert.Equal("https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", (string?)compiled.Template["$schema"]);
    }

    [Fact]
    public void Bot_uses_the_user_assigned_identity_and_points_at_the_web_app()
    {
        var bot = Assert.Single(compiled.Resources("Microsoft.BotService/botServices"));
        var properties = bot["properties"]!;
        Assert.Equal("global", (string?)bot["location"]);
        Assert.Equal("UserAssignedMSI", (string?)properties["msaAppType"]);
        Assert.Contains("userAssignedIdentities", (string?)properties["msaAppMSIResourceId"], StringComparison.Ordinal);
        Assert.Contains("clientId", (string?)properties["msaAppId"], StringComparison.Ordinal);
        Assert.Contains("tenantId", (string?)properties["msaAppTenantId"], StringComparison.Ordinal);
        var endpoint = (string?)properties["endpoint"];
        Assert.NotNull(endpoint);
        Assert.StartsWith("[format('https://{0}/api/messages'", endpoint, StringComparison.Ordinal);
        Assert.Contains("defaultHostName", endpoint, StringComparison.Ordinal);
    }

    [Fact]
    public void Teams_channel_is_on()
    {
        var channel = Assert.Single(compiled.Resources("Microsoft.BotService/botServices/channels"));
        Assert.Equal("MsTeamsChannel", (string?)channel["properties"]!["channelName"]);
        Assert.True((bool?)channel["properties"]!["properties"]!["isEnabled"]);
    }

    [Fact]
    public void Web_app_runs_dotnet_10_on_linux_with_the_readyz_health_check()
    {
        var site = Assert.Single(compiled.Resources("Microsoft.Web/sites"));
        var properties = site["properties"]!;
        var siteConfig = properties["siteConfig"]!;
        Assert.Equal("app,linux", (string?)site["kind"]);
        Assert.True((bool?)properties["httpsOnly"]);
        Assert.Equal("DOTNETCORE|10.0", (string?)siteConfig["linuxFxVersion"]);
        Assert.Equal("/readyz", (string?)siteConfig["healthCheckPath"]);
        Assert.True((bool?)siteConfig["alwaysOn"]);
        Assert.Equal("UserAssigned", (string?)site["identity"]!["type"]);

        // The start command runs the assembly the Bot project builds.
        Assert.Equal($"dotnet {BotAssemblyName()}.dll", (string?)siteConfig["appCommandLine"]);

        var plan = Assert.Single(compiled.Resources("Microsoft.Web/serverfarms"));
        Assert.True((bool?)plan["properties"]!["reserved"], "a Linux plan has reserved = true");
    }

    [Fact]
    public void Web_app_settings_configure_identity_tables_and_telemetry_without_secrets()
    {
        var settings = compiled.AppSettings();
        foreach (var name in new[]
        {
            "Bot__MicrosoftAppId", "Bot__MicrosoftAppTenantId", "Bot__ManagedIdentityClientId", "AZURE_CLIENT_ID",
            "Storage__Provider", "Storage__AzureTables__ServiceUri", "APPLICATIONINSIGHTS_CONNECTION_STRING", "ASPNETCORE_URLS",
            "Bot__PublicBaseUrl", "Campaigns__ExportSigningKey",
        })
        {
            Assert.True(settings.ContainsKey(name), $"app setting {name} is missing");
        }

        Assert.Equal("AzureTables", settings["Storage__Provider"]);
        Assert.Contains("primaryEndpoints.table", settings["Storage__AzureTables__ServiceUri"], StringComparison.Ordinal);
        Assert.Contains("clientId", settings["Bot__MicrosoftAppId"], StringComparison.Ordinal);
        Assert.Equal(settings["Bot__MicrosoftAppId"], settings["Bot__ManagedIdentityClientId"]);
        Assert.Equal(settings["Bot__MicrosoftAppId"], settings["AZURE_CLIENT_ID"]);

        // Report links: one signing key for every instance, from a secure parameter; the app's own https address.
        Assert.Contains("parameters('reportLinkSigningKey')", settings["Campaigns__ExportSigningKey"], StringComparison.Ordinal);
        Assert.Contains("https://", settings["Bot__PublicBaseUrl"], StringComparison.Ordinal);

        // No secret: no app password, no storage key, no connection string built from a key.
        Assert.DoesNotContain("Bot__MicrosoftAppPassword", settings.Keys);
        Assert.DoesNotContain("Storage__AzureTables__ConnectionString", settings.Keys);
        Assert.DoesNotContain("listKeys(", compiled.Json, StringComparison.OrdinalIgnoreCase);

        // The one secure parameter is the report-link signing key (not a credential to anything).
        var secureParameters = System.Text.Json.Nodes.JsonNode.Parse(compiled.Json)!["parameters"]!.AsObject()
            .Where(p => string.Equals((string?)p.Value!["type"], "securestring", StringComparison.OrdinalIgnoreCase))
            .Select(p => p.Key);
        Assert.Equal(["reportLinkSigningKey"], secureParameters);
    }

    [Fact]
    public void Identity_gets_storage_table_data_contributor_on_a_locked_down_account()
    {
        var assignment = Assert.Single(compiled.Resources("Microsoft.Authorization/roleAssignments"));
        var properties = assignment["properties"]!;
        Assert.Contains(StorageTableDataContributor, compiled.ExpandVariables((string?)properties["roleDefinitionId"]), StringComparison.Ordinal);
        Assert.Contains("Microsoft.Authorization/roleDefinitions", (string?)properties["roleDefinitionId"], StringComparison.Ordinal);
        Assert.Contains("principalId", (string?)properties["principalId"], StringComparison.Ordinal);
        Assert.Equal("ServicePrincipal", (string?)properties["principalType"]);

        var storage = Assert.Single(compiled.Resources("Microsoft.Storage/storageAccounts"));
        var account = storage["properties"]!;
        Assert.Equal("StorageV2", (string?)storage["kind"]);
        Assert.Equal("TLS1_2", (string?)account["minimumTlsVersion"]);
        Assert.False((bool?)account["allowBlobPublicAccess"]);
        Assert.False((bool?)account["allowSharedKeyAccess"]);
    }

    [Fact]
    public void Application_insights_is_workspace_based()
    {
        Assert.Single(compiled.Resources("Microsoft.OperationalInsights/workspaces"));
        var insights = Assert.Single(compiled.Resources("Microsoft.Insights/components"));
        Assert.Contains("Microsoft.OperationalInsights/workspaces", (string?)insights["properties"]!["WorkspaceResourceId"], StringComparison.Ordinal);

        // The app's logs reach the workspace, where docs/operations.md's queries read them.
        var diagnostics = Assert.Single(compiled.Resources("Microsoft.Insights/diagnosticSettings"));
        var categories = diagnostics["properties"]!["logs"]!.AsArray().Select(l => (string?)l!["category"]).ToList();
        Assert.Contains("AppServiceConsoleLogs", categories);
        Assert.Contains("AppServiceHTTPLogs", categories);
    }

    [Fact]
    public void Outputs_name_the_host_the_bot_and_the_identity()
    {
        var outputs = compiled.Template["outputs"]!.AsObject();
        foreach (var name in new[] { "appHostName", "webAppName", "botId", "identityClientId" })
        {
            Assert.True(outputs.ContainsKey(name), $"output {name} is missing");
        }
    }

    [Fact]
    public void Every_app_setting_is_explained_in_the_deploy_guide()
    {
        var guide = File.ReadAllText(RepositoryRoot.Combine("docs", "deploy.md"));
        foreach (var name in compiled.AppSettings().Keys)
        {
            Assert.True(guide.Contains($"`{name}`", StringComparison.Ordinal), $"docs/deploy.md does not explain the app setting `{name}`");
        }
    }

    internal static string BotAssemblyName()
    {
        var project = XDocument.Load(RepositoryRoot.Combine("Bot", "Bot.csproj"));
        var name = project.Descendants("AssemblyName").Select(e => e.Value.Trim()).SingleOrDefault();
        return string.IsNullOrEmpty(name) ? "Bot" : name;
    }

    /// <summary>Runs <c>bicep build infra/main.bicep --stdout</c> once for the class.</summary>
    public sealed class CompiledTemplate : IAsyncLifetime
    {
        public ProcessRun Run { get; private set; } = new(-1, string.Empty, string.Empty);

        public string Json => Run.Output;

        public JsonNode Template { get; private set; } = new JsonObject();

        public async Task InitializeAsync()
        {
            Run = await ProcessRun.RunAsync(
                BicepCli.Path,
                ["build", RepositoryRoot.Combine("infra", "main.bicep"), "--stdout"],
                TimeSpan.FromMinutes(3));
            if (Run.ExitCode == 0)
            {
                Template = JsonNode.Parse(Run.Output) ?? new JsonObject();
            }
        }

        public Task DisposeAsync() => Task.CompletedTask;

        public IEnumerable<JsonNode> Resources(string type)
        {
            // Bicep emits an array of resources, or an object keyed by symbolic name (language version 2).
            var resources = Template["resources"];
            var all = resources is JsonObject byName ? byName.Select(p => p.Value) : resources?.AsArray() ?? [];
            return all.OfType<JsonNode>().Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>An ARM expression with each <c>variables('name')</c> replaced by the variable's string value.</summary>
        public string ExpandVariables(string? expression)
        {
            var text = expression ?? string.Empty;
            foreach (var (name, value) in Template["variables"]?.AsObject() ?? [])
            {
                if (value is JsonValue plain && plain.TryGetValue<string>(out var literal))
                {
                    text = text.Replace($"variables('{name}')", $"'{literal}'", StringComparison.Ordinal);
                }
            }

            return text;
        }

        public Dictionary<string, string> AppSettings()
        {
            var site = Resources("Microsoft.Web/sites").Single();
            return site["properties"]!["siteConfig"]!["appSettings"]!.AsArray()
                .OfType<JsonNode>()
                .ToDictionary(s => (string)s["name"]!, s => (string?)s["value"] ?? string.Empty, StringComparer.Ordinal);
        }
    }
}
