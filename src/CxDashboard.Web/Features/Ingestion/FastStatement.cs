using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace CxDashboard.Web.Features.Ingestion;

/// <summary>
/// A statement prepared once on the import's connection and run per row through SQLite's own API: parameters bound
/// by position, no reader or parameter objects per execution. ADO.NET's per-call work (binding by name, a data
/// reader per call) cost more than SQLite's own insert at a million rows, so the importer's per-row statements use this.
/// The per-row calls go straight to SQLite's C functions (see <see cref="Native"/>). It runs inside the import's
/// transaction, which is the connection's.
/// </summary>
public sealed unsafe class FastStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    // The raw handles, for the per-row calls; the SafeHandles above own them and keep them alive.
    private readonly IntPtr _dbHandle;
    private readonly IntPtr _statementHandle;

    // One buffer per parameter, pinned, that text is encoded into and SQLite reads in place (SQLITE_STATIC) until the
    // parameter is bound again: no copy allocated, filled and freed by SQLite for every text value of every row.
    private readonly byte[]?[] _textBuffers;

    public FastStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(_db, sql, out _statement), _db);
        _dbHandle = _db.DangerousGetHandle();
        _statementHandle = _statement.DangerousGetHandle();
        _textBuffers = new byte[]?[raw.sqlite3_bind_parameter_count(_statement) + 1];
    }

    /// <summary>Parameters are numbered from 1, in the order ?1, ?2, … of the SQL.</summary>
    public FastStatement Bind(int index, string? value)
    {
        if (value is null) return BindNull(index);
        var length = Encoding.UTF8.GetMaxByteCount(value.Length);
        ref var buffer = ref _textBuffers[index];
        if (buffer is null || buffer.Length < length) buffer = GC.AllocateUninitializedArray<byte>(Math.Max(length, 64), pinned: true);
        var written = Encoding.UTF8.GetBytes(value, buffer);
        fixed (byte* text = buffer)
        {
            Check(Native.BindText(_statementHandle, index, text, written, Native.Static));
        }
        return this;
    }

    /// <summary>Binds text already encoded as UTF-8.</summary>
    public FastStatement BindUtf8(int index, ReadOnlySpan<byte> utf8)
    {
        fixed (byte* text = utf8)
        {
            Check(Native.BindText(_statementHandle, index, text, utf8.Length, Native.Transient));
        }
        return this;
    }

    /// <summary>The rowid of the last row this connection inserted.</summary>
    public long LastInsertRowId => Native.LastInsertRowId(_dbHandle);

    public FastStatement Bind(int index, long value)
    {
        Check(Native.BindInt64(_statementHandle, index, value));
        return this;
    }

    public FastStatement Bind(int index, long? value) =>
        value is { } v ? Bind(index, v) : BindNull(index);

    public FastStatement Bind(int index, bool value) => Bind(index, value ? 1L : 0L);

    public FastStatement BindNull(int index)
    {
        Check(Native.BindNull(_statementHandle, index));
        return this;
    }

    /// <summary>Runs a statement that returns no rows; the number of rows it changed.</summary>
    public int Execute()
    {
        try
        {
            var rc = Native.Step(_statementHandle);
            while (rc == raw.SQLITE_ROW) rc = Native.Step(_statementHandle);
            if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, _db);
            return Native.Changes(_dbHandle);
        }
        finally
        {
            Native.Reset(_statementHandle);
        }
    }

    /// <summary>Runs a query up to its first row: true with the row's columns readable until <see cref="Reset"/>.</summary>
    public bool ReadFirst()
    {
        var rc = Native.Step(_statementHandle);
        if (rc == raw.SQLITE_ROW) return true;
        Native.Reset(_statementHandle);
        if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, _db);
        return false;
    }

    /// <summary>Steps through a query's rows: true on each row, false (and reset) after the last.</summary>
    public bool ReadNext() => ReadFirst();

    public bool IsNull(int column) => Native.ColumnType(_statementHandle, column) == raw.SQLITE_NULL;
    public long Int64(int column) => Native.ColumnInt64(_statementHandle, column);
    public long? NullableInt64(int column) => IsNull(column) ? null : Int64(column);
    public string? Text(int column) => IsNull(column) ? null : Encoding.UTF8.GetString(Utf8(column));

    /// <summary>A text column's UTF-8 bytes, valid until the next step: compared without making a string per row.</summary>
    public ReadOnlySpan<byte> Utf8(int column)
    {
        var bytes = Native.ColumnBlob(_statementHandle, column);
        return bytes is null ? [] : new ReadOnlySpan<byte>(bytes, Native.ColumnBytes(_statementHandle, column));
    }

    /// <summary>Ends a query read with <see cref="ReadFirst"/>, so the statement can run again.</summary>
    public void Reset() => Native.Reset(_statementHandle);

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _db);
    }

    public void Dispose() => _statement.Dispose();

    /// <summary>
    /// SQLite's C functions for the per-row calls, from the same native library Microsoft.Data.Sqlite loaded. Through
    /// SQLitePCL's wrappers every call also counts references on the SafeHandles it is given; at tens of millions of
    /// calls per million rows that was measured at about 4 % of a first import's time. The short calls (bind, column,
    /// changes) skip the GC transition too; step and reset, which do the actual work, do not.
    /// </summary>
    private static class Native
    {
        public static readonly IntPtr Transient = new(-1); // SQLITE_TRANSIENT: SQLite copies the bound bytes
        public static readonly IntPtr Static = IntPtr.Zero; // SQLITE_STATIC: the bytes stay where they are until bound again

        private static readonly IntPtr Library = NativeLibrary.Load("e_sqlite3", typeof(SQLite3Provider_e_sqlite3).Assembly, null);

        private static IntPtr Export(string name) => NativeLibrary.GetExport(Library, name);

        private static readonly delegate* unmanaged[SuppressGCTransition]<IntPtr, int, long, int> bindInt64 =
            (delegate* unmanaged[SuppressGCTransition]<IntPtr, int, long, int>)Export("sqlite3_bind_int64");
        private static readonly delegate* unmanaged[SuppressGCTransition]<IntPtr, int, byte*, int, IntPtr, int> bindText =
            (delegate* unmanaged[SuppressGCTransition]<IntPtr, int, byte*, int, IntPtr, int>)Export("sqlite3_bind_text");
        private static readonly delegate* unmanaged[SuppressGCTransition]<IntPtr, int, int> bindNull =
            (delegate* unmanaged[SuppressGCTransition]<IntPtr, int, int>)Export("sqlite3_bind_null");
        private static readonly delegate* unmanaged<IntPtr, int> step = (delegate* unmanaged<IntPtr, int>)Export("sqlite3_step");
        private static readonly delegate* unmanaged<IntPtr, int> reset = (delegate* unmanaged<IntPtr, int>)Export("sqlite3_reset");
        private static readonly delegate* unmanaged[SuppressGCTransition]<IntPtr, int> changes =
            (delegate* unmanaged[SuppressGCTransition]<IntPtr, int>)Export("sqlite3_changes");
        private static readonly delegate* unmanaged[SuppressGCTransition]<IntPtr, long> lastInsertRowId =
            (delegate* unmanaged[SuppressGCTransition]<IntPtr, long>)Export("sqlite3_last_insert_rowid");
        private static readonly delegate* unmanaged[SuppressGCTransition]<IntPtr, int, int> columnType =
            (delegate* unmanaged[SuppressGCTransition]<IntPtr, int, int>)Export("sqlite3_column_type");
        private static readonly delegate* unmanaged[SuppressGCTransition]<IntPtr, int, long> columnInt64 =
            (delegate* unmanaged[SuppressGCTransition]<IntPtr, int, long>)Export("sqlite3_column_int64");
        private static readonly delegate* unmanaged[SuppressGCTransition]<IntPtr, int, byte*> columnBlob =
            (delegate* unmanaged[SuppressGCTransition]<IntPtr, int, byte*>)Export("sqlite3_column_blob");
        private static readonly delegate* unmanaged[SuppressGCTransition]<IntPtr, int, int> columnBytes =
            (delegate* unmanaged[SuppressGCTransition]<IntPtr, int, int>)Export("sqlite3_column_bytes");

        public static int BindInt64(IntPtr statement, int index, long value) => bindInt64(statement, index, value);
        public static int BindText(IntPtr statement, int index, byte* text, int length, IntPtr destructor) => bindText(statement, index, text, length, destructor);
        public static int BindNull(IntPtr statement, int index) => bindNull(statement, index);
        public static int Step(IntPtr statement) => step(statement);
        public static int Reset(IntPtr statement) => reset(statement);
        public static int Changes(IntPtr db) => changes(db);
        public static long LastInsertRowId(IntPtr db) => lastInsertRowId(db);
        public static int ColumnType(IntPtr statement, int column) => columnType(statement, column);
        public static long ColumnInt64(IntPtr statement, int column) => columnInt64(statement, column);
        public static byte* ColumnBlob(IntPtr statement, int column) => columnBlob(statement, column);
        public static int ColumnBytes(IntPtr statement, int column) => columnBytes(statement, column);
    }
}
