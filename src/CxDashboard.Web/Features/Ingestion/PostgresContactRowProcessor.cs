using Npgsql;
using NpgsqlTypes;

namespace CxDashboard.Web.Features.Ingestion;

/// <summary>
/// contacts on PostgreSQL: each checked row is streamed into the import_contacts staging table by binary COPY; at the
/// end of the file <see cref="Complete"/> finds duplicate ids, merges the customers' details, and inserts or updates the
/// contacts, each with one statement. The rules are those of <see cref="ContactRowProcessor"/> on SQLite: a customer's
/// empty cells keep what is stored, do-not-contact is only ever set, a duplicate id names the line it was first on.
/// </summary>
public sealed class PostgresContactRowProcessor(PostgresImportSession session, MasterData masterData, IReadOnlySet<int>? allowedTeams)
    : ContactRows(session, masterData, allowedTeams)
{
    private const string CopySql = """
        COPY import_contacts (line, valid, external_id, customer_external_id, name, phone, email, do_not_contact, agent_id, team_id, channel,
            reason_id, started_at, local_date, handle_seconds, escalated) FROM STDIN (FORMAT BINARY)
        """;

    private PostgresImportSession Postgres => (PostgresImportSession)Session;

    /// <summary>
    /// Checked in SQL once every row is staged: a row with errors is staged by its id alone, so a later row with the same id
    /// is still reported as its duplicate.
    /// </summary>
    protected override bool IsDuplicate(RowErrors row, string contactId)
    {
        if (row.Any)
        {
            var copy = Postgres.Copy(CopySql);
            copy.StartRow();
            copy.Write(row.Line, NpgsqlDbType.Bigint);
            copy.Write(false, NpgsqlDbType.Boolean);
            copy.Write(contactId, NpgsqlDbType.Text);
            for (var i = 3; i < 16; i++) copy.WriteNull();
        }
        return false;
    }

    protected override RowOutcome Write(RowErrors row, ContactFields fields, ResolvedContact resolved)
    {
        var copy = Postgres.Copy(CopySql);
        copy.StartRow();
        copy.Write(row.Line, NpgsqlDbType.Bigint);
        copy.Write(true, NpgsqlDbType.Boolean);
        copy.Write(fields.ContactId!, NpgsqlDbType.Text);
        copy.Write(fields.CustomerId!, NpgsqlDbType.Text);
        WriteText(copy, fields.Customer.Name);
        WriteText(copy, fields.Customer.Phone);
        WriteText(copy, fields.Customer.Email);
        copy.Write(fields.Customer.DoNotContact, NpgsqlDbType.Boolean);
        WriteInt(copy, resolved.AgentId);
        WriteInt(copy, resolved.TeamId);
        copy.Write((int)fields.Channel, NpgsqlDbType.Integer);
        copy.Write(resolved.ReasonId, NpgsqlDbType.Integer);
        copy.Write(fields.StartedAtUtc!.Value, NpgsqlDbType.TimestampTz);
        copy.Write(fields.LocalDate!.Value.Date, NpgsqlDbType.Date);
        WriteInt(copy, fields.HandleSeconds);
        copy.Write(fields.EscalatedFromBot, NpgsqlDbType.Boolean);
        return RowOutcome.Deferred;
    }

    internal static void WriteText(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null) copy.WriteNull();
        else copy.Write(value, NpgsqlDbType.Text);
    }

    internal static void WriteInt(NpgsqlBinaryImporter copy, int? value)
    {
        if (value is { } v) copy.Write(v, NpgsqlDbType.Integer);
        else copy.WriteNull();
    }

    public override CompletedRows Complete(CancellationToken ct)
    {
        var session = Postgres;
        var errors = new List<ImportError>();
        long rejected = 0;
        // A second row with an id already on an earlier line, whatever that line's state, is the duplicate.
        if (session.HasDuplicateIds("import_contacts"))
        {
            session.Query("""
                WITH duplicates AS (
                    SELECT line, valid, external_id, first_line
                    FROM (SELECT line, valid, external_id, MIN(line) OVER (PARTITION BY external_id) AS first_line FROM import_contacts) s
                    WHERE line > first_line),
                removed AS (DELETE FROM import_contacts s USING duplicates d WHERE s.line = d.line)
                SELECT line, valid, external_id, first_line FROM duplicates ORDER BY line
                """, r =>
            {
                errors.Add(new ImportError(r.GetInt64(0), "contact_id", ImportText.Format(ImportText.DuplicateId, r.GetString(2), r.GetInt64(3))));
                if (r.GetBoolean(1)) rejected++;
            });
        }
        session.Execute("DELETE FROM import_contacts WHERE NOT valid");
        if (AllowedTeams is not null) rejected += RejectOutsideTeams(session, AllowedTeams.ToArray(), errors);

        MergeCustomers(session);

        long updated = 0, unchanged = 0;
        var contactsEmpty = session.ContactsTableIsEmpty();
        if (!contactsEmpty && session.Scalar("""SELECT EXISTS (SELECT 1 FROM "Contacts" c JOIN import_contacts s ON s.external_id = c."ExternalId")""") == 1)
        {
            session.Execute("""
                CREATE TEMP TABLE import_contact_matches ON COMMIT DROP AS
                SELECT s.line, c."Id" AS id, c."CustomerId" AS old_customer, c."LocalDate" AS old_date, cu."Id" AS customer_id, s.local_date,
                    (c."CustomerId", c."AgentId", c."TeamId", c."Channel", c."ReasonId", c."StartedAtUtc", c."LocalDate", c."HandleSeconds", c."EscalatedFromBot")
                    IS NOT DISTINCT FROM (cu."Id", s.agent_id, s.team_id, s.channel, s.reason_id, s.started_at, s.local_date, s.handle_seconds, s.escalated) AS same
                FROM import_contacts s JOIN "Contacts" c ON c."ExternalId" = s.external_id JOIN "Customers" cu ON cu."ExternalId" = s.customer_external_id
                """);
            updated = session.Execute("""
                UPDATE "Contacts" c SET "CustomerId" = m.customer_id, "AgentId" = s.agent_id, "TeamId" = s.team_id, "Channel" = s.channel,
                    "ReasonId" = s.reason_id, "StartedAtUtc" = s.started_at, "LocalDate" = s.local_date, "HandleSeconds" = s.handle_seconds,
                    "EscalatedFromBot" = s.escalated
                FROM import_contact_matches m JOIN import_contacts s ON s.line = m.line
                WHERE c."Id" = m.id AND NOT m.same
                """);
            unchanged = session.Scalar("SELECT COUNT(*) FROM import_contact_matches WHERE same");
            // An updated contact changes the timelines of its old and new customer and the figures of its old and new day.
            session.Execute("""
                INSERT INTO import_customers (customer_id)
                SELECT old_customer FROM import_contact_matches WHERE NOT same UNION SELECT customer_id FROM import_contact_matches WHERE NOT same
                ON CONFLICT DO NOTHING;
                INSERT INTO import_changed_dates (local_date)
                SELECT old_date FROM import_contact_matches WHERE NOT same UNION SELECT local_date FROM import_contact_matches WHERE NOT same
                ON CONFLICT DO NOTHING;
                DELETE FROM import_contacts s USING import_contact_matches m WHERE s.line = m.line;
                DROP TABLE import_contact_matches;
                """);
        }
        session.ComputeGapsBeforeInsert(contactsEmpty, ct);
        var bulkLoad = contactsEmpty && session.Scalar("SELECT COUNT(*) FROM import_contacts") >= BulkLoadRows;
        var suspended = bulkLoad ? session.SuspendIndexesAndForeignKeys("Contacts") : [];
        var inserted = session.Execute("""
            INSERT INTO "Contacts" ("ExternalId", "CustomerId", "AgentId", "TeamId", "Channel", "ReasonId", "StartedAtUtc", "LocalDate",
                "HandleSeconds", "EscalatedFromBot", "PrevGapTicks", "PrevSameReasonGapTicks", "NextGapTicks", "NextSameReasonGapTicks")
            SELECT s.external_id, cu."Id", s.agent_id, s.team_id, s.channel, s.reason_id, s.started_at, s.local_date, s.handle_seconds, s.escalated,
                g.prev, g.prev_same, g.next, g.next_same
            FROM import_contacts s JOIN "Customers" cu ON cu."ExternalId" = s.customer_external_id LEFT JOIN import_new_gaps g ON g.line = s.line
            ORDER BY s.line
            """);
        session.Restore(suspended);
        return new CompletedRows(inserted, updated, unchanged, rejected, [.. errors.OrderBy(e => e.Line)]);
    }

    /// <summary>
    /// Customers: the file's last non-empty value of each detail replaces the stored one; do-not-contact is only set. Each
    /// change of a stored customer's details is recorded first (the net change of the import, field by field). A large
    /// first load into an empty customers table inserts them plainly and builds the table's indexes once after.
    /// </summary>
    private static void MergeCustomers(PostgresImportSession session)
    {
        // A detail's last non-empty value is the maximum of "line, zero-padded, then value" in byte order: one hash
        // aggregate over the staged rows instead of a sort of them by customer and line.
        session.Execute("""
            CREATE TEMP TABLE import_customer_details ON COMMIT DROP AS
            SELECT customer_external_id AS external_id, MIN(line) AS first_line,
                substr(max((lpad(line::text, 19, '0') || name) COLLATE "C"), 20) AS name,
                substr(max((lpad(line::text, 19, '0') || phone) COLLATE "C"), 20) AS phone,
                substr(max((lpad(line::text, 19, '0') || email) COLLATE "C"), 20) AS email,
                bool_or(do_not_contact) AS do_not_contact
            FROM import_contacts GROUP BY customer_external_id
            """);
        if (session.Scalar("""SELECT CASE WHEN EXISTS (SELECT 1 FROM "Customers") THEN 0 ELSE 1 END""") == 1)
        {
            var suspended = session.Scalar("SELECT COUNT(*) FROM import_customer_details") >= BulkLoadRows
                ? session.SuspendIndexesAndForeignKeys("Customers")
                : [];
            session.Execute("""
                INSERT INTO "Customers" ("ExternalId", "Name", "Phone", "Email", "DoNotContact")
                SELECT external_id, name, phone, email, do_not_contact FROM import_customer_details ORDER BY first_line;
                DROP TABLE import_customer_details;
                """);
            session.Restore(suspended);
            return;
        }
        var source = session.ChangeSource;
        session.Execute("""
            INSERT INTO "CustomerChanges" ("CustomerId", "ChangedAtUtc", "Field", "OldValue", "NewValue", "ChangedBy", "Source", "ImportRunId")
            SELECT cu."Id", @at, f.field, f.old, f.new, LEFT(@by, 256), LEFT(@source, 300), @run
            FROM import_customer_details d JOIN "Customers" cu ON cu."ExternalId" = d.external_id
            CROSS JOIN LATERAL (VALUES
                (1, 'customer_name', cu."Name", COALESCE(d.name, cu."Name")),
                (2, 'customer_phone', cu."Phone", COALESCE(d.phone, cu."Phone")),
                (3, 'customer_email', cu."Email", COALESCE(d.email, cu."Email")),
                (4, 'do_not_contact', cu."DoNotContact"::text, (cu."DoNotContact" OR d.do_not_contact)::text)) f(ord, field, old, new)
            WHERE f.old IS DISTINCT FROM f.new
            ORDER BY d.first_line, f.ord
            """,
            new NpgsqlParameter<DateTime>("at", DateTime.SpecifyKind(session.StartedAtUtc, DateTimeKind.Utc)),
            new NpgsqlParameter<string>("by", source.ChangedBy),
            new NpgsqlParameter<string>("source", source.Source),
            new NpgsqlParameter("run", NpgsqlDbType.Bigint) { Value = (object?)source.ImportRunId ?? DBNull.Value });
        session.Execute("""
            INSERT INTO "Customers" ("ExternalId", "Name", "Phone", "Email", "DoNotContact")
            SELECT external_id, name, phone, email, do_not_contact FROM import_customer_details ORDER BY first_line
            ON CONFLICT ("ExternalId") DO UPDATE SET
                "Name" = COALESCE(excluded."Name", "Customers"."Name"), "Phone" = COALESCE(excluded."Phone", "Customers"."Phone"),
                "Email" = COALESCE(excluded."Email", "Customers"."Email"), "DoNotContact" = "Customers"."DoNotContact" OR excluded."DoNotContact"
            WHERE ("Customers"."Name", "Customers"."Phone", "Customers"."Email", "Customers"."DoNotContact") IS DISTINCT FROM
                (COALESCE(excluded."Name", "Customers"."Name"), COALESCE(excluded."Phone", "Customers"."Phone"),
                 COALESCE(excluded."Email", "Customers"."Email"), "Customers"."DoNotContact" OR excluded."DoNotContact");
            DROP TABLE import_customer_details;
            """);
    }

    /// <summary>
    /// For an importer limited to teams, the rules of <see cref="ContactRowProcessor"/>: a row may not take over a stored
    /// contact of another team, nor change the details of a customer who has contacts outside the importer's teams (or of
    /// no team). Such rows are removed from the staging table; the count of them is returned.
    /// </summary>
    private long RejectOutsideTeams(PostgresImportSession session, int[] allowed, List<ImportError> errors)
    {
        var rejectedLines = new List<long>();
        session.Query("""
            SELECT s.line, s.external_id, c."TeamId" FROM import_contacts s JOIN "Contacts" c ON c."ExternalId" = s.external_id
            WHERE c."TeamId" IS NULL OR c."TeamId" <> ALL (@allowed)
            """, r =>
        {
            var row = new RowErrors();
            row.Start(r.GetInt64(0), null);
            IsTeamAllowed(row, "contact_id", r.IsDBNull(2) ? null : r.GetInt32(2), ImportText.Format(ImportText.ContactWithId, r.GetString(1)));
            errors.AddRange(row.All);
            rejectedLines.Add(r.GetInt64(0));
        }, new NpgsqlParameter<int[]>("allowed", allowed));
        session.Execute("DELETE FROM import_contacts WHERE line = ANY (@lines)", new NpgsqlParameter<long[]>("lines", [.. rejectedLines]));
        var before = rejectedLines.Count;

        // The stored details are those at the start of the file: no row of it may change such a customer.
        session.Query("""
            SELECT s.line, s.customer_external_id FROM import_contacts s JOIN "Customers" cu ON cu."ExternalId" = s.customer_external_id
            WHERE (COALESCE(s.name, cu."Name"), COALESCE(s.phone, cu."Phone"), COALESCE(s.email, cu."Email"), cu."DoNotContact" OR s.do_not_contact)
                IS DISTINCT FROM (cu."Name", cu."Phone", cu."Email", cu."DoNotContact")
              AND EXISTS (SELECT 1 FROM "Contacts" c WHERE c."CustomerId" = cu."Id" AND (c."TeamId" IS NULL OR c."TeamId" <> ALL (@allowed)))
            """, r =>
        {
            errors.Add(new ImportError(r.GetInt64(0), "customer_id",
                ImportText.Format(ImportText.OtherTeamsCustomer, r.GetString(1))));
            rejectedLines.Add(r.GetInt64(0));
        }, new NpgsqlParameter<int[]>("allowed", allowed));
        if (rejectedLines.Count > before)
            session.Execute("DELETE FROM import_contacts WHERE line = ANY (@lines)", new NpgsqlParameter<long[]>("lines", [.. rejectedLines.Skip(before)]));
        return rejectedLines.Count;
    }
}
