using System.IO.Compression;
using System.Net;
using System.Text;
using CxDashboard.Tests.Imports;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Ingestion;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Security;

/// <summary>
/// An XLSX upload is bounded in what it may expand to. Each workbook is built here, small on disk: a sheet that packs
/// a thousandfold (a zip bomb), a cell longer than Excel allows, a row with more cells than Excel allows. Each is
/// refused with a message that says why, on the web and on the command line, and nothing is written.
/// </summary>
public sealed class XlsxBombTests(XlsxBombTests.Fixture fixture) : IClassFixture<XlsxBombTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public CxAppFactory App { get; } = new();
        public HttpClient Admin { get; private set; } = null!;

        public async Task InitializeAsync() => Admin = await App.SignedInClientAsync("admin@bomb.test", Roles.Admin);

        public Task DisposeAsync() { App.Dispose(); return Task.CompletedTask; }
    }

    private const string Header = "agent_id,name,team,email";

    /// <summary>A minimal workbook whose first sheet is <paramref name="sheetXml"/>, written in pieces so no test holds it whole.</summary>
    internal static byte[] Workbook(Action<TextWriter> sheetXml)
    {
        using var file = new MemoryStream();
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Part(string name, string xml)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(xml);
            }
            Part("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            Part("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Part("xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="agents" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Part("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
            using var sheet = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false));
            sheet.Write("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
            sheet.Write(Row(1, Header.Split(',')));
            sheetXml(sheet);
            sheet.Write("</sheetData></worksheet>");
        }
        return file.ToArray();
    }

    internal static string Row(int number, IEnumerable<string> cells) =>
        $"<row r=\"{number}\">" + string.Concat(cells.Select(c => $"<c t=\"inlineStr\"><is><t>{c}</t></is></c>")) + "</row>";

    /// <summary>A sheet of 64 MB of one repeated row that packs into well under a megabyte.</summary>
    internal static byte[] Bomb() => Workbook(sheet =>
    {
        var row = Row(2, ["A1", "Anna", "T1", "anna@example.test"]);
        for (var i = 0; i < 64 * 1024 * 1024 / row.Length; i++) sheet.Write(row);
    });

    private static byte[] LongCell() => Workbook(sheet =>
    {
        var random = new Random(7);
        var text = new string(Enumerable.Range(0, 40_000).Select(_ => (char)('a' + random.Next(26))).ToArray());
        sheet.Write(Row(2, ["A1", text, "T1", "anna@example.test"]));
    });

    private static byte[] WideRow() => Workbook(sheet => sheet.Write(Row(2, Enumerable.Range(0, 17_000).Select(i => "x"))));

    public static TheoryData<string, string> Files => new()
    {
        { nameof(Bomb), "times its packed size (at most 100" },
        { nameof(LongCell), "Row 2: a cell holds more than 32,767 characters (Excel's limit)" },
        { nameof(WideRow), "Row 2: more than 16,384 cells (Excel's limit)" },
    };

    private static byte[] Build(string name) => name switch
    {
        nameof(Bomb) => Bomb(),
        nameof(LongCell) => LongCell(),
        _ => WideRow(),
    };

    [Fact]
    public void The_bomb_is_small_on_disk()
    {
        var bomb = Bomb();
        Assert.True(bomb.Length < 1024 * 1024, $"{bomb.Length:N0} bytes");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task An_upload_is_refused_on_the_check_page_with_why_and_nothing_is_written(string name, string message)
    {
        var runUrl = await ImportPageTests.UploadAsync(fixture.Admin, ("AgentsFile", $"{name}.xlsx", Build(name)));
        var page = await Html.GetDocumentAsync(fixture.Admin, runUrl);
        Assert.Contains(message, page.QuerySelector("[data-testid=file-error]").Text());
        Assert.Equal(0, await fixture.App.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().Agents.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task The_cli_refuses_it_with_the_same_message(string name, string message)
    {
        var path = Path.Combine(Path.GetTempPath(), $"cx-{name}-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(path, Build(name));
        try
        {
            var run = await CliRunner.RunAsync(fixture.App.ConnectionString, CxAppFactory.DefaultNow, "import", "agents", path);
            Assert.NotEqual(0, run.ExitCode);
            Assert.Contains(message, run.Error + run.Out);
            Assert.Equal(0, await fixture.App.WithScopeAsync(sp => sp.GetRequiredService<CxDbContext>().Agents.CountAsync()));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_workbook_within_the_limits_still_imports()
    {
        var ok = Workbook(sheet => sheet.Write(Row(2, ["B7", "Bo", "T9", "bo@example.test"])));
        var result = await fixture.App.WithScopeAsync(sp => sp.GetRequiredService<ImportService>()
            .ImportFileAsync(ImportKind.Agents, new MemoryStream(ok), new ImportOptions { DryRun = true }));
        Assert.True(result.FileError is null, result.FileError);
        Assert.Equal(1, result.Rows);
    }
}
