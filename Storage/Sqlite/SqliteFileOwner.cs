namespace Beacon.Storage.Sqlite;

using Beacon.Training.Ports;

/// <summary>
/// Makes one <see cref="SqliteDatabase"/> at a time the owner of a database file: an exclusive
/// lock on <c>&lt;file&gt;.owner</c>, held until dispose (or until the process ends, when the
/// operating system drops it). The owner keeps learners' rows in memory
/// (<see cref="SqliteLearnerCache"/>), which is exact only while no one else writes the file, so a
/// second bot or a <c>storage copy</c> on the same file stops with a clear error instead.
/// Other programs (the sqlite3 shell) take no such lock: they may read the file, not change it.
/// </summary>
internal sealed class SqliteFileOwner : IDisposable
{
    private readonly FileStream lockFile;

    private SqliteFileOwner(FileStream lockFile) => this.lockFile = lockFile;

    public static string LockPath(string databasePath) => databasePath + ".owner";

    /// <summary>Takes the lock, or throws <see cref="StoreUnavailableException"/> saying who has it.</summary>
    public static SqliteFileOwner Acquire(string databasePath)
    {
        var path = LockPath(databasePath);
        try
        {
            // FileShare.None is an exclusive advisory lock (flock) on Linux and macOS, a share lock on Windows.
            var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            stream.SetLength(0);
            using var writer = new StreamWriter(stream, leaveOpen: true);
            writer.Write(Environment.ProcessId);
            return new SqliteFileOwner(stream);
        }
        catch (IOException ex)
        {
            throw new StoreUnavailableException(
                $"The SQLite database '{databasePath}' is in use by another Beacon process (lock file '{path}'). " +
                "Only one process may use an SQLite store at a time: stop the other one, or use Azure Table Storage for several instances.",
                ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new StoreUnavailableException($"Cannot create the lock file '{path}' of the SQLite database.", ex);
        }
    }

    public void Dispose() => lockFile.Dispose();
}
