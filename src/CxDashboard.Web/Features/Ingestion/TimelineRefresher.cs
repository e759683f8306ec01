using CxDashboard.Web.Features.Metrics;

namespace CxDashboard.Web.Features.Ingestion;

/// <summary>
/// Recomputes the stored gaps (<see cref="Data.Entities.Contact.PrevGapTicks"/> and friends) of every contact of
/// the customers an import touched, a chunk of customers at a time, writing only the rows whose gaps changed.
/// </summary>
public static class TimelineRefresher
{
    private const int CustomersPerChunk = 2000;

    public static long Refresh(ImportSession session, CancellationToken ct)
    {
        var select = session.Command("""
            SELECT c."Id", c."CustomerId", c."StartedAtUtc", c."ReasonId", c."PrevGapTicks", c."PrevSameReasonGapTicks", c."NextGapTicks", c."LocalDate"
            FROM "Contacts" c
            WHERE c."CustomerId" IN (SELECT customer_id FROM temp.import_customers WHERE customer_id > @after ORDER BY customer_id LIMIT @take)
            ORDER BY c."CustomerId"
            """, "@after", "@take");
        var lastCustomer = session.Command("SELECT MAX(customer_id) FROM (SELECT customer_id FROM temp.import_customers WHERE customer_id > @after ORDER BY customer_id LIMIT @take)", "@after", "@take");
        var update = session.Command("""
            UPDATE "Contacts" SET "PrevGapTicks" = @prev, "PrevSameReasonGapTicks" = @prevSame, "NextGapTicks" = @next WHERE "Id" = @id
            """, "@prev", "@prevSame", "@next", "@id");

        long updated = 0, after = 0;
        var points = new List<TimelinePoint>();
        var stored = new List<TimelineGaps>();
        var dates = new List<DateOnly>();
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            lastCustomer.Parameters["@after"].Value = after;
            lastCustomer.Parameters["@take"].Value = CustomersPerChunk;
            if (lastCustomer.ExecuteScalar() is not long chunkEnd) break;

            select.Parameters["@after"].Value = after;
            select.Parameters["@take"].Value = CustomersPerChunk;
            using (var reader = select.ExecuteReader())
            {
                long currentCustomer = -1;
                while (reader.Read())
                {
                    var customer = reader.GetInt64(1);
                    if (customer != currentCustomer && points.Count > 0)
                    {
                        updated += WriteChanged(update, points, stored, dates, session.ChangedDates);
                    }
                    currentCustomer = customer;
                    points.Add(new TimelinePoint(reader.GetInt64(0), reader.GetInt64(2), reader.GetInt32(3)));
                    stored.Add(new TimelineGaps(NullableLong(reader, 4), NullableLong(reader, 5), NullableLong(reader, 6)));
                    dates.Add(DateOnly.ParseExact(reader.GetString(7), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                }
            }
            if (points.Count > 0) updated += WriteChanged(update, points, stored, dates, session.ChangedDates);
            after = chunkEnd;
        }
        return updated;
    }

    private static long WriteChanged(Microsoft.Data.Sqlite.SqliteCommand update, List<TimelinePoint> points, List<TimelineGaps> stored,
        List<DateOnly> dates, HashSet<DateOnly> changedDates)
    {
        long written = 0;
        var computed = ContactTimeline.Compute(points);
        for (var i = 0; i < points.Count; i++)
        {
            if (computed[i] == stored[i]) continue;
            update.Parameters["@prev"].Value = ImportSession.Db(computed[i].Previous);
            update.Parameters["@prevSame"].Value = ImportSession.Db(computed[i].PreviousSameReason);
            update.Parameters["@next"].Value = ImportSession.Db(computed[i].Next);
            update.Parameters["@id"].Value = points[i].ContactId;
            update.ExecuteNonQuery();
            changedDates.Add(dates[i]);
            written++;
        }
        points.Clear();
        stored.Clear();
        dates.Clear();
        return written;
    }

    private static long? NullableLong(System.Data.Common.DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);
}
