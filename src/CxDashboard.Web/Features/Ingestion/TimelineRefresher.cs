using System.Runtime.InteropServices;
using CxDashboard.Web.Features.Metrics;

namespace CxDashboard.Web.Features.Ingestion;

/// <summary>
/// Recomputes the stored gaps (<see cref="Data.Entities.Contact.PrevGapTicks"/> and friends) of every contact of
/// the customers an import touched. One ordered pass over their contacts (the CustomerId/StartedAtUtc index gives
/// the order) feeds <see cref="ContactTimeline"/> a customer at a time; only gaps that changed are collected in a
/// temp table and written by one set-based UPDATE, so a million new contacts cost one scan and one update. (The same gaps
/// from SQL window functions, MAX(…) OVER a RANGE frame, took longer to select alone than this whole pass.)
/// </summary>
public static class TimelineRefresher
{
    public static long Refresh(SqliteImportSession session, CancellationToken ct)
    {
        // Customers of new contacts; updated contacts marked theirs (old and new customer) while importing.
        session.Execute($"""
            INSERT OR IGNORE INTO temp.import_customers (customer_id)
            SELECT DISTINCT "CustomerId" FROM "Contacts" WHERE "Id" > {session.ContactsMaxIdAtStart} ORDER BY 1
            """);
        if (session.Scalar("SELECT COUNT(*) FROM temp.import_customers") == 0) return 0;

        const string columns = """c."Id", c."CustomerId", c."StartedAtUtc", c."ReasonId", c."PrevGapTicks", c."PrevSameReasonGapTicks", c."NextGapTicks", c."NextSameReasonGapTicks" """;
        // Into an empty table no gap is stored yet: the (customer, start, reason) index holds everything the pass reads.
        var select = session.ContactsWereEmpty
            ? """SELECT c."Id", c."CustomerId", c."StartedAtUtc", c."ReasonId", NULL, NULL, NULL, NULL FROM "Contacts" c ORDER BY c."CustomerId", c."StartedAtUtc" """
            : $"""
               SELECT {columns} FROM temp.import_customers i JOIN "Contacts" c ON c."CustomerId" = i.customer_id
               ORDER BY c."CustomerId", c."StartedAtUtc"
               """;
        var insertGap = session.Statement("INSERT INTO temp.import_gaps (contact_id, prev, prev_same, next, next_same) VALUES (?1, ?2, ?3, ?4, ?5)");

        var points = new List<TimelinePoint>();
        var stored = new List<TimelineGaps>();
        var computed = new TimelineGaps[16];
        var scratch = new Dictionary<int, long>();
        long changed = 0;
        using (var reader = new FastStatement(session.Connection, select))
        {
            long currentCustomer = -1;
            while (reader.ReadNext())
            {
                var customer = reader.Int64(1);
                if (customer != currentCustomer && points.Count > 0)
                {
                    changed += CollectChanged(insertGap, points, stored, ref computed, scratch);
                    if (changed % 1024 == 0) ct.ThrowIfCancellationRequested();
                }
                currentCustomer = customer;
                points.Add(new TimelinePoint(reader.Int64(0), reader.Int64(2), (int)reader.Int64(3)));
                stored.Add(new TimelineGaps(reader.NullableInt64(4), reader.NullableInt64(5), reader.NullableInt64(6), reader.NullableInt64(7)));
            }
        }
        if (points.Count > 0) changed += CollectChanged(insertGap, points, stored, ref computed, scratch);
        ct.ThrowIfCancellationRequested();

        // Written in the gaps' id order, so the table is rewritten front to back. (As UPDATE … FROM, the planner may
        // instead walk the contacts through an index and update them in random order: measured twice as slow.)
        session.Execute("""
            UPDATE "Contacts" SET ("PrevGapTicks", "PrevSameReasonGapTicks", "NextGapTicks", "NextSameReasonGapTicks") =
                (SELECT g.prev, g.prev_same, g.next, g.next_same FROM temp.import_gaps g WHERE g.contact_id = "Contacts"."Id")
            WHERE "Id" IN (SELECT contact_id FROM temp.import_gaps)
            """);
        return changed;
    }

    private static long CollectChanged(FastStatement insertGap, List<TimelinePoint> points, List<TimelineGaps> stored, ref TimelineGaps[] computed,
        Dictionary<int, long> scratch)
    {
        long collected = 0;
        if (computed.Length < points.Count) computed = new TimelineGaps[Math.Max(points.Count, computed.Length * 2)];
        ContactTimeline.ComputeSorted(CollectionsMarshal.AsSpan(points), computed.AsSpan(0, points.Count), scratch);
        for (var i = 0; i < points.Count; i++)
        {
            if (computed[i] == stored[i]) continue;
            insertGap.Bind(1, points[i].ContactId).Bind(2, computed[i].Previous).Bind(3, computed[i].PreviousSameReason).Bind(4, computed[i].Next)
                .Bind(5, computed[i].NextSameReason).Execute();
            collected++;
        }
        points.Clear();
        stored.Clear();
        return collected;
    }
}
