namespace CxDashboard.Web.Features.Exports.Xlsx;

/// <summary>
/// What a table sheet holds besides its header and rows. Both are written under the table, outside its autofilter, so
/// sorting or filtering the table never moves them.
/// </summary>
public sealed record XlSheetOptions<T>
{
    /// <summary>
    /// The total row(s), in bold after a blank row; asked for once the rows are written, so a streamed sheet can add its
    /// rows up as they pass. Rates in them are recomputed from the summed counts, never averages of the rows' rates.
    /// </summary>
    public Func<IEnumerable<T>>? Totals { get; init; }

    /// <summary>Lines under the table (and its total) after a blank row: a heading in bold, then an item and its value each.</summary>
    public XlNotes? Below { get; init; }
}

/// <summary>A block of item/value lines, e.g. what a summary sheet is about.</summary>
public sealed record XlNotes(string Heading, IReadOnlyList<XlNote> Lines);

/// <summary>One item and its typed value: a date stays a date, a count a number.</summary>
public readonly record struct XlNote(string Item, XlValue Value, XlFormat Format = XlFormat.Text);

/// <summary>
/// Header rows that wrap and fit: every column is at least as wide as its longest word, and the header row is as tall
/// as its longest wrapped title, so no header is cut off. The same layout for both writers.
/// </summary>
public static class XlHeader
{
    /// <summary>Calibri 11's default row height in points.</summary>
    public const double LineHeight = 15;

    /// <summary>Bold header text runs wider than Excel's width unit (the digit 0); this keeps words inside their column.</summary>
    private const double BoldCharWidth = 1.15;

    /// <summary>Widths (at least the longest word) and the header row's height in points.</summary>
    public static (double[] Widths, double Height) Layout(IReadOnlyList<(string Title, double Width)> columns)
    {
        var widths = new double[columns.Count];
        var lines = 1;
        for (var i = 0; i < columns.Count; i++)
        {
            var words = columns[i].Title.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var longest = words.Length == 0 ? 0 : words.Max(w => w.Length);
            widths[i] = Math.Max(columns[i].Width, Math.Ceiling(longest * BoldCharWidth) + 1);
            lines = Math.Max(lines, Lines(words, widths[i]));
        }
        return (widths, lines * LineHeight + 2);
    }

    /// <summary>How many lines a title takes when wrapped at spaces in a column this wide.</summary>
    public static int Lines(IReadOnlyList<string> words, double width)
    {
        var capacity = Math.Max(1, (width - 1) / BoldCharWidth);
        var lines = 1;
        var used = -1.0;
        foreach (var word in words)
        {
            if (used < 0) used = word.Length;
            else if (used + 1 + word.Length <= capacity) used += 1 + word.Length;
            else { lines++; used = word.Length; }
        }
        return lines;
    }
}
