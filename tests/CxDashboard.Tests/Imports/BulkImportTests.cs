using CxDashboard.Tests.Infrastructure;
using CxDashboard.Tests.Metrics;
using CxDashboard.Web.Features.Ingestion;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Data;
using static CxDashboard.Tests.Imports.ImportTestSupport;

namespace CxDashboard.Tests.Imports;

public sealed class BulkImportTestsOnSqlite : BulkImportTests<OnSqlite>;

public sealed class BulkImportTestsOnPostgres : BulkImportTests<OnPostgres>, IRunsOnPostgres;

/// <summary>
/// A large first import into an empty contacts table builds the contacts' secondary indexes once after the rows
/// instead of row by row: the indexes must come back whether the import writes or not, and the gaps and rollups
/// derived from the rows must be exactly those of the rules.
/// </summary>
public abstract class BulkImportTests<TDb> where TDb : ITestDatabase
{
    // Over 5 MB, so the importer's size estimate takes the bulk path (50,000 rows or more expected).
    private const int Rows = 80_000;

    [DbFact]
    public async Task A_large_first_import_with_a_bad_row_writes_nothing_and_keeps_every_index()
    {
        using var app = new CxAppFactory(TDb.Provider);
        await app.ImportOkAsync(ImportKind.Agents, BoundaryDataset.Agents);
        var indexesBefore = IndexesAndForeignKeys(app);
        var before = Fingerprint(app);

        var file = ImportBehaviourTests.ManyContacts(Rows, "BIG") + "BAD1,BADC,A1,,fax,FAKTURA,2026-03-01 10:00,Bad\n";
        Assert.True(file.Length > 5_000_000, $"{file.Length} bytes");
        var result = await app.ImportAsync(ImportKind.Contacts, file);

        Assert.Equal(["line 80002, column channel: 'fax' is not a channel (use one of: phone, chat, email, messaging, social, selfservice)"],
            result.Errors.Select(e => e.ToString()));
        Assert.Equal(before, Fingerprint(app));
        Assert.Equal(indexesBefore, IndexesAndForeignKeys(app));
    }

    [DbFact]
    public async Task A_large_first_import_rebuilds_the_indexes_and_stores_the_gaps_and_rollups_of_the_rules()
    {
        using var app = new CxAppFactory(TDb.Provider);
        await app.ImportOkAsync(ImportKind.Agents, BoundaryDataset.Agents);
        var indexesBefore = IndexesAndForeignKeys(app);
        Assert.Contains(indexesBefore, sql => sql.Contains("\"CustomerId\", \"StartedAtUtc\""));
        Assert.Contains(indexesBefore, sql => sql.Contains("\"Grain\", \"IsMonth\", \"AgentId\""));

        var result = await app.ImportOkAsync(ImportKind.Contacts, ImportBehaviourTests.ManyContacts(Rows, "BIG"));
        Assert.Equal(Rows, result.Inserted);
        Assert.Equal(indexesBefore, IndexesAndForeignKeys(app));
        // Committed before its rollups; without a job server they were rebuilt before the import returned.
        Assert.True(result.RollupsPending);
        Assert.Equal(0, Scalar(app, """SELECT COUNT(*) FROM "KpiRollupPendingDates" """));

        // Every stored gap equals the timeline rules applied to the customer's contacts.
        var byCustomer = new Dictionary<long, List<(TimelinePoint Point, TimelineGaps Stored)>>();
        using (var connection = Open(app))
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT "Id", "CustomerId", "StartedAtUtc", "ReasonId", "PrevGapTicks", "PrevSameReasonGapTicks", "NextGapTicks", "NextSameReasonGapTicks" FROM "Contacts"
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                long? Nullable(int i) => reader.IsDBNull(i) ? null : reader.GetInt64(i);
                var customer = reader.GetInt64(1);
                if (!byCustomer.TryGetValue(customer, out var contacts)) byCustomer[customer] = contacts = [];
                contacts.Add((new TimelinePoint(reader.GetInt64(0), Ticks(reader, 2), reader.GetInt32(3)), new TimelineGaps(Nullable(4), Nullable(5), Nullable(6), Nullable(7))));
            }
        }
        Assert.Equal(5_000, byCustomer.Count);
        foreach (var contacts in byCustomer.Values)
            Assert.Equal(contacts.Select(c => c.Stored), ContactTimeline.Compute([.. contacts.Select(c => c.Point)]));
        // Customer i % 5000 comes back every 5,000 minutes: under the 7-day window, so all but each first contact repeat.
        Assert.Equal(TimeSpan.FromMinutes(5_000).Ticks, Scalar(app, """SELECT "PrevGapTicks" FROM "Contacts" WHERE "ExternalId" = 'BIG5000'"""));

        // The rollups of the imported days count the same contacts and repeats as the raw rows.
        var raw = await CliRunner.RunAsync(app.ConnectionString, BoundaryDataset.AsOf, "kpis", "--from", "2026-01-01", "--to", "2026-03-31", "--format", "json");
        Assert.Equal(Rows, raw.Json.GetProperty("contacts").GetInt32());
        Assert.Equal(Rows - 5_000, raw.Json.GetProperty("repeatContacts").GetInt32());
        Assert.Equal(Rows, Scalar(app, """SELECT SUM("Contacts") FROM "KpiRollups" WHERE "Grain" = 4 AND NOT "IsMonth" """));
        Assert.Equal(Rows - 5_000, Scalar(app, """SELECT SUM("Repeats") FROM "KpiRollups" WHERE "Grain" = 4 AND "IsMonth" """));
    }

    [DbFact]
    public async Task A_large_first_import_of_many_customers_keeps_each_ones_last_details_and_every_index()
    {
        using var app = new CxAppFactory(TDb.Provider);
        await app.ImportOkAsync(ImportKind.Agents, BoundaryDataset.Agents);
        var indexesBefore = IndexesAndForeignKeys(app);
        Assert.Contains(indexesBefore, sql => sql.Contains("\"Customers\"") && sql.Contains("UNIQUE") && sql.Contains("\"ExternalId\""));

        // 60,000 customers (a bulk load of the customers too); the first 20,000 come back with a phone number.
        var result = await app.ImportOkAsync(ImportKind.Contacts, ManyCustomers());

        Assert.Equal(Rows, result.Inserted);
        Assert.Equal(indexesBefore, IndexesAndForeignKeys(app));
        Assert.Equal(60_000, Scalar(app, """SELECT COUNT(*) FROM "Customers" """));
        Assert.Equal(20_000, Scalar(app, """SELECT COUNT(*) FROM "Customers" WHERE "Phone" IS NOT NULL"""));
        Assert.Equal(1, Scalar(app, """SELECT COUNT(*) FROM "Customers" WHERE "ExternalId" = 'MANYC19999' AND "Phone" = '+46 70 79999' AND "Name" = 'Customer 19999'"""));
        // A second import of the same file changes nothing: every id is found through the rebuilt unique indexes.
        var again = await app.ImportOkAsync(ImportKind.Contacts, ManyCustomers());
        Assert.Equal((0, 0, Rows), (again.Inserted, again.Updated, again.Unchanged));
        Assert.Equal(60_000, Scalar(app, """SELECT COUNT(*) FROM "Customers" """));
    }

    /// <summary>Contacts of 60,000 customers, a minute apart; customers 0–19,999 come back later, with a phone number.</summary>
    private static string ManyCustomers()
    {
        var text = new System.Text.StringBuilder("contact_id,customer_id,channel,reason,started_at,customer_name,customer_phone\n");
        var start = new DateTime(2026, 1, 1, 8, 0, 0);
        for (var i = 0; i < Rows; i++)
            text.Append($"MANY{i},MANYC{i % 60_000},chat,FAKTURA,{start.AddMinutes(i):yyyy-MM-dd HH:mm},Customer {i % 60_000},{(i < 60_000 ? "" : $"+46 70 {i}")}\n");
        return text.ToString();
    }

    private static List<string> IndexesAndForeignKeys(CxAppFactory app)
    {
        using var connection = app.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = app.Provider == DatabaseProvider.Postgres
            ? """
              SELECT indexdef FROM pg_indexes WHERE tablename IN ('Contacts', 'Customers', 'KpiRollups')
              UNION ALL SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
              WHERE conrelid IN ('"Contacts"'::regclass, '"Customers"'::regclass, '"KpiRollups"'::regclass) AND contype = 'f'
              ORDER BY 1
              """
            : """SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('Contacts', 'Customers', 'KpiRollups') AND sql IS NOT NULL ORDER BY name""";
        using var reader = command.ExecuteReader();
        var definitions = new List<string>();
        while (reader.Read()) definitions.Add(reader.GetString(0));
        return definitions;
    }

    /// <summary>An instant column as UTC ticks: SQLite stores ticks, PostgreSQL a timestamptz.</summary>
    private static long Ticks(System.Data.Common.DbDataReader reader, int column) =>
        reader.GetValue(column) is DateTime instant ? instant.Ticks : reader.GetInt64(column);

    private static System.Data.Common.DbConnection Open(CxAppFactory app) => app.OpenConnection();
}
