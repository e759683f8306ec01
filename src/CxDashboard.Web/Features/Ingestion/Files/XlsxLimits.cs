namespace CxDashboard.Web.Features.Ingestion.Files;

/// <summary>
/// How far an XLSX upload may expand (Imports:Xlsx). A workbook is a zip: a few megabytes can unpack to gigabytes, so
/// each part's unpacked size and packing ratio are checked from the zip's directory before anything is read (the
/// runtime stops unpacking an entry at the size the directory gives), and the sheet is read cell by cell within
/// Excel's own limits.
/// </summary>
public sealed class XlsxLimits
{
    public const string Section = "Imports:Xlsx";

    /// <summary>Unpacked size of a sheet or the shared strings (read as a stream, never held in memory).</summary>
    public long MaxPartBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>Unpacked size of every other XML part (workbook, styles, relationships), which are read whole.</summary>
    public long MaxMetadataPartBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>Unpacked size of all parts together.</summary>
    public long MaxTotalBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Unpacked ÷ packed size of a part over 1 MB; Excel's own files stay far below it.</summary>
    public int MaxCompressionRatio { get; set; } = 100;

    /// <summary>Rows of the sheet (Excel's limit).</summary>
    public int MaxRows { get; set; } = 1_048_576;

    /// <summary>Cells in one row (Excel's limit).</summary>
    public int MaxCellsPerRow { get; set; } = 16_384;

    /// <summary>Characters in one cell (Excel's limit).</summary>
    public int MaxCellCharacters { get; set; } = 32_767;

    /// <summary>Parts smaller than this are not held to the ratio (tiny parts pack very well).</summary>
    public const long RatioCheckedFromBytes = 1024 * 1024;
}
