namespace Beacon.Storage.Sqlite;

/// <summary>Settings of the embedded SQLite store.</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>The database file. Relative paths resolve against the current directory. The directory and file are created on first use.</summary>
    public string Path { get; set; } = "data/beacon.db";

    /// <summary>How long a command waits for a lock held by another connection before the store reports itself unavailable.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Learners whose quiz-turn rows are kept in memory (the ones seen last; about 80 KB each by RSS in the bench);
    /// 0 keeps none and reads everything from the file.
    /// </summary>
    public int CachedLearners { get; set; } = 1000;

    /// <summary>Rows per query when listing learners; no connection is held between pages. Tests make it small.</summary>
    internal int ListPageSize { get; set; } = 200;
}
