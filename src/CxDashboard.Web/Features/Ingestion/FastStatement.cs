using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace CxDashboard.Web.Features.Ingestion;

/// <summary>
/// A statement prepared once on the import's connection and run per row through SQLite's own API: parameters bound
/// by position, no reader or parameter objects per execution. ADO.NET's per-call work (binding by name, a data
/// reader per call) cost more than SQLite's own insert at a million rows, so the importer's per-row statements use this.
/// It runs inside the import's transaction, which is the connection's.
/// </summary>
public sealed class FastStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private byte[] _utf8 = new byte[256];

    public FastStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(_db, sql, out _statement), _db);
    }

    /// <summary>Parameters are numbered from 1, in the order ?1, ?2, … of the SQL.</summary>
    public FastStatement Bind(int index, string? value)
    {
        if (value is null) return BindNull(index);
        // Encoded into a reused buffer: the string overload allocates a new UTF-8 copy for every value.
        var length = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (length > _utf8.Length) _utf8 = new byte[Math.Max(length, _utf8.Length * 2)];
        var written = Encoding.UTF8.GetBytes(value, _utf8);
        Check(raw.sqlite3_bind_text(_statement, index, _utf8.AsSpan(0, written)));
        return this;
    }

    /// <summary>Binds text already encoded as UTF-8.</summary>
    public FastStatement BindUtf8(int index, ReadOnlySpan<byte> utf8)
    {
        Check(raw.sqlite3_bind_text(_statement, index, utf8));
        return this;
    }

    /// <summary>The rowid of the last row this connection inserted.</summary>
    public long LastInsertRowId => raw.sqlite3_last_insert_rowid(_db);

    public FastStatement Bind(int index, long value)
    {
        Check(raw.sqlite3_bind_int64(_statement, index, value));
        return this;
    }

    public FastStatement Bind(int index, long? value) =>
        value is { } v ? Bind(index, v) : BindNull(index);

    public FastStatement Bind(int index, bool value) => Bind(index, value ? 1L : 0L);

    public FastStatement BindNull(int index)
    {
        Check(raw.sqlite3_bind_null(_statement, index));
        return this;
    }

    /// <summary>Runs a statement that returns no rows; the number of rows it changed.</summary>
    public int Execute()
    {
        try
        {
            var rc = raw.sqlite3_step(_statement);
            while (rc == raw.SQLITE_ROW) rc = raw.sqlite3_step(_statement);
            if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, _db);
            return raw.sqlite3_changes(_db);
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    /// <summary>Runs a query up to its first row: true with the row's columns readable until <see cref="Reset"/>.</summary>
    public bool ReadFirst()
    {
        var rc = raw.sqlite3_step(_statement);
        if (rc == raw.SQLITE_ROW) return true;
        raw.sqlite3_reset(_statement);
        if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, _db);
        return false;
    }

    /// <summary>Steps through a query's rows: true on each row, false (and reset) after the last.</summary>
    public bool ReadNext() => ReadFirst();

    public bool IsNull(int column) => raw.sqlite3_column_type(_statement, column) == raw.SQLITE_NULL;
    public long Int64(int column) => raw.sqlite3_column_int64(_statement, column);
    public long? NullableInt64(int column) => IsNull(column) ? null : Int64(column);
    public string? Text(int column) => IsNull(column) ? null : raw.sqlite3_column_text(_statement, column).utf8_to_string();

    /// <summary>A text column's UTF-8 bytes, valid until the next step: compared without making a string per row.</summary>
    public ReadOnlySpan<byte> Utf8(int column) => raw.sqlite3_column_blob(_statement, column);

    /// <summary>Ends a query read with <see cref="ReadFirst"/>, so the statement can run again.</summary>
    public void Reset() => raw.sqlite3_reset(_statement);

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _db);
    }

    public void Dispose() => _statement.Dispose();
}
