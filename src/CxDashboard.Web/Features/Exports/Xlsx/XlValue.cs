using System.Text;

namespace CxDashboard.Web.Features.Exports.Xlsx;

/// <summary>How a column's cells are written: the value's type in the cell and its number format.</summary>
public enum XlFormat
{
    Text,

    /// <summary>A whole number with group separators ("#,##0"): counts.</summary>
    Integer,

    /// <summary>
    /// A percentage. Given as 0–100, as the API returns it (81.4); stored as the fraction (0.814) with a percent format
    /// ("0.0 %"), so Excel shows 81,4 % and a formula on the cell computes with the fraction.
    /// </summary>
    Percent,

    /// <summary>One decimal ("0.0"): NPS, engagement index, minutes.</summary>
    Decimal1,

    /// <summary>Two decimals ("0.00"): the CSAT mean.</summary>
    Decimal2,

    /// <summary>A signed change with one decimal ("+0.0;-0.0;0.0").</summary>
    SignedDecimal1,

    /// <summary>A signed change of a count ("+#,##0;-#,##0;0").</summary>
    SignedInteger,

    /// <summary>A calendar date ("yyyy-mm-dd").</summary>
    Date,

    /// <summary>A local date and time ("yyyy-mm-dd hh:mm"); Excel has no time zones, so the header names the zone.</summary>
    DateTime,

    /// <summary>TRUE / FALSE.</summary>
    Boolean,

    /// <summary>A probability with four decimals ("0.0000"): p-values.</summary>
    Probability,

    /// <summary>A duration. Given in seconds; stored as Excel time (a fraction of a day) shown as minutes and seconds ("[m]:ss").</summary>
    Duration,
}

/// <summary>The number formats behind <see cref="XlFormat"/>, shared by both workbook writers.</summary>
public static class XlFormats
{
    /// <summary>The number a cell stores for a value given in the format's own unit: percents as fractions, seconds as days.</summary>
    public static double Stored(XlFormat format, double value) => format switch
    {
        XlFormat.Percent => value / 100,
        XlFormat.Duration => value / 86_400,
        _ => value,
    };

    /// <summary>How a KPI of this unit is stored: percents as percentages, points with one decimal, the 1–5 score with two.</summary>
    public static XlFormat For(Metrics.KpiUnit unit) => unit switch
    {
        Metrics.KpiUnit.Percent => XlFormat.Percent,
        Metrics.KpiUnit.Score => XlFormat.Decimal2,
        _ => XlFormat.Decimal1,
    };

    public static string? NumberFormat(XlFormat format) => format switch
    {
        XlFormat.Integer => "#,##0",
        XlFormat.Percent => "0.0 %",
        XlFormat.Duration => "[m]:ss",
        XlFormat.Decimal1 => "0.0",
        XlFormat.Decimal2 => "0.00",
        XlFormat.SignedDecimal1 => "+0.0;-0.0;0.0",
        XlFormat.SignedInteger => "+#,##0;-#,##0;0",
        XlFormat.Date => "yyyy-mm-dd",
        XlFormat.DateTime => "yyyy-mm-dd hh:mm",
        XlFormat.Probability => "0.0000",
        _ => null,
    };
}

public enum XlValueKind : byte
{
    Empty,
    Text,
    Number,
    DateTime,
    Boolean,
}

/// <summary>
/// One cell's value without boxing: text, a number, a date-time or a boolean. Text is made safe for a workbook when it
/// is created: characters XML cannot carry are dropped and it is cut at Excel's 32,767 characters.
/// </summary>
public readonly struct XlValue
{
    /// <summary>Excel's limit for the text of one cell.</summary>
    public const int MaxTextLength = 32_767;

    public static readonly XlValue Empty = default;

    private XlValue(XlValueKind kind, string? text, double number, DateTime dateTime)
    {
        Kind = kind;
        Text = text;
        Number = number;
        DateTime = dateTime;
    }

    public XlValueKind Kind { get; }
    public string? Text { get; }
    public double Number { get; }
    public DateTime DateTime { get; }

    /// <summary>A cell Excel would read as a formula if typed in; such text is written as text with a quote prefix.</summary>
    public bool LooksLikeFormula => Kind == XlValueKind.Text && Presentation.SpreadsheetText.LooksLikeFormula(Text);

    public static XlValue FromText(string? text) =>
        string.IsNullOrEmpty(text) ? Empty : new XlValue(XlValueKind.Text, Clean(text), 0, default);

    public static XlValue FromNumber(double? number) =>
        number is { } n && double.IsFinite(n) ? new XlValue(XlValueKind.Number, null, n, default) : Empty;

    public static XlValue FromDateTime(DateTime? value) =>
        value is { } v ? new XlValue(XlValueKind.DateTime, null, 0, System.DateTime.SpecifyKind(v, DateTimeKind.Unspecified)) : Empty;

    public static XlValue FromDate(DateOnly? date) => FromDateTime(date?.ToDateTime(TimeOnly.MinValue));

    public static XlValue FromBoolean(bool? value) =>
        value is { } b ? new XlValue(XlValueKind.Boolean, null, b ? 1 : 0, default) : Empty;

    public static implicit operator XlValue(string? text) => FromText(text);
    public static implicit operator XlValue(double? number) => FromNumber(number);
    public static implicit operator XlValue(long number) => FromNumber(number);
    public static implicit operator XlValue(int number) => FromNumber(number);
    public static implicit operator XlValue(long? number) => FromNumber(number);
    public static implicit operator XlValue(int? number) => FromNumber(number);
    public static implicit operator XlValue(DateOnly? date) => FromDate(date);
    public static implicit operator XlValue(DateOnly date) => FromDate(date);
    public static implicit operator XlValue(bool? value) => FromBoolean(value);
    public static implicit operator XlValue(bool value) => FromBoolean(value);

    /// <summary>Drops characters XML 1.0 cannot hold (control characters other than tab and line breaks, lone surrogates).</summary>
    private static string Clean(string text)
    {
        if (text.Length > MaxTextLength) text = text[..MaxTextLength];
        var clean = true;
        foreach (var c in text)
        {
            if (!IsXmlChar(c)) { clean = false; break; }
        }
        if (clean && !HasLoneSurrogate(text)) return text;

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
                continue;
            }
            if (IsXmlChar(c) && !char.IsSurrogate(c)) builder.Append(c);
        }
        return builder.ToString();
    }

    private static bool IsXmlChar(char c) => c is '\t' or '\n' or '\r' || (c >= 0x20 && c != '\uFFFE' && c != '\uFFFF');

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (char.IsSurrogate(text[i])) return true;
        }
        return false;
    }
}

/// <summary>
/// One column of a table sheet: its header, width (in Excel's character units), format and value. A column whose rows
/// hold different kinds of number (a KPI column with percents, scores and points) gives each row its format.
/// </summary>
public sealed record XlColumn<T>(string Title, double Width, XlFormat Format, Func<T, XlValue> Value, Func<T, XlFormat>? FormatOf = null)
{
    /// <summary>Long text (definitions, notes) wraps within the column and aligns to the top.</summary>
    public bool Wrap { get; init; }

    public XlFormat FormatFor(T row) => FormatOf?.Invoke(row) ?? Format;
}
