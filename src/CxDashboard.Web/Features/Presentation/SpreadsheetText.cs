namespace CxDashboard.Web.Features.Presentation;

/// <summary>
/// Text that goes into a spreadsheet cell. A value starting with =, +, - or @ would be read as a formula by Excel
/// (formula injection, e.g. "=cmd|' /C calc'!A0"); such values are written as text cells, and in CSV prefixed
/// with an apostrophe.
/// </summary>
public static class SpreadsheetText
{
    public static bool LooksLikeFormula(string? value) =>
        !string.IsNullOrEmpty(value) && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>The value for a CSV cell: formula-looking text gets a leading apostrophe.</summary>
    public static string? ForCsv(string? value) => LooksLikeFormula(value) ? "'" + value : value;
}
