namespace Beacon.Tests.Storage;

using Beacon.Storage.Sqlite;

public class SqliteEngineTests
{
    /// <summary>
    /// Every SQLite test in the suite (stores, write queue, contracts, the bot over HTTP) then runs
    /// with the engine as the bot configures it, so a store that used a connection from two
    /// operations at once would fail them.
    /// </summary>
    [Fact]
    public void The_suite_runs_SQLite_in_the_mode_the_bot_ships_with()
    {
        Assert.True(SqliteEngineSetup.Configured, "SQLite was initialised before the engine settings could apply");
        Assert.True(SqliteEngine.EnsureConfigured());
    }
}
