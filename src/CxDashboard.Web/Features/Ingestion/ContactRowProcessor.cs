using System.Globalization;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Organisation;

namespace CxDashboard.Web.Features.Ingestion;

/// <summary>contacts: upserts the customer, resolves agent/team/reason, and inserts or updates the contact by contact_id.</summary>
public sealed class ContactRowProcessor(ImportSession session, MasterData masterData, OrganisationTime time, bool tableWasEmpty)
    : RowProcessor(session, masterData)
{
    private readonly CustomerWriter _customers = new(session);

    public override RowOutcome Process(RowReader row)
    {
        var contactId = row.RequiredText("contact_id", 100);
        var customerId = row.RequiredText("customer_id", 100);
        var agentExternalId = row.Text("agent_id", 100);
        var teamText = row.Text("team", 200);
        var channelText = row.RequiredText("channel", 50);
        var reasonCode = row.RequiredText("reason", 100);
        var startedAt = row.RequiredTimestamp("started_at");
        var handleSeconds = row.Integer("handle_seconds", 0, 86_400, "seconds, at most one day");
        var escalated = row.Boolean("escalated_from_bot") ?? false;
        var customer = new CustomerDetails(
            row.Text("customer_name", 200), row.Text("customer_phone", 50), row.Text("customer_email", 256),
            row.Boolean("do_not_contact") ?? false);

        Channel channel = default;
        if (channelText is not null && !Channels.TryParse(channelText, out channel))
            row.AddError("channel", $"'{channelText}' is not a channel (use one of: {Channels.AllCodes})");

        int? teamId = null;
        if (teamText is not null)
        {
            teamId = MasterData.FindTeam(teamText);
            if (teamId is null) row.AddError("team", $"no team named '{teamText}' (create it under Admin → Teams or import the agents file first)");
        }
        if (contactId is not null && IsDuplicateInFile(row, "contact_id", contactId)) return RowOutcome.Rejected;
        if (row.HasErrors) return RowOutcome.Rejected;

        int? agentId = null;
        if (agentExternalId is not null)
        {
            var agent = MasterData.FindOrCreateAgent(agentExternalId, teamId);
            agentId = agent.Id;
            teamId ??= agent.TeamId;
        }
        var reasonId = MasterData.FindOrCreateReason(reasonCode!);
        var customerKey = _customers.Upsert(customerId!, customer);

        var contact = new ContactValues(customerKey, agentId, teamId, channel, reasonId, startedAt!.Value,
            time.LocalDateOf(startedAt.Value), handleSeconds, escalated);
        return Write(contactId!, contact);
    }

    private RowOutcome Write(string externalId, ContactValues values)
    {
        var existing = tableWasEmpty ? null : Find(externalId);
        if (existing is { } current)
        {
            if (current.Values == values) return RowOutcome.Unchanged;
            var update = Session.Command("""
                UPDATE "Contacts" SET "CustomerId" = @customer, "AgentId" = @agent, "TeamId" = @team, "Channel" = @channel,
                    "ReasonId" = @reason, "StartedAtUtc" = @started, "LocalDate" = @localDate, "HandleSeconds" = @handle,
                    "EscalatedFromBot" = @escalated
                WHERE "Id" = @id
                """, "@customer", "@agent", "@team", "@channel", "@reason", "@started", "@localDate", "@handle", "@escalated", "@id");
            Bind(update, values);
            update.Parameters["@id"].Value = current.Id;
            update.ExecuteNonQuery();
            Session.MarkCustomerChanged(current.Values.CustomerId);
            Session.MarkCustomerChanged(values.CustomerId);
            Session.ChangedDates.Add(current.Values.LocalDate);
            Session.ChangedDates.Add(values.LocalDate);
            return RowOutcome.Updated;
        }

        var insert = Session.Command("""
            INSERT INTO "Contacts" ("ExternalId", "CustomerId", "AgentId", "TeamId", "Channel", "ReasonId", "StartedAtUtc",
                "LocalDate", "HandleSeconds", "EscalatedFromBot")
            VALUES (@externalId, @customer, @agent, @team, @channel, @reason, @started, @localDate, @handle, @escalated)
            """, "@externalId", "@customer", "@agent", "@team", "@channel", "@reason", "@started", "@localDate", "@handle", "@escalated");
        insert.Parameters["@externalId"].Value = externalId;
        Bind(insert, values);
        insert.ExecuteNonQuery();
        Session.MarkCustomerChanged(values.CustomerId);
        Session.ChangedDates.Add(values.LocalDate);
        return RowOutcome.Inserted;
    }

    private static void Bind(Microsoft.Data.Sqlite.SqliteCommand command, ContactValues values)
    {
        command.Parameters["@customer"].Value = values.CustomerId;
        command.Parameters["@agent"].Value = ImportSession.Db(values.AgentId);
        command.Parameters["@team"].Value = ImportSession.Db(values.TeamId);
        command.Parameters["@channel"].Value = (int)values.Channel;
        command.Parameters["@reason"].Value = values.ReasonId;
        command.Parameters["@started"].Value = values.StartedAtUtc.Ticks;
        command.Parameters["@localDate"].Value = values.LocalDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        command.Parameters["@handle"].Value = ImportSession.Db(values.HandleSeconds);
        command.Parameters["@escalated"].Value = values.EscalatedFromBot ? 1 : 0;
    }

    private (long Id, ContactValues Values)? Find(string externalId)
    {
        var select = Session.Command("""
            SELECT "Id", "CustomerId", "AgentId", "TeamId", "Channel", "ReasonId", "StartedAtUtc", "LocalDate", "HandleSeconds", "EscalatedFromBot"
            FROM "Contacts" WHERE "ExternalId" = @id
            """, "@id");
        select.Parameters["@id"].Value = externalId;
        using var reader = select.ExecuteReader();
        if (!reader.Read()) return null;
        return (reader.GetInt64(0), new ContactValues(
            reader.GetInt64(1),
            reader.IsDBNull(2) ? null : reader.GetInt32(2),
            reader.IsDBNull(3) ? null : reader.GetInt32(3),
            (Channel)reader.GetInt32(4),
            reader.GetInt32(5),
            new DateTime(reader.GetInt64(6), DateTimeKind.Utc),
            DateOnly.ParseExact(reader.GetString(7), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            reader.IsDBNull(8) ? null : reader.GetInt32(8),
            reader.GetInt64(9) != 0));
    }

    private readonly record struct ContactValues(
        long CustomerId, int? AgentId, int? TeamId, Channel Channel, int ReasonId, DateTime StartedAtUtc,
        DateOnly LocalDate, int? HandleSeconds, bool EscalatedFromBot);
}
