using System.Text;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Tests.Metrics;
using CxDashboard.Web.Features.Ingestion;
using CxDashboard.Web.Features.Ingestion.Files;
using Microsoft.Extensions.DependencyInjection;
using static CxDashboard.Tests.Imports.ImportTestSupport;

using static CxDashboard.Tests.Imports.ImportBehaviourTests;

namespace CxDashboard.Tests.Imports;

public sealed class ImportBehaviourTestsOnSqlite : ImportBehaviourTests<OnSqlite>;

public sealed class ImportBehaviourTestsOnPostgres : ImportBehaviourTests<OnPostgres>, IRunsOnPostgres;

/// <summary>What a good import does: right instants, text kept as text, all-or-nothing, idempotent, batches, team limits.</summary>
public abstract class ImportBehaviourTests<TDb> where TDb : ITestDatabase
{
    private static Task<ImportResult> ImportStreamAsync(CxAppFactory app, ImportKind kind, Stream stream, ImportOptions? options = null) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<ImportService>().ImportFileAsync(kind, stream, options ?? new ImportOptions()));

    [DbFact]
    public async Task A_semicolon_file_with_a_bom_and_local_times_across_both_dst_changes_gets_the_right_instants()
    {
        using var app = new CxAppFactory(TDb.Provider);
        await app.ImportOkAsync(ImportKind.Agents, BoundaryDataset.Agents);
        var csv = """
            contact_id;customer_id;agent_id;team;channel;reason;started_at;customer_name
            D1;DST;A1;T1;phone;FAKTURA;2026-03-29 01:30;"Berg; Anna"
            D2;DST;A1;T1;phone;FAKTURA;2026-03-29 03:30;
            D3;DST;A1;T1;phone;FAKTURA;2026-10-25 01:30;
            D4;DST;A1;T1;phone;FAKTURA;2026-10-25 03:30;
            """;
        var path = WriteTemp(csv, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        var run = await ImportCliAsync(app, "contacts", path);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("Imported contacts. 4 rows: 4 inserted", run.Out);

        long Ticks(string id) => Scalar(app, $"""SELECT "StartedAtUtc" FROM "Contacts" WHERE "ExternalId" = '{id}'""");
        // 01:30 CET = 00:30Z; 03:30 CEST = 01:30Z: one hour apart though the clock moved two.
        Assert.Equal(new DateTime(2026, 3, 29, 0, 30, 0, DateTimeKind.Utc).Ticks, Ticks("D1"));
        Assert.Equal(new DateTime(2026, 3, 29, 1, 30, 0, DateTimeKind.Utc).Ticks, Ticks("D2"));
        Assert.Equal(TimeSpan.FromHours(1).Ticks, Scalar(app, """SELECT "PrevGapTicks" FROM "Contacts" WHERE "ExternalId" = 'D2'"""));
        // 01:30 CEST = 23:30Z the day before; 03:30 CET = 02:30Z: four hours apart in October.
        Assert.Equal(new DateTime(2026, 10, 24, 23, 30, 0, DateTimeKind.Utc).Ticks, Ticks("D3"));
        Assert.Equal(new DateTime(2026, 10, 25, 2, 30, 0, DateTimeKind.Utc).Ticks, Ticks("D4"));
        Assert.Equal("2026-10-25", Text(app, """SELECT "LocalDate" FROM "Contacts" WHERE "ExternalId" = 'D3'"""));
        Assert.Equal("Berg; Anna", Text(app, """SELECT "Name" FROM "Customers" WHERE "ExternalId" = 'DST'"""));
    }

    [DbFact]
    public async Task Formula_looking_cells_are_stored_as_the_text_they_are()
    {
        using var app = new CxAppFactory(TDb.Provider);
        await BoundaryDataset.LoadAsync(app);
        await app.ImportOkAsync(ImportKind.Contacts, """
            contact_id,customer_id,channel,reason,started_at,customer_name,customer_phone
            F1,FORMULA,chat,FAKTURA,2026-03-10 10:00,"=HYPERLINK(""http://x.test"",""click"")",+46 70 123 45 67
            """);
        Assert.Equal("=cmd|' /C calc'!A0", Text(app, """SELECT "Comment" FROM "SurveyResponses" WHERE "ExternalId" = 'R6'"""));
        Assert.Equal("=HYPERLINK(\"http://x.test\",\"click\")", Text(app, """SELECT "Name" FROM "Customers" WHERE "ExternalId" = 'FORMULA'"""));
        Assert.Equal("+46 70 123 45 67", Text(app, """SELECT "Phone" FROM "Customers" WHERE "ExternalId" = 'FORMULA'"""));
    }

    [DbFact]
    public async Task An_exception_in_the_middle_of_a_file_leaves_the_database_unchanged()
    {
        using var app = new CxAppFactory(TDb.Provider);
        await BoundaryDataset.LoadAsync(app);
        var before = Fingerprint(app);
        var bytes = Encoding.UTF8.GetBytes(ManyContacts(20_000, "INT"));
        await using var failing = new FailingStream(new MemoryStream(bytes), failAfterBytes: bytes.Length / 2);
        await Assert.ThrowsAsync<IOException>(() => ImportStreamAsync(app, ImportKind.Contacts, failing));
        Assert.Equal(before, Fingerprint(app));
        Assert.True(failing.Position > 64 * 1024, "the import had written rows before it failed");
    }

    [DbFact]
    public async Task A_cancelled_import_leaves_the_database_unchanged()
    {
        using var app = new CxAppFactory(TDb.Provider);
        await BoundaryDataset.LoadAsync(app);
        var before = Fingerprint(app);
        using var cancel = new CancellationTokenSource();
        var options = new ImportOptions { Progress = new CancelAt(10_000, cancel) };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => app.WithScopeAsync(sp => sp.GetRequiredService<ImportService>()
            .ImportFileAsync(ImportKind.Contacts, new MemoryStream(Encoding.UTF8.GetBytes(ManyContacts(20_000, "CAN"))), options, cancel.Token)));
        Assert.Equal(before, Fingerprint(app));
    }

    [DbFact]
    public async Task Re_importing_changes_nothing_and_a_changed_row_updates()
    {
        using var app = new CxAppFactory(TDb.Provider);
        await BoundaryDataset.LoadAsync(app);
        var before = Fingerprint(app);
        var again = await app.ImportOkAsync(ImportKind.Contacts, BoundaryDataset.Contacts);
        Assert.Equal((11L, 0L, 0L), (again.Unchanged, again.Inserted, again.Updated));
        var responses = await app.ImportOkAsync(ImportKind.SurveyResponses, BoundaryDataset.Responses);
        Assert.Equal(6, responses.Unchanged);
        Assert.Empty(again.ChangedDates);
        Assert.Equal(before, Fingerprint(app));

        // K3 moves from 12 March to 6 March: one row updated, and the gaps of its neighbours follow.
        var changed = await app.ImportOkAsync(ImportKind.Contacts, BoundaryDataset.Contacts.Replace("2026-03-12T10:00:01+01:00", "2026-03-06T10:00:00+01:00"));
        Assert.Equal((1L, 10L), (changed.Updated, changed.Unchanged));
        Assert.Equal(TimeSpan.FromDays(1).Ticks, Scalar(app, """SELECT "PrevGapTicks" FROM "Contacts" WHERE "ExternalId" = 'K3'"""));
        Assert.Equal(TimeSpan.FromDays(1).Ticks, Scalar(app, """SELECT "NextGapTicks" FROM "Contacts" WHERE "ExternalId" = 'K2'"""));
        // K1 (26 February, FAKTURA) now has its next FAKTURA contact 8 days later instead of 14: its day changes too.
        Assert.Equal(TimeSpan.FromDays(8).Ticks, Scalar(app, """SELECT "NextSameReasonGapTicks" FROM "Contacts" WHERE "ExternalId" = 'K1'"""));
        Assert.Equal([new DateOnly(2026, 2, 26), new DateOnly(2026, 3, 5), new DateOnly(2026, 3, 6), new DateOnly(2026, 3, 12)], changed.ChangedDates);
    }

    [DbFact]
    public async Task Duplicate_ids_in_a_first_import_name_the_line_of_the_first_even_after_multi_line_and_rejected_rows()
    {
        using var app = new CxAppFactory(TDb.Provider);
        var before = Fingerprint(app);
        var result = await app.ImportAsync(ImportKind.Contacts, """
            contact_id,customer_id,channel,reason,started_at,customer_name
            E1,C1,chat,FAKTURA,2026-03-10 10:00,"Two
            lines"
            E2,C2,fax,FAKTURA,2026-03-10 11:00,
            E3,C3,chat,FAKTURA,2026-03-10 12:00,

            E4,C4,chat,FAKTURA,2026-03-10 13:00,
            E3,C5,chat,FAKTURA,2026-03-10 14:00,
            E1,C6,chat,FAKTURA,2026-03-10 15:00,
            """);
        Assert.Equal(
            [
                "line 4, column channel: 'fax' is not a channel (use one of: phone, chat, email, messaging, social, selfservice)",
                "line 8, column contact_id: duplicate id 'E3' (first on line 5)",
                "line 9, column contact_id: duplicate id 'E1' (first on line 2)",
            ],
            result.Errors.Select(e => e.ToString()));
        Assert.Equal(before, Fingerprint(app));
    }

    [DbFact]
    public async Task Contacts_arriving_in_two_files_out_of_order_give_the_same_kpis_as_one_file()
    {
        using var app = new CxAppFactory(TDb.Provider);
        await app.ImportOkAsync(ImportKind.Agents, BoundaryDataset.Agents);
        var lines = BoundaryDataset.Contacts.Split('\n');
        string[] later = ["K2,", "K4,", "K6,", "K9,", "K11,"];
        var first = lines.Where(l => !later.Any(l.StartsWith));
        var second = lines.Take(1).Concat(lines.Where(l => later.Any(l.StartsWith)));
        await app.ImportOkAsync(ImportKind.Contacts, string.Join('\n', first));
        var secondResult = await app.ImportOkAsync(ImportKind.Contacts, string.Join('\n', second));
        Assert.Equal(5, secondResult.Inserted);
        await app.ImportOkAsync(ImportKind.SurveyResponses, BoundaryDataset.Responses);

        var json = (await CliRunner.RunAsync(app.ConnectionString, BoundaryDataset.AsOf, "kpis", "--from", "2026-03-01", "--to", "2026-03-31", "--format", "json")).Json;
        Assert.Equal(9, json.GetProperty("contacts").GetInt32());
        Assert.Equal(4, json.GetProperty("repeatContacts").GetInt32());
        Assert.Equal(7, json.GetProperty("fcrDecidable").GetInt32());
        Assert.Equal(6, json.GetProperty("fcrResolved").GetInt32());
        var sameReason = (await CliRunner.RunAsync(app.ConnectionString, BoundaryDataset.AsOf, "kpis", "--from", "2026-03-01", "--to", "2026-03-31", "--same-reason", "--format", "json")).Json;
        Assert.Equal(2, sameReason.GetProperty("repeatContacts").GetInt32());
    }

    [DbFact]
    public async Task A_response_may_rate_a_contact_imported_with_it_in_one_batch()
    {
        using var app = new CxAppFactory(TDb.Provider);
        await BoundaryDataset.LoadAsync(app);
        var contacts = WriteTemp("contact_id,customer_id,agent_id,channel,reason,started_at\nB1,NEWCUST,A1,phone,FAKTURA,2026-03-20 10:00\n");
        var responses = WriteTemp("response_id,contact_id,received_at,csat,resolved\nBR1,B1,2026-03-20 12:00,2,nej\n");
        // Responses named first: the batch still imports the contacts first.
        var run = await ImportCliAsync(app, "survey-responses", responses, "--also", $"contacts={contacts}");
        Assert.True(run.ExitCode == 0, run.Error + run.Out);
        Assert.Contains("Imported survey responses. 1 rows: 1 inserted", run.Out);
        Assert.Equal(2, Scalar(app, """SELECT "Csat" FROM "SurveyResponses" WHERE "ExternalId" = 'BR1'"""));
    }

    [DbFact]
    public async Task Valid_rows_only_writes_the_good_rows_and_reports_the_bad_ones()
    {
        using var app = new CxAppFactory(TDb.Provider);
        await BoundaryDataset.LoadAsync(app);
        var path = WriteTemp("contact_id,customer_id,channel,reason,started_at\nV1,C1,chat,FAKTURA,2026-03-20 10:00\nV2,C1,pigeon,FAKTURA,2026-03-20 11:00\nV3,C2,email,FEL,2026-03-20 12:00\n");
        var run = await ImportCliAsync(app, "contacts", path, "--valid-rows-only");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("line 3, column channel: 'pigeon' is not a channel", run.Error);
        Assert.Contains("Imported the valid contacts rows. 3 rows: 2 inserted, 0 updated, 0 unchanged, 1 rejected.", run.Out);
        Assert.Equal(2, Scalar(app, """SELECT COUNT(*) FROM "Contacts" WHERE "ExternalId" IN ('V1', 'V2', 'V3')"""));
    }

    [DbFact]
    public async Task A_manager_limited_to_a_team_may_import_only_rows_of_that_team()
    {
        using var app = new CxAppFactory(TDb.Provider);
        await BoundaryDataset.LoadAsync(app);
        var t1 = (int)Scalar(app, """SELECT "Id" FROM "Teams" WHERE "Name" = 'T1'""");
        var before = Fingerprint(app);
        var result = await app.ImportAsync(ImportKind.Contacts, """
            contact_id,customer_id,agent_id,team,channel,reason,started_at
            M1,C1,A1,T1,phone,FAKTURA,2026-03-20 10:00
            M2,C1,A2,,phone,FAKTURA,2026-03-20 11:00
            M3,C1,,T2,phone,FAKTURA,2026-03-20 12:00
            M4,C1,,,selfservice,FAKTURA,2026-03-20 13:00
            """, new ImportOptions { AllowedTeamIds = new HashSet<int> { t1 } });
        Assert.Equal(ImportOutcome.RejectedWithErrors, result.Outcome);
        Assert.Equal(
            [
                "line 3, column agent_id: the contact belongs to team 'T2', which is not one of your teams (T1)",
                "line 4, column team: the contact belongs to team 'T2', which is not one of your teams (T1)",
                "line 5, column team: the contact has no team; you may import rows of your teams only (T1)",
            ],
            result.Errors.Select(e => e.ToString()));
        Assert.Equal(before, Fingerprint(app));

        var responses = await app.ImportAsync(ImportKind.SurveyResponses, "response_id,contact_id,received_at,csat\nMR1,K4,2026-03-29 08:00,3\n",
            new ImportOptions { AllowedTeamIds = new HashSet<int> { t1 } });
        Assert.Equal("line 2, column contact_id: contact 'K4' belongs to team 'T2', which is not one of your teams (T1)", responses.Errors.Single().ToString());
        var agents = await app.ImportAsync(ImportKind.Agents, "agent_id,name,team\nA7,New Person,T9\n", new ImportOptions { AllowedTeamIds = new HashSet<int> { t1 } });
        Assert.Equal("line 2, column team: no team named 'T9'; you may place agents in your own teams only", agents.Errors.Single().ToString());
        Assert.Equal(before, Fingerprint(app));
    }

    [DbFact]
    public async Task The_csv_reader_streams_the_file_rather_than_loading_it()
    {
        // A 200 MB file is too big to leave in a test run; the same reader on ~17 MB shows it never reads far ahead
        // of the rows it has handed over, however large the file (the benchmark measures memory at a million rows).
        using var app = new CxAppFactory(TDb.Provider);
        await app.ImportOkAsync(ImportKind.Agents, BoundaryDataset.Agents);
        var path = WriteTemp(ManyContacts(250_000, "BIG") + "BAD,C1,A1,T1,phone,FAKTURA,yesterday\n");
        try
        {
            await using var file = File.OpenRead(path);
            Assert.True(file.Length > 4 * CsvTabularReader.MaxBytesReadAhead, $"{file.Length} bytes");
            var aheads = new List<long>();
            var progress = new Inline(p => aheads.Add(file.Position - (p.BytesRead ?? 0)));
            var result = await ImportStreamAsync(app, ImportKind.Contacts, file, new ImportOptions { DryRun = true, Progress = progress });
            Assert.Equal("line 250002, column started_at: 'yesterday' is not a timestamp (use ISO 8601, e.g. 2026-03-04T09:15:00+01:00 or 2026-03-04 09:15)", result.Errors.Single().ToString());
            Assert.True(aheads.Count >= 30);
            Assert.All(aheads, ahead => Assert.InRange(ahead, 0, CsvTabularReader.MaxBytesReadAhead));
            Assert.Equal(0, Scalar(app, """SELECT COUNT(*) FROM "Contacts" """));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [DbFact]
    public async Task Rows_read_ahead_on_other_cores_keep_their_file_order_in_errors_duplicates_preview_and_counts()
    {
        // ~4 MB: many of the reader's 256 KiB batches, so rows are parsed on a worker thread while earlier ones are written.
        using var app = new CxAppFactory(TDb.Provider);
        await app.ImportOkAsync(ImportKind.Agents, BoundaryDataset.Agents);
        var lines = ManyContacts(60_000, "ORD").Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        Assert.True(CsvTabularReader.ReadAheadWorkers > 0 || Environment.ProcessorCount == 1);
        lines[2] = lines[2].Replace(",chat,", ",pigeon,");                  // line 3: a field error, found while parsing
        lines[29_999] = "ORD9" + lines[29_999][lines[29_999].IndexOf(',')..]; // line 30000: the id of line 11, found while writing
        lines[44_999] = lines[44_999].Replace(",,chat,", ",NoSuchTeam,chat,").Replace("2026-", "2026/"); // line 45000: both kinds
        var path = WriteTemp(string.Join('\n', lines) + "\n");
        try
        {
            await using (var file = File.OpenRead(path))
            {
                var preview = await ImportStreamAsync(app, ImportKind.Contacts, file, new ImportOptions { DryRun = true, PreviewRows = 3 });
                Assert.Equal(
                    [
                        "line 3, column channel: 'pigeon' is not a channel (use one of: phone, chat, email, messaging, social, selfservice)",
                        "line 30000, column contact_id: duplicate id 'ORD9' (first on line 11)",
                        "line 45000, column started_at: '2026/02-01 13:58' is not a timestamp (use ISO 8601, e.g. 2026-03-04T09:15:00+01:00 or 2026-03-04 09:15)",
                        "line 45000, column team: no team named 'NoSuchTeam' (create it under Admin → Teams or import the agents file first)",
                    ],
                    preview.Errors.Select(e => e.ToString()));
                Assert.Equal([2L, 3L, 4L], preview.Preview!.Rows.Select(r => r.Line));
                Assert.Equal(["ORD1", "ORDC1", "A2", "", "pigeon", "FAKTURA", "2026-01-01 08:01", "Customer 1"], preview.Preview.Rows[1].Cells);
                Assert.Equal(0, Scalar(app, """SELECT COUNT(*) FROM "Contacts" """));
            }
            await using (var file = File.OpenRead(path))
            {
                var result = await ImportStreamAsync(app, ImportKind.Contacts, file, new ImportOptions { ValidRowsOnly = true });
                Assert.Equal((60_000L, 59_997L, 3L), (result.Rows, result.Inserted, result.Rejected));
            }
            Assert.Equal(59_997, Scalar(app, """SELECT COUNT(*) FROM "Contacts" """));
            Assert.Equal("2026-01-01", Text(app, """SELECT "LocalDate" FROM "Contacts" WHERE "ExternalId" = 'ORD9'"""));
            Assert.Equal("2026-02-11", Text(app, """SELECT "LocalDate" FROM "Contacts" WHERE "ExternalId" = 'ORD59999'"""));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [DbFact]
    public async Task A_first_import_of_many_new_customers_gives_every_contact_its_own_customer_and_merges_later_details()
    {
        // 30,000 customers, each new: most take the batched path for certainly new ones; the id filter of a 2 MB file
        // takes a few hundred of them for seen ones, which then go through the upsert and must not reuse an id.
        using var app = new CxAppFactory(TDb.Provider);
        await app.ImportOkAsync(ImportKind.Agents, BoundaryDataset.Agents);
        var text = new StringBuilder("contact_id,customer_id,agent_id,channel,reason,started_at,customer_name,customer_email\n");
        for (var i = 0; i < 30_000; i++) text.Append($"N{i},NC{i},A1,chat,FAKTURA,2026-02-01 {8 + i % 10:00}:{i % 60:00},Customer {i},\n");
        text.Append("N-LATER,NC17,A1,phone,FAKTURA,2026-02-02 09:00,,nc17@example.com\n");
        var result = await app.ImportOkAsync(ImportKind.Contacts, text.ToString());
        Assert.Equal(30_001, result.Inserted);

        Assert.Equal(30_000, Scalar(app, """SELECT COUNT(*) FROM "Customers" """));
        Assert.Equal(0, Scalar(app, """
            SELECT COUNT(*) FROM "Contacts" c JOIN "Customers" u ON u."Id" = c."CustomerId"
            WHERE c."ExternalId" <> 'N-LATER' AND substr(c."ExternalId", 2) <> substr(u."ExternalId", 3)
            """));
        Assert.Equal("Customer 17|nc17@example.com", Text(app, """SELECT "Name" || '|' || "Email" FROM "Customers" WHERE "ExternalId" = 'NC17'"""));
        Assert.Equal(Scalar(app, """SELECT "CustomerId" FROM "Contacts" WHERE "ExternalId" = 'N17'"""),
            Scalar(app, """SELECT "CustomerId" FROM "Contacts" WHERE "ExternalId" = 'N-LATER'"""));

        // The next customer, from the next import, takes an id after the largest given.
        await app.ImportOkAsync(ImportKind.Contacts, "contact_id,customer_id,channel,reason,started_at\nN-NEXT,NC-NEXT,chat,FAKTURA,2026-02-03 09:00\n");
        Assert.True(Scalar(app, """SELECT "Id" FROM "Customers" WHERE "ExternalId" = 'NC-NEXT'""") >
            Scalar(app, """SELECT MAX("Id") FROM "Customers" WHERE "ExternalId" <> 'NC-NEXT'"""));
    }

    private sealed class Inline(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }

    private sealed class CancelAt(long rows, CancellationTokenSource cancel) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value)
        {
            if (value.RowsDone >= rows) cancel.Cancel();
        }
    }

    /// <summary>A stream whose reads fail past a point, like a network share that goes away mid-file.</summary>
    private sealed class FailingStream(Stream inner, long failAfterBytes) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => inner.CanSeek;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => inner.Position = value; }
        public override int Read(byte[] buffer, int offset, int count)
        {
            if (inner.Position >= failAfterBytes) throw new IOException("The network share went away.");
            return inner.Read(buffer, offset, (int)Math.Min(count, failAfterBytes - inner.Position));
        }
        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
        public override void Flush() { }
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}

/// <summary>Helpers of this suite that other suites use too.</summary>
public static class ImportBehaviourTests
{
    internal static string ManyContacts(int rows, string prefix)
    {
        var text = new StringBuilder("contact_id,customer_id,agent_id,team,channel,reason,started_at,customer_name\n");
        var start = new DateTime(2026, 1, 1, 8, 0, 0);
        for (var i = 0; i < rows; i++)
            text.Append($"{prefix}{i},{prefix}C{i % 5000},A{i % 3 + 1},,chat,FAKTURA,{start.AddMinutes(i):yyyy-MM-dd HH:mm},Customer {i % 5000}\n");
        return text.ToString();
    }
}
