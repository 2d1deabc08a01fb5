namespace Beacon.Tests.Storage;

using System.Runtime.CompilerServices;
using Beacon.Storage.Sqlite;

/// <summary>
/// Configures SQLite as the bot does before any test opens a connection, so the whole suite runs
/// SQLite in the mode the bot ships with (multi-thread, no memory statistics), whichever test
/// happens to open a connection first.
/// </summary>
internal static class SqliteEngineSetup
{
#pragma warning disable CA2255 // A test assembly is the one library that must set the engine up before its first test.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void ConfigureBeforeAnyTest() => Configured = SqliteEngine.EnsureConfigured();

    /// <summary>What the first configuration returned.</summary>
    internal static bool Configured { get; private set; }
}
