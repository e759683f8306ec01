using System.Text;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Tests.Metrics;
using static CxDashboard.Tests.Imports.ImportTestSupport;

namespace CxDashboard.Tests.Imports;

public sealed class ImportBadInputTestsOnSqlite(ImportBadInputTests<OnSqlite>.Fixture fixture) : ImportBadInputTests<OnSqlite>(fixture);

public sealed class ImportBadInputTestsOnPostgres(ImportBadInputTests<OnPostgres>.Fixture fixture) : ImportBadInputTests<OnPostgres>(fixture), IRunsOnPostgres;

/// <summary>
/// Every bad input of the import contract, through the real `import` verb against a database holding the boundary
/// dataset: each gets a clear message (line, column, reason, or a file-level reason) and exit code 1, and the
/// database is exactly as before.
/// </summary>
public abstract class ImportBadInputTests<TDb>(ImportBadInputTests<TDb>.Fixture fixture) : IClassFixture<ImportBadInputTests<TDb>.Fixture> where TDb : ITestDatabase
{
    public sealed class Fixture : IAsyncLifetime
    {
        public CxAppFactory App { get; } = new(TDb.Provider);
        public Task InitializeAsync() => BoundaryDataset.LoadAsync(App);
        public Task DisposeAsync() { App.Dispose(); return Task.CompletedTask; }
    }

    private const string ContactsHeader = "contact_id,customer_id,agent_id,team,channel,reason,started_at";
    private const string ResponsesHeader = "response_id,contact_id,received_at,csat,resolved,nps,comment";

    /// <summary>Runs the verb on a file and checks it failed with exit 1 and changed nothing; returns what it printed.</summary>
    private async Task<string> RejectedAsync(string kind, string path, params string[] extra)
    {
        var before = Fingerprint(fixture.App);
        var run = await ImportCliAsync(fixture.App, [kind, path, .. extra]);
        File.Delete(path);
        Assert.True(run.ExitCode == 1, $"exit {run.ExitCode}: {run.Out} {run.Error}");
        Assert.Equal(before, Fingerprint(fixture.App));
        return run.Error + run.Out;
    }

    [DbFact]
    public async Task A_missing_required_column_is_a_file_error_naming_it()
    {
        var output = await RejectedAsync("contacts", WriteTemp("contact_id,customer_id,reason,started_at\nX1,C9,FAKTURA,2026-03-04 09:15\n"));
        Assert.Contains("error: Required column(s) missing: channel.", output);
        Assert.Contains("Nothing was imported", output);
    }

    [DbFact]
    public async Task An_unknown_channel_is_a_row_error()
    {
        var output = await RejectedAsync("contacts", WriteTemp($"{ContactsHeader}\nX1,C9,A1,T1,fax,FAKTURA,2026-03-04 09:15\n"));
        Assert.Contains("line 2, column channel: 'fax' is not a channel (use one of: phone, chat, email, messaging, social, selfservice)", output);
        Assert.Contains("Nothing was imported: 1 error(s) in 1 rows", output);
    }

    [DbFact]
    public async Task Csat_outside_one_to_five_or_not_a_number_and_nps_outside_zero_to_ten_are_row_errors()
    {
        var output = await RejectedAsync("survey-responses", WriteTemp($"""
            {ResponsesHeader}
            X1,K2,2026-03-05 12:00,6,yes,,
            X2,K2,2026-03-05 12:00,bra,yes,,
            X3,K2,2026-03-05 12:00,0,yes,,
            X4,K2,2026-03-05 12:00,4,yes,11,
            X5,K2,2026-03-05 12:00,4,yes,-1,
            """));
        Assert.Contains("line 2, column csat: 6 is outside 1–5 (CSAT is 1–5)", output);
        Assert.Contains("line 3, column csat: 'bra' is not a whole number (CSAT is 1–5)", output);
        Assert.Contains("line 4, column csat: 0 is outside 1–5", output);
        Assert.Contains("line 5, column nps: 11 is outside 0–10 (NPS is 0–10)", output);
        Assert.Contains("line 6, column nps: -1 is outside 0–10", output);
    }

    [DbFact]
    public async Task An_unparseable_timestamp_is_a_row_error()
    {
        var output = await RejectedAsync("contacts", WriteTemp($"{ContactsHeader}\nX1,C9,A1,T1,phone,FAKTURA,2026-13-04 09:15\nX2,C9,A1,T1,phone,FAKTURA,4 mars 2026\n"));
        Assert.Contains("line 2, column started_at: '2026-13-04 09:15' is not a timestamp (use ISO 8601", output);
        Assert.Contains("line 3, column started_at: '4 mars 2026' is not a timestamp", output);
    }

    [DbFact]
    public async Task A_response_for_an_unknown_contact_is_a_row_error()
    {
        var output = await RejectedAsync("survey-responses", WriteTemp($"{ResponsesHeader}\nX1,K99,2026-03-05 12:00,4,yes,,\n"));
        Assert.Contains("line 2, column contact_id: no contact with id 'K99' (import the contacts first, or in the same batch)", output);
    }

    [DbFact]
    public async Task A_duplicate_id_inside_one_file_names_the_first_line()
    {
        var output = await RejectedAsync("contacts", WriteTemp($"{ContactsHeader}\nX1,C9,A1,T1,phone,FAKTURA,2026-03-04 09:15\nX2,C9,A1,T1,phone,FAKTURA,2026-03-04 10:15\nX1,C9,A1,T1,chat,FAKTURA,2026-03-04 11:15\n"));
        Assert.Contains("line 4, column contact_id: duplicate id 'X1' (first on line 2)", output);
    }

    [DbFact]
    public async Task A_duplicate_response_id_inside_one_file_names_the_first_line()
    {
        var output = await RejectedAsync("survey-responses", WriteTemp($"{ResponsesHeader}\nXR1,K2,2026-03-05 12:00,4,yes,,\nXR2,K2,2026-03-05 13:00,5,yes,,\nXR1,K2,2026-03-05 14:00,2,no,,\n"));
        Assert.Contains("line 4, column response_id: duplicate id 'XR1' (first on line 2)", output);
    }

    [DbFact]
    public async Task An_empty_file_and_a_header_only_file_are_file_errors()
    {
        Assert.Contains("The file is empty: it needs a header row and at least one data row.", await RejectedAsync("contacts", WriteTemp("")));
        Assert.Contains("The file has a header row but no data rows.", await RejectedAsync("contacts", WriteTemp($"{ContactsHeader}\n")));
    }

    [DbFact]
    public async Task A_file_of_another_kind_says_which_kind_it_looks_like()
    {
        var output = await RejectedAsync("survey-responses", WriteTemp(BoundaryDataset.Contacts));
        Assert.Contains("This looks like a contacts file, not survey responses: the survey responses column(s) response_id, received_at, csat are missing. Choose \"contacts\" or another file.", output);
    }

    [DbFact]
    public async Task A_binary_file_is_refused()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        bytes[10] = 0;
        Assert.Contains("This is not a text file (it contains binary data). Upload a CSV (UTF-8) or an XLSX file.", await RejectedAsync("contacts", WriteTemp(bytes, ".bin")));
    }

    [DbFact]
    public async Task Windows_1252_text_asks_for_utf8()
    {
        var windows1252 = CodePagesEncoding();
        var output = await RejectedAsync("agents", WriteTemp("agent_id,name,team,email\nA9,Åsa Öberg,T1,\n", windows1252));
        Assert.Contains("The file is not UTF-8 text (it looks like Windows-1252/ANSI, as older Excel versions save it). Save it as \"CSV UTF-8\"", output);
    }

    [DbFact]
    public async Task Windows_1252_bytes_after_the_start_of_a_large_file_are_row_errors_asking_for_utf8()
    {
        // The first 64 KB are valid UTF-8: the sniffer passes it, the rows with other bytes are caught one by one.
        var text = new StringBuilder("agent_id,name,team,email\n");
        for (var i = 0; i < 3000; i++) text.Append($"B{i},Agent number {i},T1,\n");
        var bytes = Encoding.UTF8.GetBytes(text.ToString()).Concat(CodePagesEncoding().GetBytes("B9999,Åsa Öberg,T1,\n")).ToArray();
        var output = await RejectedAsync("agents", WriteTemp(bytes));
        Assert.Contains("line 3002, column name: contains bytes that are not UTF-8; save the file as \"CSV UTF-8\" and import again", output);
    }

    [DbFact]
    public async Task An_old_excel_file_is_refused_with_what_to_do()
    {
        byte[] oleHeader = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];
        Assert.Contains("This is an old Excel (.xls) file. Save it as .xlsx or as CSV UTF-8 and import again.", await RejectedAsync("contacts", WriteTemp(oleHeader, ".xls")));
    }

    [DbFact]
    public async Task A_broken_xlsx_is_refused()
    {
        var bytes = "PK\u0003\u0004 this is not really a zip archive"u8.ToArray();
        Assert.Contains("The file looks like an XLSX workbook but cannot be read", await RejectedAsync("contacts", WriteTemp(bytes, ".xlsx")));
    }

    [DbFact]
    public async Task A_file_with_errors_and_a_good_file_imported_together_write_nothing()
    {
        var contacts = WriteTemp($"{ContactsHeader}\nX1,C9,A1,T1,phone,FAKTURA,2026-03-04 09:15\n");
        var output = await RejectedAsync("contacts", contacts, "--also", $"survey-responses={WriteTemp($"{ResponsesHeader}\nXR1,X1,2026-03-05 12:00,9,yes,,\n")}");
        Assert.Contains("line 2, column csat: 9 is outside 1–5", output);
        Assert.Contains("Nothing was imported: this file is valid (1 rows), but another file imported with it has errors.", output);
    }

    [DbFact]
    public async Task Json_output_lists_each_error_by_line_and_column()
    {
        var before = Fingerprint(fixture.App);
        var path = WriteTemp($"{ContactsHeader}\nX1,C9,A1,T1,fax,FAKTURA,2026-03-04 09:15\n");
        var run = await ImportCliAsync(fixture.App, "contacts", path, "--format", "json");
        Assert.Equal(1, run.ExitCode);
        var json = run.Json;
        Assert.Equal("RejectedWithErrors", json.GetProperty("outcome").GetString());
        var error = json.GetProperty("errors")[0];
        Assert.Equal(2, error.GetProperty("line").GetInt64());
        Assert.Equal("channel", error.GetProperty("column").GetString());
        Assert.Equal(before, Fingerprint(fixture.App));
    }

    private static Encoding CodePagesEncoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }
}
