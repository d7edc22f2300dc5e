using System.Text;
using SQLitePCL;

namespace Registry.EventStore.Sqlite;

/// <summary>
/// Binds text to a prepared SQLite statement through a UTF-8 buffer kept for the statement (SQLite copies the bytes):
/// binding a string directly allocates a new UTF-8 copy of each value, and appends and rebuilds bind millions. Used by
/// the log's insert and by the projections' write statements.
/// </summary>
public sealed class SqliteTextBinder
{
    private byte[] _utf8 = new byte[256];

    public int Bind(sqlite3_stmt statement, int index, string text)
    {
        // An empty span may reach SQLite as a null pointer, which binds NULL rather than empty text.
        if (text.Length == 0) return raw.sqlite3_bind_text(statement, index, text);
        var length = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (_utf8.Length < length) _utf8 = new byte[Math.Max(length, _utf8.Length * 2)];
        var written = Encoding.UTF8.GetBytes(text, _utf8);
        return raw.sqlite3_bind_text(statement, index, _utf8.AsSpan(0, written));
    }
}
