using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CxDashboard.Web.Features.Exports.Xlsx;

/// <summary>
/// A workbook written row by row, for raw exports of any size in flat memory: each sheet is streamed into its zip entry
/// as its rows arrive, text is stored inline (no shared-string table to hold), and the zip is written in create mode,
/// entry by entry, so the output stream need not be seekable. Cells are written with a plain XmlWriter (measured: the
/// Open XML SDK's OpenXmlWriter took half as long again per cell); the sheet's frame (view, columns, filter), the
/// workbook and the styles are the SDK's typed elements. The SDK's own package layer (System.IO.Packaging) is not used:
/// it needs a read-write package and then keeps every part in memory until the end.
/// </summary>
public sealed class StreamingXlsxWriter : ITableWorkbookWriter
{
    private const int HeaderStyle = 1;
    private const uint FirstCustomNumberFormat = 164;

    /// <summary>A stored column width includes the cell's padding; ClosedXML adds the same, so widths mean the same in both writers.</summary>
    private const double CellPadding = 0.710625;
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships";

    private static readonly XlFormat[] Formats = Enum.GetValues<XlFormat>();

    private readonly ZipArchive _zip;
    private readonly List<(string Name, string FilterRange)> _sheets = [];
    private bool _completed;

    public StreamingXlsxWriter(Stream output, CompressionLevel compression = CompressionLevel.Fastest)
    {
        _zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        _compression = compression;
    }

    private readonly CompressionLevel _compression;

    public async Task<long> AddSheetAsync<T>(string name, IReadOnlyList<XlColumn<T>> columns, IAsyncEnumerable<T> rows, XlSheetOptions<T>? options = null,
        CancellationToken ct = default)
    {
        if (_completed) throw new InvalidOperationException("The workbook is complete.");
        var letters = columns.Select((_, i) => ColumnLetters(i + 1)).ToArray();
        var (widths, headerHeight) = XlHeader.Layout(columns.Select(c => (c.Title, c.Width)).ToList());
        long written = 0;
        await using var entry = _zip.CreateEntry($"xl/worksheets/sheet{_sheets.Count + 1}.xml", _compression).Open();
        using (var xml = XmlWriter.Create(entry, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            xml.WriteStartDocument(standalone: true);
            xml.WriteStartElement("worksheet", Main);
            FrozenHeaderView(isFirstSheet: _sheets.Count == 0).WriteTo(xml);
            new Columns(columns.Select((c, i) => new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = widths[i] + CellPadding, CustomWidth = true })).WriteTo(xml);

            xml.WriteStartElement("sheetData", Main);
            var cells = new CellWriter(xml);
            cells.StartRow(1, headerHeight);
            for (var i = 0; i < columns.Count; i++) cells.Text(letters[i] + "1", columns[i].Title, HeaderStyle);
            cells.EndRow();

            void WriteRow(long rowNumber, T row, bool bold)
            {
                var suffix = rowNumber.ToString(CultureInfo.InvariantCulture);
                cells.StartRow(rowNumber);
                for (var i = 0; i < columns.Count; i++)
                    cells.Write(letters[i] + suffix, columns[i].Value(row), columns[i].FormatFor(row), columns[i].Wrap, bold);
                cells.EndRow();
            }

            await foreach (var row in rows.WithCancellation(ct))
            {
                if (written == TableWorkbookLimits.MaxDataRows) throw new TooManyRowsException(name, written + 1);
                WriteRow(written + 2, row, bold: false);
                written++;
            }

            // Under the table, outside its filter: the total and the notes, each after a blank row.
            var next = written + 2;
            if (options?.Totals is { } totals)
            {
                foreach (var total in totals()) WriteRow(++next, total, bold: true);
                next++;
            }
            if (options?.Below is { } notes)
            {
                var rowNumber = next + 1;
                cells.StartRow(rowNumber);
                cells.Write("A" + rowNumber.ToString(CultureInfo.InvariantCulture), notes.Heading, XlFormat.Text, wrap: false, bold: true);
                cells.EndRow();
                foreach (var line in notes.Lines)
                {
                    var suffix = (++rowNumber).ToString(CultureInfo.InvariantCulture);
                    cells.StartRow(rowNumber);
                    cells.Write("A" + suffix, line.Item, XlFormat.Text, wrap: false, bold: false);
                    cells.Write("B" + suffix, line.Value, line.Format, wrap: false, bold: false);
                    cells.EndRow();
                }
            }
            xml.WriteEndElement(); // sheetData

            var filterRange = $"A1:{letters[^1]}{written + 1}";
            new AutoFilter { Reference = filterRange }.WriteTo(xml);
            xml.WriteEndElement(); // worksheet
            xml.WriteEndDocument();
            _sheets.Add((name, filterRange));
        }
        return written;
    }

    /// <summary>Writes the workbook index, styles, relationships and content types, and closes the zip.</summary>
    public void Complete()
    {
        if (_completed) return;
        _completed = true;

        var sheets = new Sheets();
        var names = new DefinedNames();
        for (var i = 0; i < _sheets.Count; i++)
        {
            var (name, filterRange) = _sheets[i];
            sheets.Append(new Sheet { Name = name, SheetId = (uint)(i + 1), Id = $"rId{i + 1}" });
            // Excel records a sheet's autofilter range as this hidden name too.
            names.Append(new DefinedName(AbsoluteRange(name, filterRange)) { Name = "_xlnm._FilterDatabase", LocalSheetId = (uint)i, Hidden = true });
        }
        var workbook = new Workbook(new BookViews(new WorkbookView()), sheets);
        if (names.HasChildren) workbook.Append(names);
        workbook.AddNamespaceDeclaration("r", RelationshipsNamespace);
        WriteEntry("xl/workbook.xml", xml => workbook.WriteTo(xml));
        WriteEntry("xl/styles.xml", xml => Stylesheet().WriteTo(xml));

        WriteEntry("xl/_rels/workbook.xml.rels", xml =>
        {
            xml.WriteStartElement("Relationships", PackageRelationshipsNamespace);
            for (var i = 0; i < _sheets.Count; i++)
                Relationship(xml, $"rId{i + 1}", $"{RelationshipsNamespace}/worksheet", $"worksheets/sheet{i + 1}.xml");
            Relationship(xml, $"rId{_sheets.Count + 1}", $"{RelationshipsNamespace}/styles", "styles.xml");
            xml.WriteEndElement();
        });
        WriteEntry("_rels/.rels", xml =>
        {
            xml.WriteStartElement("Relationships", PackageRelationshipsNamespace);
            Relationship(xml, "rId1", $"{RelationshipsNamespace}/officeDocument", "xl/workbook.xml");
            xml.WriteEndElement();
        });
        WriteEntry("[Content_Types].xml", xml =>
        {
            const string types = "http://schemas.openxmlformats.org/package/2006/content-types";
            xml.WriteStartElement("Types", types);
            Default(xml, types, "rels", "application/vnd.openxmlformats-package.relationships+xml");
            Default(xml, types, "xml", "application/xml");
            Override(xml, types, "/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
            Override(xml, types, "/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
            for (var i = 0; i < _sheets.Count; i++)
                Override(xml, types, $"/xl/worksheets/sheet{i + 1}.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
            xml.WriteEndElement();
        });
        _zip.Dispose();
    }

    public void Dispose() => _zip.Dispose();

    private void WriteEntry(string path, Action<XmlWriter> write)
    {
        using var stream = _zip.CreateEntry(path, _compression).Open();
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        xml.WriteStartDocument(standalone: true);
        write(xml);
        xml.WriteEndDocument();
    }

    private static void Relationship(XmlWriter xml, string id, string type, string target)
    {
        xml.WriteStartElement("Relationship", PackageRelationshipsNamespace);
        xml.WriteAttributeString("Id", id);
        xml.WriteAttributeString("Type", type);
        xml.WriteAttributeString("Target", target);
        xml.WriteEndElement();
    }

    private static void Default(XmlWriter xml, string ns, string extension, string contentType)
    {
        xml.WriteStartElement("Default", ns);
        xml.WriteAttributeString("Extension", extension);
        xml.WriteAttributeString("ContentType", contentType);
        xml.WriteEndElement();
    }

    private static void Override(XmlWriter xml, string ns, string part, string contentType)
    {
        xml.WriteStartElement("Override", ns);
        xml.WriteAttributeString("PartName", part);
        xml.WriteAttributeString("ContentType", contentType);
        xml.WriteEndElement();
    }

    /// <summary>Cell styles per format: with or without a quote prefix, wrapping, bold (see <see cref="Stylesheet"/>).</summary>
    private const int Variants = 8;

    /// <summary>The style index of a cell of the given format and look (0 is plain, 1 the header; see <see cref="Stylesheet"/>).</summary>
    private static uint StyleOf(XlFormat format, bool quotePrefix, bool wrap, bool bold) =>
        (uint)(2 + Array.IndexOf(Formats, format) * Variants + (quotePrefix ? 1 : 0) + (wrap ? 2 : 0) + (bold ? 4 : 0));

    /// <summary>Writes rows and cells straight as XML: a sheet has millions of cells, so no object is made per cell.</summary>
    private sealed class CellWriter(XmlWriter xml)
    {
        private static readonly string[] StyleTexts = Enumerable.Range(0, 2 + Formats.Length * Variants).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
        private readonly char[] _number = new char[32];

        public void StartRow(long rowNumber, double? height = null)
        {
            xml.WriteStartElement("row", Main);
            xml.WriteAttributeString("r", rowNumber.ToString(CultureInfo.InvariantCulture));
            if (height is not { } points) return;
            xml.WriteAttributeString("ht", points.ToString("0.##", CultureInfo.InvariantCulture));
            xml.WriteAttributeString("customHeight", "1");
        }

        public void EndRow() => xml.WriteEndElement();

        public void Write(string reference, XlValue value, XlFormat format, bool wrap, bool bold)
        {
            switch (value.Kind)
            {
                case XlValueKind.Empty:
                    return;
                case XlValueKind.Text:
                    Text(reference, value.Text!, StyleOf(XlFormat.Text, value.LooksLikeFormula, wrap, bold));
                    return;
                case XlValueKind.Boolean:
                    Start(reference, StyleOf(XlFormat.Boolean, false, wrap, bold), "b");
                    xml.WriteElementString("v", Main, value.Number != 0 ? "1" : "0");
                    xml.WriteEndElement();
                    return;
                case XlValueKind.DateTime:
                    Number(reference, value.DateTime.ToOADate(), StyleOf(format is XlFormat.Date ? XlFormat.Date : XlFormat.DateTime, false, wrap, bold));
                    return;
                default:
                    Number(reference, XlFormats.Stored(format, value.Number), StyleOf(format, false, wrap, bold));
                    return;
            }
        }

        private void Number(string reference, double number, uint style)
        {
            Start(reference, style, null);
            xml.WriteStartElement("v", Main);
            // Round-trip formatting into a reused buffer: the shortest text that reads back as the same double.
            if (number.TryFormat(_number, out var length, "R", CultureInfo.InvariantCulture)) xml.WriteChars(_number, 0, length);
            else xml.WriteString(number.ToString("R", CultureInfo.InvariantCulture));
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        public void Text(string reference, string text, uint style)
        {
            Start(reference, style, "inlineStr");
            xml.WriteStartElement("is", Main);
            xml.WriteStartElement("t", Main);
            if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
                xml.WriteAttributeString("xml", "space", "http://www.w3.org/XML/1998/namespace", "preserve");
            xml.WriteString(text);
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        private void Start(string reference, uint style, string? type)
        {
            xml.WriteStartElement("c", Main);
            xml.WriteAttributeString("r", reference);
            xml.WriteAttributeString("s", StyleTexts[style]);
            if (type is not null) xml.WriteAttributeString("t", type);
        }
    }

    private static SheetViews FrozenHeaderView(bool isFirstSheet) => new(new SheetView(
        new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
        new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
    {
        WorkbookViewId = 0,
        TabSelected = isFirstSheet,
    });

    /// <summary>
    /// cellXfs: 0 plain, 1 header (bold on grey, wrapping, top-aligned), then eight per <see cref="XlFormat"/> in enum
    /// order: with a quote prefix (formula-looking text that must stay text when edited), wrapping (top-aligned) and bold,
    /// in every combination (<see cref="StyleOf"/>).
    /// </summary>
    private static Stylesheet Stylesheet()
    {
        var numberFormats = new NumberingFormats();
        var formatIds = new Dictionary<string, uint>();
        foreach (var code in Formats.Select(XlFormats.NumberFormat).OfType<string>().Distinct())
        {
            var id = FirstCustomNumberFormat + (uint)formatIds.Count;
            formatIds[code] = id;
            numberFormats.Append(new NumberingFormat { NumberFormatId = id, FormatCode = code });
        }
        numberFormats.Count = (uint)formatIds.Count;

        var cellFormats = new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top })
            {
                NumberFormatId = 0, FontId = 1, FillId = 2, BorderId = 0, FormatId = 0, ApplyFont = true, ApplyFill = true, ApplyAlignment = true,
            });
        foreach (var format in Formats)
        {
            var code = XlFormats.NumberFormat(format);
            for (var variant = 0; variant < Variants; variant++)
            {
                var (quotePrefix, wrap, bold) = ((variant & 1) != 0, (variant & 2) != 0, (variant & 4) != 0);
                var cell = new CellFormat { NumberFormatId = code is null ? 0 : formatIds[code], FontId = bold ? 1U : 0U, FillId = 0, BorderId = 0, FormatId = 0 };
                if (code is not null) cell.ApplyNumberFormat = true;
                if (bold) cell.ApplyFont = true;
                if (quotePrefix) cell.QuotePrefix = true;
                if (wrap)
                {
                    cell.Append(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top });
                    cell.ApplyAlignment = true;
                }
                cellFormats.Append(cell);
            }
        }
        cellFormats.Count = (uint)cellFormats.ChildElements.Count;

        return new Stylesheet(
            numberFormats,
            new Fonts(
                new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
                new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }))
            { Count = 2 },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFF0F2F5" }) { PatternType = PatternValues.Solid }))
            { Count = 3 },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            cellFormats,
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }

    private static string AbsoluteRange(string sheet, string range)
    {
        var parts = range.Split(':');
        static string Absolute(string cell)
        {
            var split = cell.IndexOfAny("0123456789".ToCharArray());
            return $"${cell[..split]}${cell[split..]}";
        }
        return $"'{sheet.Replace("'", "''", StringComparison.Ordinal)}'!{Absolute(parts[0])}:{Absolute(parts[1])}";
    }

    public static string ColumnLetters(int column)
    {
        var letters = "";
        for (; column > 0; column = (column - 1) / 26) letters = (char)('A' + (column - 1) % 26) + letters;
        return letters;
    }
}
