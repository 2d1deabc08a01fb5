namespace Beacon.Storage.Sqlite;

using SQLitePCL;

/// <summary>
/// Process-wide settings of the SQLite library, applied once before its first connection opens.
/// Every connection of this store is used by one operation at a time (a reader taken from the
/// stack, the writers' loop, the checkpointer), so SQLite's own per-connection mutexes only cost
/// time; and its memory statistics take a global mutex on every allocation, which nothing here
/// reads. Both showed up as the C library's mutex calls in profiles under load.
/// </summary>
internal static class SqliteEngine
{
    private const int ConfigMultiThread = 2;
    private const int ConfigMemStatus = 9;

    private static readonly Lazy<bool> Applied = new(Apply, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// True when the settings took effect; false when SQLite was already initialised in this process
    /// (a connection opened first), which leaves it in its default, serialized mode: slower, as safe.
    /// </summary>
    public static bool EnsureConfigured() => Applied.Value;

    private static bool Apply()
    {
        Batteries_V2.Init();
        // SQLite refuses configuration after initialisation (SQLITE_MISUSE) and changes nothing then.
        return raw.sqlite3_config(ConfigMultiThread) == raw.SQLITE_OK
            && raw.sqlite3_config(ConfigMemStatus, 0) == raw.SQLITE_OK;
    }
}
