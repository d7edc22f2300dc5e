using Microsoft.Data.Sqlite;
using Registry.EventStore.Appending;
using SQLitePCL;

namespace Registry.EventStore.Sqlite;

/// <summary>
/// The log's insert, prepared once on the writer connection's own handle and executed with its values bound by index:
/// through <see cref="SqliteCommand"/> each row's nine parameters were looked up by name and converted through several
/// layers, a good part of an append's own cost in batches of a hundred. Bound as Microsoft.Data.Sqlite binds them
/// (ids as the 16 bytes of <see cref="Guid.TryWriteBytes(Span{byte})"/>, text as UTF-8), so rows read back the same.
/// </summary>
internal sealed class EventInsert : IDisposable
{
    private const int UniqueConstraintFailed = 2067; // SQLITE_CONSTRAINT_UNIQUE

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly SqliteTextBinder _text = new();

    public EventInsert(SqliteConnection writer)
    {
        _db = writer.Handle!;
        var rc = raw.sqlite3_prepare_v2(_db,
            "INSERT INTO events (position, stream_name, stream_revision, event_id, event_type, data, metadata, recorded_us, hash) " +
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", out _statement);
        SqliteException.ThrowExceptionForRC(rc, _db);
    }

    /// <summary>Inserts the row in the writer's current transaction. A unique index's refusal (an event id recorded
    /// already) writes nothing of the row and returns false when <paramref name="refusalExpected"/>, and throws otherwise.</summary>
    public bool TryInsert(NewEventRow row, bool refusalExpected)
    {
        Span<byte> id = stackalloc byte[16];
        row.EventId.TryWriteBytes(id);
        Check(raw.sqlite3_bind_int64(_statement, 1, row.Position));
        Check(_text.Bind(_statement, 2, row.Stream));
        Check(raw.sqlite3_bind_int64(_statement, 3, row.Revision));
        Check(raw.sqlite3_bind_blob(_statement, 4, id));
        Check(_text.Bind(_statement, 5, row.EventType));
        Check(BindBlob(6, row.Data));
        Check(BindBlob(7, row.Metadata));
        Check(raw.sqlite3_bind_int64(_statement, 8, row.RecordedMicroseconds));
        Check(raw.sqlite3_bind_blob(_statement, 9, row.Hash));
        var rc = raw.sqlite3_step(_statement);
        if (rc == raw.SQLITE_DONE)
        {
            raw.sqlite3_reset(_statement);
            return true;
        }
        var unique = rc == raw.SQLITE_CONSTRAINT && raw.sqlite3_extended_errcode(_db) == UniqueConstraintFailed;
        try
        {
            if (!unique || !refusalExpected) SqliteException.ThrowExceptionForRC(rc, _db);
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
        return false;
    }

    /// <summary>An empty blob bound as such: an empty span may reach SQLite as a null pointer, which binds NULL.</summary>
    private int BindBlob(int index, byte[] bytes) =>
        bytes.Length == 0 ? raw.sqlite3_bind_zeroblob(_statement, index, 0) : raw.sqlite3_bind_blob(_statement, index, bytes);

    private void Check(int rc) => SqliteException.ThrowExceptionForRC(rc, _db);

    public void Dispose() => _statement.Dispose();
}
