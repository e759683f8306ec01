using System.Globalization;

namespace CxDashboard.Web.Features.Ingestion;

/// <summary>
/// The organisation-local dates whose figures an import changed: dates of new contacts, of earlier contacts whose
/// repeat/FCR gaps changed (the new ones are counted already), of contacts rated by new responses, plus the dates marked while updating rows
/// (<see cref="ImportSession.MarkDateChanged"/>). Collected in temp.import_changed_dates inside the import's transaction.
/// </summary>
public static class ChangedDates
{
    public static IReadOnlyList<DateOnly> Collect(SqliteImportSession session)
    {
        session.Execute($"""
            INSERT OR IGNORE INTO temp.import_changed_dates (local_date)
            SELECT DISTINCT "LocalDate" FROM "Contacts" WHERE "Id" > {session.ContactsMaxIdAtStart}
            UNION SELECT DISTINCT c."LocalDate" FROM temp.import_gaps g JOIN "Contacts" c ON c."Id" = g.contact_id
                WHERE g.contact_id <= {session.ContactsMaxIdAtStart}
            UNION SELECT DISTINCT c."LocalDate" FROM "SurveyResponses" r JOIN "Contacts" c ON c."Id" = r."ContactId" WHERE r."Id" > {session.ResponsesMaxIdAtStart}
            """);
        var dates = new List<DateOnly>();
        using var command = session.Connection.CreateCommand();
        command.Transaction = session.Transaction;
        command.CommandText = "SELECT local_date FROM temp.import_changed_dates ORDER BY local_date";
        using var reader = command.ExecuteReader();
        while (reader.Read()) dates.Add(DateOnly.ParseExact(reader.GetString(0), "yyyy-MM-dd", CultureInfo.InvariantCulture));
        return dates;
    }
}
