using CxDashboard.Web.Data.Entities;

namespace CxDashboard.Web.Features.Ingestion;

/// <summary>contacts: upserts the customer, resolves agent/team/reason, and inserts or updates the contact by contact_id.</summary>
public sealed class ContactRowProcessor : RowProcessor<ContactRowProcessor.ContactFields>
{
    private readonly CustomerWriter _customers;

    // Into an empty table every row is new: no lookup, and duplicates in the file are found among the rows inserted.
    private readonly bool _tableWasEmpty;
    private readonly InsertedIds _inserted;

    // New contacts wait to be inserted in batches; those of an empty table tell the duplicate check their lines.
    private readonly BatchInsert<(string ExternalId, ContactValues Values, long Line)> _newRows;

    public ContactRowProcessor(ImportSession session, MasterData masterData, IReadOnlySet<int>? allowedTeams, long expectedRows)
        : base(session, masterData, allowedTeams)
    {
        _customers = new CustomerWriter(session, expectedRows, allowedTeams);
        _tableWasEmpty = PrepareLoad(session, expectedRows);
        _inserted = new InsertedIds(expectedRows);
        _newRows = new(session, "\"Contacts\" (\"ExternalId\", " + ValueColumns + ")", 10,
            (insert, offset, row) => Bind(insert.Bind(offset + 1, row.ExternalId), offset, row.Values),
            _tableWasEmpty ? (row, rowId) => _inserted.Inserted(rowId, row.Line) : null);
    }

    private const long BulkLoadRows = 50_000;

    /// <summary>
    /// Whether the table is empty; a large load into an empty table builds the non-unique indexes once after the rows
    /// (see <see cref="ImportSession.SuspendIndexes"/>) instead of keeping them current row by row.
    /// </summary>
    private static bool PrepareLoad(ImportSession session, long expectedRows)
    {
        var empty = session.Scalar("""SELECT NOT EXISTS (SELECT 1 FROM "Contacts")""") == 1;
        if (empty && expectedRows >= BulkLoadRows) session.SuspendIndexes("Contacts");
        return empty;
    }

    protected override ContactFields ParseFields(RowReader row)
    {
        var contactId = row.RequiredText("contact_id", 100);
        var customerId = row.RequiredText("customer_id", 100);
        var agentId = row.Text("agent_id", 100);
        var team = row.Text("team", 200);
        var channelText = row.RequiredText("channel", 50);
        Channel channel = default;
        if (channelText is not null && !Channels.TryParse(channelText, out channel))
            row.AddError("channel", $"'{channelText}' is not a channel (use one of: {Channels.AllCodes})");
        var reasonCode = row.RequiredText("reason", 100);
        var startedAt = row.RequiredTimestamp("started_at");
        var localDate = startedAt is { } utc ? row.LocalDateText(utc) : null;
        var handleSeconds = row.Integer("handle_seconds", 0, 86_400, "seconds, at most one day");
        var escalated = row.Boolean("escalated_from_bot") ?? false;
        var customer = new CustomerDetails(
            row.Text("customer_name", 200), row.Text("customer_phone", 50), row.Text("customer_email", 256),
            row.Boolean("do_not_contact") ?? false);
        return new ContactFields(contactId, customerId, agentId, team, channel, reasonCode, startedAt, localDate, handleSeconds, escalated, customer);
    }

    protected override RowOutcome Write(RowErrors row, ContactFields fields)
    {
        int? teamId = null;
        if (fields.Team is not null)
        {
            teamId = MasterData.FindTeam(fields.Team);
            if (teamId is null) row.Add("team", $"no team named '{fields.Team}' (create it under Admin → Teams or import the agents file first)");
        }
        // The contact's team: the file's, else the agent's (an agent new to the system has none yet).
        var knownAgent = fields.AgentId is null ? null : MasterData.FindAgent(fields.AgentId);
        if (!row.Any)
            IsTeamAllowed(row, fields.Team is null && fields.AgentId is not null ? "agent_id" : "team", teamId ?? knownAgent?.TeamId, "the contact");
        if (fields.ContactId is { } contactId && (_tableWasEmpty ? IsDuplicateOfInserted(row, contactId) : IsDuplicateInFile(row, "contact_id", contactId)))
            return RowOutcome.Rejected;
        if (row.Any) return RowOutcome.Rejected;

        // An importer limited to teams may not take over (or change) a stored contact of another team.
        var existing = _tableWasEmpty ? null : Find(fields.ContactId!);
        if (AllowedTeams is not null && existing is { } stored && !IsTeamAllowed(row, "contact_id", stored.Values.TeamId, $"contact '{fields.ContactId}'"))
            return RowOutcome.Rejected;

        var customerKey = _customers.Write(fields.CustomerId!, fields.Customer, row);
        if (customerKey is null) return RowOutcome.Rejected;

        int? agentId = null;
        if (fields.AgentId is not null)
        {
            var agent = knownAgent ?? MasterData.FindOrCreateAgent(fields.AgentId, teamId);
            agentId = agent.Id;
            teamId ??= agent.TeamId;
        }
        var reasonId = MasterData.FindOrCreateReason(fields.ReasonCode!);

        var contact = new ContactValues(customerKey.Value, agentId, teamId, fields.Channel, reasonId, fields.StartedAtUtc!.Value,
            fields.LocalDate!, fields.HandleSeconds, fields.EscalatedFromBot);
        return Write(fields.ContactId!, contact, existing, row.Line);
    }

    /// <summary>A contact row as read: what it says by itself, before agent, team, reason and customer are resolved.</summary>
    public sealed record ContactFields(
        string? ContactId, string? CustomerId, string? AgentId, string? Team, Channel Channel, string? ReasonCode, DateTime? StartedAtUtc,
        string? LocalDate, int? HandleSeconds, bool EscalatedFromBot, CustomerDetails Customer);

    private bool IsDuplicateOfInserted(RowErrors row, string contactId)
    {
        if (!_inserted.MaybeSeen(contactId)) return false;
        _newRows.Flush();
        var select = Session.Statement("""SELECT "Id" FROM "Contacts" WHERE "ExternalId" = ?1""");
        if (!select.Bind(1, contactId).ReadFirst()) return false;
        var rowId = select.Int64(0);
        select.Reset();
        row.Add("contact_id", $"duplicate id '{contactId}' (first on line {_inserted.LineOf(rowId)})");
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
            var update = Session.Statement($"""UPDATE "Contacts" SET ({ValueColumns}) = (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) WHERE "Id" = ?1""");
            Bind(update.Bind(1, current.Id), 0, values).Execute();
            Session.MarkCustomerChanged(current.Values.CustomerId);
            Session.MarkCustomerChanged(values.CustomerId);
            Session.MarkDateChanged(current.Values.LocalDate);
            Session.MarkDateChanged(values.LocalDate);
            return RowOutcome.Updated;
        }

        // New contacts need no marks: the timeline refresh and the changed dates find them by their ids.
        _newRows.Add((externalId, values, line));
        return RowOutcome.Inserted;
    }

    public override (long Inserted, long Updated, long Unchanged) Complete()
    {
        _customers.InsertPending();
        _newRows.Flush();
        return (0, 0, 0);
    }

    /// <summary>Binds the values to ?(offset+2)…?(offset+10), in the order of <see cref="ValueColumns"/>.</summary>
    private static FastStatement Bind(FastStatement statement, int offset, ContactValues values) => statement
        .Bind(offset + 2, values.CustomerId).Bind(offset + 3, values.AgentId).Bind(offset + 4, values.TeamId).Bind(offset + 5, (long)values.Channel)
        .Bind(offset + 6, values.ReasonId).Bind(offset + 7, values.StartedAtUtc.Ticks).Bind(offset + 8, values.LocalDate)
        .Bind(offset + 9, values.HandleSeconds).Bind(offset + 10, values.EscalatedFromBot);

    private (long Id, ContactValues Values)? Find(string externalId)
    {
        var select = Session.Statement($"""SELECT "Id", {ValueColumns} FROM "Contacts" WHERE "ExternalId" = ?1""");
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
