using NpgsqlTypes;

namespace CxDashboard.Web.Features.Ingestion;

/// <summary>
/// survey_responses on PostgreSQL: rows are streamed into import_responses by binary COPY and checked and merged in SQL at
/// the end of the file, with the rules and messages of <see cref="SurveyResponseRowProcessor"/>: the rated contact must be
/// stored (or earlier in the batch) and of the importer's teams, ids are unique in the file, an unchanged response is left
/// as it is, a changed one updated.
/// </summary>
public sealed class PostgresSurveyResponseRowProcessor(PostgresImportSession session, MasterData masterData, IReadOnlySet<int>? allowedTeams)
    : SurveyResponseRows(session, masterData, allowedTeams)
{
    private const string CopySql = """
        COPY import_responses (line, valid, external_id, contact_external_id, received_at, csat, resolved, nps, comment) FROM STDIN (FORMAT BINARY)
        """;

    private PostgresImportSession Postgres => (PostgresImportSession)Session;

    protected override RowOutcome Write(RowErrors row, ResponseFields fields)
    {
        if (fields.ResponseId is null && fields.ContactId is null) return RowOutcome.Rejected;
        var copy = Postgres.Copy(CopySql);
        copy.StartRow();
        copy.Write(row.Line, NpgsqlDbType.Bigint);
        copy.Write(!row.Any, NpgsqlDbType.Boolean);
        PostgresContactRowProcessor.WriteText(copy, fields.ResponseId);
        PostgresContactRowProcessor.WriteText(copy, fields.ContactId);
        if (fields.ReceivedAtUtc is { } received) copy.Write(received, NpgsqlDbType.TimestampTz); else copy.WriteNull();
        PostgresContactRowProcessor.WriteInt(copy, fields.Csat);
        if (fields.Resolved is { } resolved) copy.Write(resolved, NpgsqlDbType.Boolean); else copy.WriteNull();
        PostgresContactRowProcessor.WriteInt(copy, fields.Nps);
        PostgresContactRowProcessor.WriteText(copy, fields.Comment);
        // A row with errors is staged too: the checks in SQL report its unknown contact or duplicate id as on SQLite.
        return row.Any ? RowOutcome.Rejected : RowOutcome.Deferred;
    }

    public override CompletedRows Complete(CancellationToken ct)
    {
        var session = Postgres;
        // Every check's errors, in the order a row's checks run on SQLite: contact, team, duplicate.
        var found = new List<(ImportError Error, int Check, bool Valid)>();
        session.Query("""
            SELECT s.line, s.valid, s.contact_external_id FROM import_responses s
            WHERE s.contact_external_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "Contacts" c WHERE c."ExternalId" = s.contact_external_id)
            """, r => found.Add((new ImportError(r.GetInt64(0), "contact_id", NoSuchContact(r.GetString(2))), 0, r.GetBoolean(1))));
        if (AllowedTeams is not null)
        {
            var allowed = AllowedTeams.ToArray();
            session.Query("""
                SELECT s.line, s.contact_external_id, c."TeamId" FROM import_responses s JOIN "Contacts" c ON c."ExternalId" = s.contact_external_id
                WHERE s.valid AND (c."TeamId" IS NULL OR c."TeamId" <> ALL (@allowed))
                """, r =>
            {
                var row = new RowErrors();
                row.Start(r.GetInt64(0), null);
                IsTeamAllowed(row, "contact_id", r.IsDBNull(2) ? null : r.GetInt32(2), ImportText.Format(ImportText.ContactWithId, r.GetString(1)));
                foreach (var error in row.All) found.Add((error, 1, true));
            }, new Npgsql.NpgsqlParameter<int[]>("allowed", allowed));
        }
        if (session.HasDuplicateIds("import_responses"))
        {
            session.Query("""
                SELECT line, valid, external_id, first_line
                FROM (SELECT line, valid, external_id, MIN(line) OVER (PARTITION BY external_id) AS first_line FROM import_responses WHERE external_id IS NOT NULL) s
                WHERE line > first_line
                """, r => found.Add((new ImportError(r.GetInt64(0), "response_id", ImportText.Format(ImportText.DuplicateId, r.GetString(2), r.GetInt64(3))), 2, r.GetBoolean(1))));
        }

        var rejectedLines = found.Where(f => f.Valid).Select(f => f.Error.Line).Distinct().ToList();
        session.Execute("DELETE FROM import_responses WHERE NOT valid OR line = ANY (@lines)", new Npgsql.NpgsqlParameter<long[]>("lines", [.. rejectedLines]));
        if (AllowedTeams is not null)
        {
            // Nor may such an importer move (or change) a stored response of a contact of another team.
            var before = rejectedLines.Count;
            session.Query("""
                SELECT s.line, s.external_id, oc."ExternalId", oc."TeamId" FROM import_responses s
                JOIN "SurveyResponses" r ON r."ExternalId" = s.external_id JOIN "Contacts" oc ON oc."Id" = r."ContactId"
                WHERE oc."TeamId" IS NULL OR oc."TeamId" <> ALL (@allowed)
                """, r =>
            {
                var row = new RowErrors();
                row.Start(r.GetInt64(0), null);
                IsTeamAllowed(row, "response_id", r.IsDBNull(3) ? null : r.GetInt32(3), ImportText.Format(ImportText.ResponseOfContact, r.GetString(1), r.GetString(2)));
                foreach (var error in row.All) found.Add((error, 3, true));
                rejectedLines.Add(r.GetInt64(0));
            }, new Npgsql.NpgsqlParameter<int[]>("allowed", AllowedTeams.ToArray()));
            if (rejectedLines.Count > before)
                session.Execute("DELETE FROM import_responses WHERE line = ANY (@lines)", new Npgsql.NpgsqlParameter<long[]>("lines", [.. rejectedLines.Skip(before)]));
        }

        // Changed responses: both the old and the new contact's day change.
        session.Execute("""
            CREATE TEMP TABLE import_response_matches ON COMMIT DROP AS
            SELECT s.line, r."Id" AS id, oc."LocalDate" AS old_date, c."Id" AS contact_id, c."LocalDate" AS local_date,
                (r."ContactId", r."ReceivedAtUtc", r."Csat", r."Resolved", r."Nps", r."Comment")
                IS NOT DISTINCT FROM (c."Id", s.received_at, s.csat, s.resolved, s.nps, s.comment) AS same
            FROM import_responses s JOIN "SurveyResponses" r ON r."ExternalId" = s.external_id
            JOIN "Contacts" c ON c."ExternalId" = s.contact_external_id JOIN "Contacts" oc ON oc."Id" = r."ContactId"
            """);
        var updated = session.Execute("""
            UPDATE "SurveyResponses" r SET "ContactId" = m.contact_id, "ReceivedAtUtc" = s.received_at, "Csat" = s.csat, "Resolved" = s.resolved,
                "Nps" = s.nps, "Comment" = s.comment
            FROM import_response_matches m JOIN import_responses s ON s.line = m.line
            WHERE r."Id" = m.id AND NOT m.same
            """);
        var unchanged = session.Scalar("SELECT COUNT(*) FROM import_response_matches WHERE same");
        session.Execute("""
            INSERT INTO import_changed_dates (local_date)
            SELECT old_date FROM import_response_matches WHERE NOT same UNION SELECT local_date FROM import_response_matches WHERE NOT same
            ON CONFLICT DO NOTHING;
            DELETE FROM import_responses s USING import_response_matches m WHERE s.line = m.line;
            DROP TABLE import_response_matches;
            """);
        var inserted = session.Execute($"""
            INSERT INTO "SurveyResponses" ("ExternalId", "ContactId", "ReceivedAtUtc", "Csat", "Resolved", "Nps", "Comment", "Kind")
            SELECT s.external_id, c."Id", s.received_at, s.csat, s.resolved, s.nps, s.comment, {(int)Data.Entities.SurveyResponseKind.PostContact}
            FROM import_responses s JOIN "Contacts" c ON c."ExternalId" = s.contact_external_id
            ORDER BY s.line
            """);
        var errors = found.OrderBy(f => f.Error.Line).ThenBy(f => f.Check).Select(f => f.Error).ToList();
        return new CompletedRows(inserted, updated, unchanged, rejectedLines.Count, errors);
    }
}
