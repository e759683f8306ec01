using CxDashboard.Web.Data.Entities;

namespace CxDashboard.Web.Features.Ingestion;

/// <summary>contacts on SQLite: upserts the customer and inserts or updates the contact by contact_id, row by row.</summary>
public sealed class ContactRowProcessor : ContactRows
{
    private readonly CustomerWriter _customers;

    private SqliteImportSession Sqlite => (SqliteImportSession)Session;

    // Into an empty table every row is new: no lookup, and duplicates in the file are found among the rows inserted.
    private readonly bool _tableWasEmpty;
    private readonly InsertedIds _inserted;

    // New contacts wait to be inserted in batches; those of an empty table tell the duplicate check their lines.
    private readonly BatchInsert<(string ExternalId, ContactValues Values, long Line)> _newRows;

    public ContactRowProcessor(SqliteImportSession session, MasterData masterData, IReadOnlySet<int>? allowedTeams, long expectedRows)
        : base(session, masterData, allowedTeams)
    {
        _customers = new CustomerWriter(session, expectedRows, allowedTeams);
        _tableWasEmpty = PrepareLoad(session, expectedRows);
        _inserted = new InsertedIds(expectedRows);
        _newRows = new(session, "\"Contacts\" (\"ExternalId\", " + ValueColumns + ")", 10,
            (insert, offset, row) => Bind(insert.Bind(offset + 1, row.ExternalId), offset, row.Values),
            _tableWasEmpty ? (row, rowId) => _inserted.Inserted(rowId, row.Line) : null);
    }

    /// <summary>
    /// Whether the table is empty; a large load into an empty table builds the non-unique indexes once after the rows
    /// (see <see cref="SqliteImportSession.SuspendIndexes"/>) instead of keeping them current row by row.
    /// </summary>
    private static bool PrepareLoad(SqliteImportSession session, long expectedRows)
    {
        var empty = session.ContactsTableIsEmpty();
        if (empty && expectedRows >= BulkLoadRows) session.SuspendIndexes("Contacts");
        return empty;
    }

    protected override bool IsDuplicate(RowErrors row, string contactId) =>
        _tableWasEmpty ? IsDuplicateOfInserted(row, contactId) : IsDuplicateInFile(row, "contact_id", contactId);

    protected override RowOutcome Write(RowErrors row, ContactFields fields, ResolvedContact resolved)
    {
        // An importer limited to teams may not take over (or change) a stored contact of another team.
        var existing = _tableWasEmpty ? null : Find(fields.ContactId!);
        if (AllowedTeams is not null && existing is { } stored && !IsTeamAllowed(row, "contact_id", stored.Values.TeamId, ImportText.Format(ImportText.ContactWithId, fields.ContactId)))
            return RowOutcome.Rejected;

        var customerKey = _customers.Write(fields.CustomerId!, fields.Customer, row);
        if (customerKey is null) return RowOutcome.Rejected;
        var contact = new ContactValues(customerKey.Value, resolved.AgentId, resolved.TeamId, fields.Channel, resolved.ReasonId, fields.StartedAtUtc!.Value,
            fields.LocalDate!.Value.Text, fields.HandleSeconds, fields.EscalatedFromBot);
        return Write(fields.ContactId!, contact, existing, row.Line);
    }

    private bool IsDuplicateOfInserted(RowErrors row, string contactId)
    {
        if (!_inserted.MaybeSeen(contactId)) return false;
        _newRows.Flush();
        var select = Sqlite.Statement("""SELECT "Id" FROM "Contacts" WHERE "ExternalId" = ?1""");
        if (!select.Bind(1, contactId).ReadFirst()) return false;
        var rowId = select.Int64(0);
        select.Reset();
        row.Add("contact_id", ImportText.Format(ImportText.DuplicateId, contactId, _inserted.LineOf(rowId)));
        return true;
    }

    private const string ValueColumns = """
        "CustomerId", "AgentId", "TeamId", "Channel", "ReasonId", "StartedAtUtc", "LocalDate", "HandleSeconds", "EscalatedFromBot"
        """;

    private RowOutcome Write(string externalId, ContactValues values, (long Id, ContactValues Values)? existing, long line)
    {
        if (existing is { } current)
        {
            if (current.Values == values) return RowOutcome.Unchanged;
            var update = Sqlite.Statement($"""UPDATE "Contacts" SET ({ValueColumns}) = (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) WHERE "Id" = ?1""");
            Bind(update.Bind(1, current.Id), 0, values).Execute();
            Sqlite.MarkCustomerChanged(current.Values.CustomerId);
            Sqlite.MarkCustomerChanged(values.CustomerId);
            Sqlite.MarkDateChanged(current.Values.LocalDate);
            Sqlite.MarkDateChanged(values.LocalDate);
            return RowOutcome.Updated;
        }

        // New contacts need no marks: the timeline refresh and the changed dates find them by their ids.
        _newRows.Add((externalId, values, line));
        return RowOutcome.Inserted;
    }

    public override CompletedRows Complete(CancellationToken ct)
    {
        _customers.InsertPending();
        _newRows.Flush();
        return CompletedRows.None;
    }

    /// <summary>Binds the values to ?(offset+2)…?(offset+10), in the order of <see cref="ValueColumns"/>.</summary>
    private static FastStatement Bind(FastStatement statement, int offset, ContactValues values) => statement
        .Bind(offset + 2, values.CustomerId).Bind(offset + 3, values.AgentId).Bind(offset + 4, values.TeamId).Bind(offset + 5, (long)values.Channel)
        .Bind(offset + 6, values.ReasonId).Bind(offset + 7, values.StartedAtUtc.Ticks).Bind(offset + 8, values.LocalDate)
        .Bind(offset + 9, values.HandleSeconds).Bind(offset + 10, values.EscalatedFromBot);

    private (long Id, ContactValues Values)? Find(string externalId)
    {
        var select = Sqlite.Statement($"""SELECT "Id", {ValueColumns} FROM "Contacts" WHERE "ExternalId" = ?1""");
        if (!select.Bind(1, externalId).ReadFirst()) return null;
        var found = (select.Int64(0), new ContactValues(
            select.Int64(1),
            (int?)select.NullableInt64(2),
            (int?)select.NullableInt64(3),
            (Channel)select.Int64(4),
            (int)select.Int64(5),
            new DateTime(select.Int64(6), DateTimeKind.Utc),
            select.Text(7)!,
            (int?)select.NullableInt64(8),
            select.Int64(9) != 0));
        select.Reset();
        return found;
    }

    private readonly record struct ContactValues(
        long CustomerId, int? AgentId, int? TeamId, Channel Channel, int ReasonId, DateTime StartedAtUtc,
        string LocalDate, int? HandleSeconds, bool EscalatedFromBot);
}
