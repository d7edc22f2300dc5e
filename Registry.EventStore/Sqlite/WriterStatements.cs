using Microsoft.Data.Sqlite;

namespace Registry.EventStore.Sqlite;

/// <summary>
/// The commands every group commit runs on the writer connection (read the head, a stream's last revision, advance
/// the head), each made and prepared once and reused in each commit's transaction: made anew, each was parsed and
/// prepared by SQLite again for every commit.
/// </summary>
internal sealed class WriterStatements(SqliteConnection writer) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new();

    /// <summary>The command for <paramref name="sql"/> in <paramref name="tx"/>, with the parameters named (their values to set, in order).</summary>
    public SqliteCommand Get(SqliteTransaction tx, string sql, params (string Name, SqliteType Type)[] parameters)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = writer.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, type) in parameters) command.Parameters.Add(name, type);
            _commands.Add(sql, command);
        }
        command.Transaction = tx;
        return command;
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values) command.Dispose();
        _commands.Clear();
    }
}
