using ClosedXML.Excel;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Web.Features.Exports.Xlsx;

namespace CxDashboard.Tests.Exports;

/// <summary>
/// Both table writers (streaming Open XML and ClosedXML) produce the same workbook: typed cells with number formats,
/// a frozen bold header, an autofilter, set widths, and formula-looking text stored as text. Read back with ClosedXML.
/// </summary>
public sealed class TableWorkbookWriterTests
{
    private sealed record Sample(string Name, long Count, double? Rate, double Mean, DateTime At, DateOnly Day, bool Flag, string? Comment);

    private static readonly XlColumn<Sample>[] Columns =
    [
        new("Name", 20, XlFormat.Text, s => s.Name),
        new("Count", 10, XlFormat.Integer, s => s.Count),
        new("Rate", 9, XlFormat.Percent, s => s.Rate),
        new("Mean", 8, XlFormat.Decimal2, s => s.Mean),
        new("At (Europe/Stockholm)", 18, XlFormat.DateTime, s => XlValue.FromDateTime(s.At)),
        new("Day", 11, XlFormat.Date, s => s.Day),
        new("Flag", 7, XlFormat.Boolean, s => s.Flag),
        new("Comment", 60, XlFormat.Text, s => s.Comment),
    ];

    private static readonly Sample[] Rows =
    [
        new("Anna", 1234, 81.4285714, 4.125, new DateTime(2026, 3, 4, 9, 15, 0), new DateOnly(2026, 3, 4), true, "=cmd|' /C calc'!A0"),
        new("Bertil", 0, null, 3, new DateTime(2026, 3, 5, 23, 59, 0), new DateOnly(2026, 3, 5), false, "Bra\u0001 service\u0007 – tack"),
        new("-minus", 7, 100, 5, new DateTime(2026, 3, 6, 0, 0, 0), new DateOnly(2026, 3, 6), false, "@mention +46 70"),
    ];

    public static TheoryData<string> Writers => new() { "streaming", "closedxml" };

    private static async Task<XLWorkbook> WriteAndOpenAsync(string writerKind) => new(new MemoryStream(await WriteAsync(writerKind)));

    private static async Task<byte[]> WriteAsync(string writerKind)
    {
        var stream = new MemoryStream();
        using (ITableWorkbookWriter writer = writerKind == "streaming" ? new StreamingXlsxWriter(stream) : new ClosedXmlTableWorkbookWriter(stream))
        {
            Assert.Equal(3, await writer.AddSheetAsync("Samples", Columns, Rows.ToAsyncEnumerable()));
            Assert.Equal(0, await writer.AddSheetAsync("Empty", Columns, AsyncEnumerable.Empty<Sample>()));
            writer.Complete();
        }
        return stream.ToArray();
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public async Task The_package_is_valid_against_the_office_schema(string writerKind)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(await WriteAsync(writerKind)), false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2016).Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public async Task Cells_are_typed_and_formatted(string writerKind)
    {
        using var workbook = await WriteAndOpenAsync(writerKind);
        var sheet = workbook.Worksheet("Samples");

        Assert.Equal("Name", sheet.Cell("A1").GetString());
        Assert.True(sheet.Cell("A1").Style.Font.Bold);
        Assert.Equal("Anna", sheet.Cell("A2").GetString());

        Assert.Equal(XLDataType.Number, sheet.Cell("B2").DataType);
        Assert.Equal(1234, sheet.Cell("B2").GetDouble());
        Assert.Equal("#,##0", sheet.Cell("B2").Style.NumberFormat.Format);

        Assert.Equal(XLDataType.Number, sheet.Cell("C2").DataType);
        // Percentages are stored as fractions with a percent format: 0.814… shows as 81,4 %.
        Assert.Equal(0.814285714, sheet.Cell("C2").GetDouble(), 9);
        Assert.Equal("0.0 %", sheet.Cell("C2").Style.NumberFormat.Format);
        Assert.True(sheet.Cell("C3").IsEmpty(), "a missing rate stays empty, never 0");

        Assert.Equal("0.00", sheet.Cell("D2").Style.NumberFormat.Format);
        Assert.Equal(XLDataType.DateTime, sheet.Cell("E2").DataType);
        Assert.Equal(new DateTime(2026, 3, 4, 9, 15, 0), sheet.Cell("E2").GetDateTime());
        Assert.Equal("yyyy-mm-dd hh:mm", sheet.Cell("E2").Style.DateFormat.Format);
        Assert.Equal(new DateTime(2026, 3, 4), sheet.Cell("F2").GetDateTime());
        Assert.Equal("yyyy-mm-dd", sheet.Cell("F2").Style.DateFormat.Format);
        Assert.Equal(XLDataType.Boolean, sheet.Cell("G2").DataType);
        Assert.True(sheet.Cell("G2").GetBoolean());
        Assert.False(sheet.Cell("G3").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public async Task Formula_looking_text_stays_text(string writerKind)
    {
        using var workbook = await WriteAndOpenAsync(writerKind);
        var sheet = workbook.Worksheet("Samples");

        var injected = sheet.Cell("H2");
        Assert.False(injected.HasFormula);
        Assert.Equal(XLDataType.Text, injected.DataType);
        Assert.Equal("=cmd|' /C calc'!A0", injected.GetString());
        Assert.True(injected.Style.IncludeQuotePrefix);

        Assert.Equal("-minus", sheet.Cell("A4").GetString());
        Assert.False(sheet.Cell("A4").HasFormula);
        Assert.True(sheet.Cell("A4").Style.IncludeQuotePrefix);
        Assert.Equal("@mention +46 70", sheet.Cell("H4").GetString());
        Assert.True(sheet.Cell("H4").Style.IncludeQuotePrefix);

        // Control characters XML cannot carry are dropped, the rest of the text is kept.
        Assert.Equal("Bra service – tack", sheet.Cell("H3").GetString());
        Assert.False(sheet.Cell("A2").Style.IncludeQuotePrefix);
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public async Task Header_is_frozen_filtered_and_columns_have_widths(string writerKind)
    {
        using var workbook = await WriteAndOpenAsync(writerKind);
        foreach (var sheet in workbook.Worksheets)
        {
            Assert.Equal(1, sheet.SheetView.SplitRow);
            Assert.True(sheet.AutoFilter.IsEnabled, $"{sheet.Name} has an autofilter");
            Assert.Equal(1, sheet.AutoFilter.Range.FirstRow().RowNumber());
            Assert.Equal(Columns.Length, sheet.AutoFilter.Range.ColumnCount());
            Assert.Equal(60, sheet.Column(8).Width, 1);
            Assert.Equal(20, sheet.Column(1).Width, 1);
        }
        Assert.Equal(4, workbook.Worksheet("Samples").AutoFilter.Range.RowCount());
        Assert.Equal(["Samples", "Empty"], workbook.Worksheets.Select(s => s.Name));
    }

    private sealed record Line(string Name, long Count, double? Rate, double? HandleSeconds, string? Note);

    private static readonly XlColumn<Line>[] LineColumns =
    [
        new("Team name of the contact centre", 8, XlFormat.Text, l => l.Name),
        new("Contacts", 9, XlFormat.Integer, l => l.Count),
        new("Repeat-contact rate", 9, XlFormat.Percent, l => l.Rate),
        new("Average handle time", 9, XlFormat.Duration, l => l.HandleSeconds),
        new("Note", 30, XlFormat.Text, l => l.Note) { Wrap = true },
    ];

    private static async Task<XLWorkbook> WriteTotalsAsync(string writerKind)
    {
        var stream = new MemoryStream();
        using (ITableWorkbookWriter writer = writerKind == "streaming" ? new StreamingXlsxWriter(stream) : new ClosedXmlTableWorkbookWriter(stream))
        {
            Line[] rows = [new("T1", 10, 20, 455, "a long note that wraps within its column"), new("T2", 30, 10, 90, null)];
            await writer.AddSheetAsync("Teams", LineColumns, rows.ToAsyncEnumerable(), new XlSheetOptions<Line>
            {
                Totals = () => [new("Total", 40, 12.5, 170.75, null)],
                Below = new XlNotes("About", [new("Period from", new DateOnly(2026, 3, 1), XlFormat.Date), new("Rows", 2, XlFormat.Integer)]),
            });
            writer.Complete();
        }
        return new XLWorkbook(new MemoryStream(stream.ToArray()));
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public async Task Totals_and_notes_sit_under_the_table_outside_its_filter_and_headers_wrap_and_fit(string writerKind)
    {
        using var workbook = await WriteTotalsAsync(writerKind);
        var sheet = workbook.Worksheet("Teams");

        Assert.Equal("A1:E3", sheet.AutoFilter.Range.RangeAddress.ToString());
        Assert.True(sheet.Row(4).IsEmpty());
        Assert.Equal("Total", sheet.Cell("A5").GetString());
        Assert.True(sheet.Cell("A5").Style.Font.Bold);
        Assert.True(sheet.Cell("B5").Style.Font.Bold);
        Assert.Equal(40, sheet.Cell("B5").GetDouble());
        Assert.Equal(0.125, sheet.Cell("C5").GetDouble(), 12);
        Assert.True(sheet.Row(6).IsEmpty());
        Assert.Equal("About", sheet.Cell("A7").GetString());
        Assert.True(sheet.Cell("A7").Style.Font.Bold);
        Assert.Equal(new DateTime(2026, 3, 1), sheet.Cell("B8").GetDateTime());
        Assert.Equal(2, sheet.Cell("B9").GetDouble());
        Assert.Equal("#,##0", sheet.Cell("B9").Style.NumberFormat.Format);

        // Handle time as a duration: 455 s is 7:35.
        Assert.Equal(455, Workbooks.DurationSeconds(sheet.Cell("D2")), 3);
        Assert.Equal("[m]:ss", sheet.Cell("D2").Style.NumberFormat.Format);
        Assert.True(sheet.Cell("E2").Style.Alignment.WrapText);
        Assert.False(sheet.Cell("B2").Style.Alignment.WrapText);

        // "Team name of the contact centre" in a column asked to be 8 wide: widened to its longest word, the row made tall.
        Workbooks.AssertHeadersWrapAndFit(sheet);
        Assert.True(sheet.Row(1).Height > 15 * 3, $"header row {sheet.Row(1).Height} pt");
    }
}
