namespace Beacon.Tests.Protocol;

using Beacon.Bot.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

public sealed class BotProtocolStartupLoggerTests
{
    [Fact]
    public void Mode_without_an_app_id_is_announced_as_a_warning_that_cannot_be_confused_with_the_hosting_environment()
    {
        var logger = new ListLogger();

        BotProtocolStartupLogger.LogMode(new BotOptions(), logger);

        var entry = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Contains("unauthenticated local mode (no App ID)", entry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("development", entry.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Authenticated_mode_names_the_app_and_the_credential()
    {
        var logger = new ListLogger();

        BotProtocolStartupLogger.LogMode(new BotOptions { MicrosoftAppId = "app-1", MicrosoftAppPassword = "s" }, logger);

        var entry = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.Contains("AUTHENTICATED", entry.Message, StringComparison.Ordinal);
        Assert.Contains("app-1", entry.Message, StringComparison.Ordinal);
        Assert.Contains("client secret", entry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(" s,", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_app_id_without_credential_is_an_error_at_start_up()
    {
        var logger = new ListLogger();

        BotProtocolStartupLogger.LogMode(new BotOptions { MicrosoftAppId = "app-1" }, logger);

        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Error);
    }

    [Fact]
    public void Add_bot_protocol_registers_the_start_up_logger()
    {
        var services = new ServiceCollection();

        services.AddBotProtocol(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());

        Assert.Contains(services, d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(BotProtocolStartupLogger));
    }

    private sealed class ListLogger : ILogger
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception)));
    }
}
