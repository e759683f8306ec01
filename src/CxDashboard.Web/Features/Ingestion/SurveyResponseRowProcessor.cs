using CxDashboard.Web.Features.Organisation;

namespace CxDashboard.Web.Features.Ingestion;

/// <summary>survey_responses: each response rates a contact that exists already or earlier in the same batch.</summary>
public sealed class SurveyResponseRowProcessor(ImportSession session, MasterData masterData) : RowProcessor(session, masterData)
{
    public override RowOutcome Process(RowReader row)
    {
        var responseId = row.RequiredText("response_id", 100);
        var contactExternalId = row.RequiredText("contact_id", 100);
        var receivedAt = row.RequiredTimestamp("received_at");
        var csat = row.RequiredInteger("csat", 1, 5, "CSAT is 1–5");
        var resolved = row.Boolean("resolved");
        var nps = row.Integer("nps", 0, 10, "NPS is 0–10");
        var comment = row.Text("comment", 4000);

        (long Id, DateOnly LocalDate)? contact = null;
        if (contactExternalId is not null)
        {
            contact = FindContact(contactExternalId);
            if (contact is null)
                row.AddError("contact_id", $"no contact with id '{contactExternalId}' (import the contacts first, or in the same batch)");
        }
        if (responseId is not null && IsDuplicateInFile(row, "response_id", responseId)) return RowOutcome.Rejected;
        if (row.HasErrors) return RowOutcome.Rejected;

        var values = new ResponseValues(contact!.Value.Id, receivedAt!.Value, csat!.Value, resolved, nps, comment);
        var outcome = Write(responseId!, values, out var previousContactId);
        if (outcome is RowOutcome.Inserted or RowOutcome.Updated)
        {
            Session.ChangedDates.Add(contact.Value.LocalDate);
            if (previousContactId is { } previous && previous != values.ContactId && FindContactDate(previous) is { } previousDate)
                Session.ChangedDates.Add(previousDate);
        }
        return outcome;
    }

    private RowOutcome Write(string externalId, ResponseValues values, out long? previousContactId)
    {
        var existing = Find(externalId);
        previousContactId = existing?.Values.ContactId;
        if (existing is { } current && current.Values == values) return RowOutcome.Unchanged;

        var sql = existing is null
            ? """
              INSERT INTO "SurveyResponses" ("ExternalId", "ContactId", "ReceivedAtUtc", "Csat", "Resolved", "Nps", "Comment", "Kind")
              VALUES (@externalId, @contact, @received, @csat, @resolved, @nps, @comment, 1)
              """
            : """
              UPDATE "SurveyResponses" SET "ContactId" = @contact, "ReceivedAtUtc" = @received, "Csat" = @csat,
                  "Resolved" = @resolved, "Nps" = @nps, "Comment" = @comment
              WHERE "ExternalId" = @externalId
              """;
        var command = Session.Command(sql, "@externalId", "@contact", "@received", "@csat", "@resolved", "@nps", "@comment");
        command.Parameters["@externalId"].Value = externalId;
        command.Parameters["@contact"].Value = values.ContactId;
        command.Parameters["@received"].Value = values.ReceivedAtUtc.Ticks;
        command.Parameters["@csat"].Value = values.Csat;
        command.Parameters["@resolved"].Value = values.Resolved is { } r ? (r ? 1 : 0) : DBNull.Value;
        command.Parameters["@nps"].Value = ImportSession.Db(values.Nps);
        command.Parameters["@comment"].Value = ImportSession.Db(values.Comment);
        command.ExecuteNonQuery();
        return existing is null ? RowOutcome.Inserted : RowOutcome.Updated;
    }

    private (long Id, DateOnly LocalDate)? FindContact(string externalId)
    {
        var select = Session.Command("""SELECT "Id", "LocalDate" FROM "Contacts" WHERE "ExternalId" = @id""", "@id");
        select.Parameters["@id"].Value = externalId;
        using var reader = select.ExecuteReader();
        return reader.Read() ? (reader.GetInt64(0), ParseDate(reader.GetString(1))) : null;
    }

    private DateOnly? FindContactDate(long contactId)
    {
        var select = Session.Command("""SELECT "LocalDate" FROM "Contacts" WHERE "Id" = @id""", "@id");
        select.Parameters["@id"].Value = contactId;
        return select.ExecuteScalar() is string text ? ParseDate(text) : null;
    }

    private static DateOnly ParseDate(string text) =>
        DateOnly.ParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private (long Id, ResponseValues Values)? Find(string externalId)
    {
        var select = Session.Command("""
            SELECT "Id", "ContactId", "ReceivedAtUtc", "Csat", "Resolved", "Nps", "Comment" FROM "SurveyResponses" WHERE "ExternalId" = @id
            """, "@id");
        select.Parameters["@id"].Value = externalId;
        using var reader = select.ExecuteReader();
        if (!reader.Read()) return null;
        return (reader.GetInt64(0), new ResponseValues(
            reader.GetInt64(1),
            new DateTime(reader.GetInt64(2), DateTimeKind.Utc),
            reader.GetInt32(3),
            reader.IsDBNull(4) ? null : reader.GetInt64(4) != 0,
            reader.IsDBNull(5) ? null : reader.GetInt32(5),
            reader.IsDBNull(6) ? null : reader.GetString(6)));
    }

    private readonly record struct ResponseValues(
        long ContactId, DateTime ReceivedAtUtc, int Csat, bool? Resolved, int? Nps, string? Comment);
}
