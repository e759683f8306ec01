using CxDashboard.Web.Data.Entities;

namespace CxDashboard.Web.Features.Ingestion;

/// <summary>
/// contacts: what both databases' writers share. <see cref="RowProcessor.Parse"/> reads and checks a row; <see cref="Write"/>
/// resolves team, agent and reason and checks the importer's teams, then hands the row to the database's own writer
/// (<see cref="ContactRowProcessor"/> on SQLite, <see cref="PostgresContactRowProcessor"/> on PostgreSQL).
/// </summary>
public abstract class ContactRows(ImportSession session, MasterData masterData, IReadOnlySet<int>? allowedTeams)
    : RowProcessor<ContactRows.ContactFields>(session, masterData, allowedTeams)
{
    /// <summary>From this many rows, a load into an empty contacts table builds its secondary indexes once, after the rows.</summary>
    protected const long BulkLoadRows = 50_000;

    protected sealed override ContactFields ParseFields(RowReader row)
    {
        var contactId = row.RequiredText("contact_id", 100);
        var customerId = row.RequiredText("customer_id", 100);
        var agentId = row.Text("agent_id", 100);
        var team = row.Text("team", 200);
        var channelText = row.RequiredText("channel", 50);
        Channel channel = default;
        if (channelText is not null && !Channels.TryParse(channelText, out channel))
            row.AddError("channel", ImportText.Format(ImportText.NotAChannel, channelText, Channels.AllCodes));
        var reasonCode = row.RequiredText("reason", 100);
        var startedAt = row.RequiredTimestamp("started_at");
        LocalDay? localDate = startedAt is { } utc ? row.LocalDayOf(utc) : null;
        var handleSeconds = row.Integer("handle_seconds", 0, 86_400, ImportText.HandleSecondsRule);
        var escalated = row.Boolean("escalated_from_bot") ?? false;
        var customer = new CustomerDetails(
            row.Text("customer_name", 200), row.Text("customer_phone", 50), row.Text("customer_email", 256),
            row.Boolean("do_not_contact") ?? false);
        return new ContactFields(contactId, customerId, agentId, team, channel, reasonCode, startedAt, localDate, handleSeconds, escalated, customer);
    }

    protected sealed override RowOutcome Write(RowErrors row, ContactFields fields)
    {
        int? teamId = null;
        if (fields.Team is not null)
        {
            teamId = MasterData.FindTeam(fields.Team);
            if (teamId is null) row.Add("team", ImportText.Format(ImportText.NoTeamNamedCreateIt, fields.Team));
        }
        // The contact's team: the file's, else the agent's (an agent new to the system has none yet).
        var knownAgent = fields.AgentId is null ? null : MasterData.FindAgent(fields.AgentId);
        if (!row.Any)
            IsTeamAllowed(row, fields.Team is null && fields.AgentId is not null ? "agent_id" : "team", teamId ?? knownAgent?.TeamId, ImportText.TheContact);
        if (fields.ContactId is { } contactId && IsDuplicate(row, contactId)) return RowOutcome.Rejected;
        if (row.Any) return RowOutcome.Rejected;

        int? agentId = null;
        if (fields.AgentId is not null)
        {
            var agent = knownAgent ?? MasterData.FindOrCreateAgent(fields.AgentId, teamId);
            agentId = agent.Id;
            teamId ??= agent.TeamId;
        }
        var reasonId = MasterData.FindOrCreateReason(fields.ReasonCode!);
        return Write(row, fields, new ResolvedContact(agentId, teamId, reasonId));
    }

    /// <summary>A contact row as read: what it says by itself, before agent, team, reason and customer are resolved.</summary>
    public sealed record ContactFields(
        string? ContactId, string? CustomerId, string? AgentId, string? Team, Channel Channel, string? ReasonCode, DateTime? StartedAtUtc,
        LocalDay? LocalDate, int? HandleSeconds, bool EscalatedFromBot, CustomerDetails Customer);

    /// <summary>A row's agent, team and reason, resolved to their ids.</summary>
    public readonly record struct ResolvedContact(int? AgentId, int? TeamId, int ReasonId);

    /// <summary>Whether the contact id was seen on an earlier row of the file (adding the error), for a writer that checks as it goes.</summary>
    protected abstract bool IsDuplicate(RowErrors row, string contactId);

    /// <summary>Writes a valid row, or stages it for writing.</summary>
    protected abstract RowOutcome Write(RowErrors row, ContactFields fields, ResolvedContact resolved);
}
