namespace CxDashboard.Web.Features.Ingestion;

/// <summary>survey_responses: what both databases' writers share, the reading and checking of a row by itself.</summary>
public abstract class SurveyResponseRows(ImportSession session, MasterData masterData, IReadOnlySet<int>? allowedTeams)
    : RowProcessor<SurveyResponseRows.ResponseFields>(session, masterData, allowedTeams)
{
    protected sealed override ResponseFields ParseFields(RowReader row) => new(
        ResponseId: row.RequiredText("response_id", 100),
        ContactId: row.RequiredText("contact_id", 100),
        ReceivedAtUtc: row.RequiredTimestamp("received_at"),
        Csat: row.RequiredInteger("csat", 1, 5, ImportText.CsatRule),
        Resolved: row.Boolean("resolved"),
        Nps: row.Integer("nps", 0, 10, ImportText.NpsRule),
        Comment: row.Text("comment", 4000));

    /// <summary>A survey response row as read, before its contact is found.</summary>
    public sealed record ResponseFields(string? ResponseId, string? ContactId, DateTime? ReceivedAtUtc, int? Csat, bool? Resolved, int? Nps, string? Comment);

    /// <summary>The message for a response whose contact is neither stored nor earlier in the batch.</summary>
    protected static string NoSuchContact(string contactId) => ImportText.Format(ImportText.NoSuchContact, contactId);
}

/// <summary>survey_responses on SQLite: each response rates a contact that exists already or earlier in the same batch.</summary>
public sealed class SurveyResponseRowProcessor(SqliteImportSession session, MasterData masterData, IReadOnlySet<int>? allowedTeams)
    : SurveyResponseRows(session, masterData, allowedTeams)
{
    private SqliteImportSession Sqlite => (SqliteImportSession)Session;

    protected override RowOutcome Write(RowErrors row, ResponseFields fields)
    {
        RatedContact? contact = null;
        if (fields.ContactId is not null)
        {
            contact = FindContact(fields.ContactId);
            if (contact is null)
                row.Add("contact_id", NoSuchContact(fields.ContactId));
            else if (!row.Any)
                IsTeamAllowed(row, "contact_id", contact.Value.TeamId, ImportText.Format(ImportText.ContactWithId, fields.ContactId));
        }
        if (fields.ResponseId is not null && IsDuplicateInFile(row, "response_id", fields.ResponseId)) return RowOutcome.Rejected;
        if (row.Any) return RowOutcome.Rejected;

        // An importer limited to teams may not move (or change) a stored response to a contact of another team.
        var existing = Find(fields.ResponseId!);
        if (AllowedTeams is not null && existing is { } stored &&
            !IsTeamAllowed(row, "response_id", stored.ContactTeamId, ImportText.Format(ImportText.ResponseOfContact, fields.ResponseId, stored.ContactExternalId)))
            return RowOutcome.Rejected;

        var values = new ResponseValues(contact!.Value.Id, fields.ReceivedAtUtc!.Value, fields.Csat!.Value, fields.Resolved, fields.Nps, fields.Comment);
        return Write(fields.ResponseId!, values, existing, contact.Value.LocalDate);
    }

    private RowOutcome Write(string externalId, ResponseValues values, StoredResponse? existing, string localDate)
    {
        if (existing is { } current && current.Values == values) return RowOutcome.Unchanged;

        var statement = existing is null
            ? Sqlite.Statement("""
              INSERT INTO "SurveyResponses" ("ExternalId", "ContactId", "ReceivedAtUtc", "Csat", "Resolved", "Nps", "Comment", "Kind")
              VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1)
              """)
            : Sqlite.Statement("""
              UPDATE "SurveyResponses" SET "ContactId" = ?2, "ReceivedAtUtc" = ?3, "Csat" = ?4, "Resolved" = ?5, "Nps" = ?6, "Comment" = ?7
              WHERE "ExternalId" = ?1
              """);
        statement.Bind(1, externalId).Bind(2, values.ContactId).Bind(3, values.ReceivedAtUtc.Ticks).Bind(4, values.Csat)
            .Bind(5, values.Resolved is { } r ? (r ? 1 : 0) : null).Bind(6, values.Nps).Bind(7, values.Comment).Execute();
        if (existing is { } updated)
        {
            // New responses are found by their ids; an update may move a response between contacts, so both dates change.
            Sqlite.MarkDateChanged(updated.ContactLocalDate);
            Sqlite.MarkDateChanged(localDate);
        }
        return existing is null ? RowOutcome.Inserted : RowOutcome.Updated;
    }

    private readonly record struct RatedContact(long Id, int? TeamId, string LocalDate);

    private RatedContact? FindContact(string externalId)
    {
        var select = Sqlite.Statement("""SELECT "Id", "TeamId", "LocalDate" FROM "Contacts" WHERE "ExternalId" = ?1""");
        if (!select.Bind(1, externalId).ReadFirst()) return null;
        var contact = new RatedContact(select.Int64(0), (int?)select.NullableInt64(1), select.Text(2)!);
        select.Reset();
        return contact;
    }

    private readonly record struct StoredResponse(long Id, ResponseValues Values, string ContactLocalDate, int? ContactTeamId, string ContactExternalId);

    private StoredResponse? Find(string externalId)
    {
        var select = Sqlite.Statement("""
            SELECT r."Id", r."ContactId", r."ReceivedAtUtc", r."Csat", r."Resolved", r."Nps", r."Comment", c."LocalDate", c."TeamId", c."ExternalId"
            FROM "SurveyResponses" r JOIN "Contacts" c ON c."Id" = r."ContactId" WHERE r."ExternalId" = ?1
            """);
        if (!select.Bind(1, externalId).ReadFirst()) return null;
        var found = new StoredResponse(select.Int64(0), new ResponseValues(
            select.Int64(1),
            new DateTime(select.Int64(2), DateTimeKind.Utc),
            (int)select.Int64(3),
            select.NullableInt64(4) is { } resolved ? resolved != 0 : null,
            (int?)select.NullableInt64(5),
            select.Text(6)), select.Text(7)!, (int?)select.NullableInt64(8), select.Text(9)!);
        select.Reset();
        return found;
    }

    private readonly record struct ResponseValues(
        long ContactId, DateTime ReceivedAtUtc, int Csat, bool? Resolved, int? Nps, string? Comment);
}
