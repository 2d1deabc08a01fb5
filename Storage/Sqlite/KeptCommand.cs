namespace Beacon.Storage.Sqlite;

using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

/// <summary>
/// A statement of a connection that <see cref="SqliteDatabase"/> keeps open between operations:
/// SQLite parses and plans it on first use, later uses only bind new parameters. Disposing it
/// after a use clears its parameters and keeps the prepared statement; <see cref="Forget"/>
/// disposes it for real before its connection closes.
/// </summary>
internal sealed class KeptCommand : SqliteCommand
{
    // A store builds its SQL from constants; the cap only guards against SQL built from data.
    private const int MaxPerConnection = 64;

    private static readonly ConditionalWeakTable<SqliteConnection, Dictionary<string, KeptCommand>> ByConnection = [];

    private bool forgotten;

    private KeptCommand(string sql, SqliteConnection connection)
        : base(sql, connection)
    {
    }

    /// <summary>From now on, commands on <paramref name="connection"/> are kept.</summary>
    internal static void Keep(SqliteConnection connection) =>
        ByConnection.AddOrUpdate(connection, new Dictionary<string, KeptCommand>(StringComparer.Ordinal));

    /// <summary>The kept command for <paramref name="sql"/>; null when the connection's commands are not kept.</summary>
    internal static KeptCommand? Find(SqliteConnection connection, string sql)
    {
        if (!ByConnection.TryGetValue(connection, out var commands))
        {
            return null;
        }

        if (commands.TryGetValue(sql, out var command))
        {
            return command;
        }

        if (commands.Count >= MaxPerConnection)
        {
            return null;
        }

        command = new KeptCommand(sql, connection);
        commands.Add(sql, command);
        return command;
    }

    /// <summary>Disposes the kept commands of <paramref name="connection"/> (before it closes).</summary>
    internal static void Forget(SqliteConnection connection)
    {
        if (!ByConnection.TryGetValue(connection, out var commands))
        {
            return;
        }

        ByConnection.Remove(connection);
        foreach (var command in commands.Values)
        {
            command.forgotten = true;
            command.Dispose();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (forgotten || !disposing)
        {
            base.Dispose(disposing);
            return;
        }

        Parameters.Clear();
        Transaction = null;
    }
}
