using System.Globalization;

namespace CxDashboard.Web.Features.Ingestion;

/// <summary>
/// Everything the importer says about a file or a row, as whole English sentences with numbered placeholders: row
/// errors (the line and column are given beside them), file errors, and notes about master data it creates. The
/// importer writes them in English, the form the command line, the API and the import history keep; a page shows each
/// one in the reader's language by recognising its sentence (<see cref="Imports.ImportMessageText"/>), so a message a
/// person reads must be one of these.
/// </summary>
public static class ImportText
{
    // Notes about master data.
    public const string TeamsCreated = "{0} new team(s) created.";
    public const string AgentsCreated = "{0} agent id(s) not seen before were created with the id as their name; import the agents file to name them.";
    public const string ReasonsCreated = "{0} new contact reason code(s) created and flagged for review (Admin → Contact reasons).";
    public const string AnswersReplaced = "{0} earlier imported answer(s) of the same team-months were replaced by this file.";
    public const string TeamsWillBeCreated = "{0} new team(s) will be created.";
    public const string AgentsWillBeCreated = "{0} agent id(s) not seen before will be created with the id as their name; import the agents file to name them.";
    public const string ReasonsWillBeCreated = "{0} new contact reason code(s) will be created and flagged for review (Admin → Contact reasons).";
    public const string AnswersWillBeReplaced = "{0} earlier imported answer(s) of the same team-months will be replaced by this file.";
    public const string UnknownColumns = "Unknown column(s) ignored: {0}.";

    // Row errors (the column is named beside them).
    public const string NotUtf8Cell = "contains bytes that are not UTF-8; save the file as \"CSV UTF-8\" and import again";
    public const string TooLong = "is longer than {0} characters";
    public const string RequiredButEmpty = "is required but empty";
    public const string NotAWholeNumber = "'{0}' is not a whole number ({1})";
    public const string OutsideRange = "{0} is outside {1}–{2} ({3})";
    public const string NotYesNo = "'{0}' is not yes/no (also ja/nej, true/false, 1/0)";
    public const string NotATimestamp = "'{0}' is not a timestamp (use ISO 8601, e.g. 2026-03-04T09:15:00+01:00 or 2026-03-04 09:15)";
    public const string NotAMonth = "'{0}' is not a month (use YYYY-MM, e.g. 2026-03)";
    public const string NotAChannel = "'{0}' is not a channel (use one of: {1})";
    public const string NotAnEmail = "'{0}' is not an e-mail address";
    public const string NoTeamNamed = "no team named '{0}'";
    public const string NoTeamNamedCreateIt = "no team named '{0}' (create it under Admin → Teams or import the agents file first)";
    public const string NoTeamNamedOwnTeamsOnly = "no team named '{0}'; you may place agents in your own teams only";
    public const string NoItemAnswered = "at least one of q1…q10 must be answered";
    public const string DuplicateId = "duplicate id '{0}' (first on line {1})";
    public const string NoSuchContact = "no contact with id '{0}' (import the contacts first, or in the same batch)";
    public const string OtherTeamsCustomer =
        "customer '{0}' has contacts outside your teams: only an administrator or a manager of all teams may change their name, phone, e-mail or do-not-contact (leave those cells empty or as stored)";
    public const string RowOfNoTeam = "{0} has no team; you may import rows of your teams only ({1})";
    public const string RowOfOtherTeam = "{0} belongs to team '{1}', which is not one of your teams ({2})";

    // What a row is and what a number must be, inside the row errors above.
    public const string TheAgent = "the agent";
    public const string TheContact = "the contact";
    public const string TheAnswer = "the answer";
    public const string AgentWithId = "agent '{0}'";
    public const string ContactWithId = "contact '{0}'";
    public const string ResponseOfContact = "response '{0}' (of contact '{1}')";
    public const string CsatRule = "CSAT is 1–5";
    public const string NpsRule = "NPS is 0–10";
    public const string HandleSecondsRule = "seconds, at most one day";
    public const string EnpsRule = "eNPS is 0–10";
    public const string ItemRule = "items are 1–5";

    // File errors: nothing of the file is written.
    public const string EmptyFile = "The file is empty: it needs a header row and at least one data row.";
    public const string OldExcel = "This is an old Excel (.xls) file. Save it as .xlsx or as CSV UTF-8 and import again.";
    public const string BinaryFile = "This is not a text file (it contains binary data). Upload a CSV (UTF-8) or an XLSX file.";
    public const string NotUtf8File =
        "The file is not UTF-8 text (it looks like Windows-1252/ANSI, as older Excel versions save it). Save it as \"CSV UTF-8\" (or .xlsx) and import again, so that å, ä and ö are read correctly.";
    public const string NoHeaderRow = "The file has no header row.";
    public const string NoDataRows = "The file has a header row but no data rows.";
    public const string NoWorkbook = "The XLSX file has no workbook.";
    public const string NoSheet = "The workbook has no sheet.";
    public const string UnreadableWorkbook = "The file looks like an XLSX workbook but cannot be read ({0}). Save it again from Excel, or as CSV UTF-8.";
    public const string EmptySheet = "The first sheet is empty: it needs a header row and at least one data row.";
    public const string UnreadableSheet = "The sheet cannot be read after row {0} ({1}).";
    public const string OtherKindOfFile = "This looks like a {0} file, not {1}: the {1} column(s) {2} are missing. Choose \"{3}\" or another file.";
    public const string RequiredColumnsMissing = "Required column(s) missing: {0}. A {1} file needs: {2}.";
    public const string NoItemColumn = "An engagement file needs at least one item column, q1 to q10.";
    public const string DuplicateColumns = "Column(s) appear more than once in the header: {0}.";

    // How a file was read.
    public const string CsvComma = "CSV, comma-separated, UTF-8";
    public const string CsvCommaBom = "CSV, comma-separated, UTF-8 with byte-order mark";
    public const string CsvSemicolon = "CSV, semicolon-separated, UTF-8";
    public const string CsvSemicolonBom = "CSV, semicolon-separated, UTF-8 with byte-order mark";
    public const string XlsxSheet = "XLSX, first sheet '{0}'";

    // The kinds of file, inside the sentences above.
    public const string KindContacts = "contacts";
    public const string KindSurveyResponses = "survey responses";
    public const string KindAgents = "agents";
    public const string KindEngagement = "engagement answers";

    /// <summary>A message filled in the machine form (numbers without grouping): the same whatever thread writes it.</summary>
    public static string Format(string message, params object?[] arguments) => string.Format(CultureInfo.InvariantCulture, message, arguments);
}
