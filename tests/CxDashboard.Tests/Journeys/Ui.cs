namespace CxDashboard.Tests.Journeys;

/// <summary>
/// The words the journeys look for on the pages, in one place: the journeys run the English UI (culture en-GB), and
/// when the pages' words move or change, only this class follows. Elements without words (inputs, tables, tiles) are
/// found by their ids and data-testid attributes instead.
/// </summary>
public static class Ui
{
    public const string Culture = "en-GB";

    // Sign-in and the top bar
    public const string Email = "E-mail";
    public const string Password = "Password";
    public const string SignIn = "Sign in";
    public const string NavDashboard = "Dashboard";
    public const string NavCallbacks = "Callbacks";
    public const string NavCoaching = "Coaching";
    public const string NavEngagement = "Engagement";
    public const string NavReports = "Reports";
    public const string NavImport = "Import";
    public const string NavAdmin = "Admin";

    // Dashboard
    public const string Apply = "Apply";
    public const string Reset = "Reset";
    public const string CustomDates = "Custom dates";
    public const string ExportToExcel = "Export to Excel";

    /// <summary>The period presets as the Period list names them, with their keys.</summary>
    public static readonly (string Key, string Label)[] Presets =
    [
        ("7d", "Last 7 days"), ("30d", "Last 30 days"), ("90d", "Last 90 days"), ("month", "This month"), ("last-month", "Last month"),
        ("quarter", "This quarter"), ("ytd", "Year to date"), ("12m", "Last 12 months"),
    ];

    // Coaching
    public const string PlanCoaching = "Plan coaching";
    public const string AddCoachingAction = "Add the coaching action";

    // Callbacks
    public const string OpenUnassigned = "Open, unassigned";
    public const string ClaimThisCase = "Claim this case";
    public const string LogAttempt = "Log attempt";
    public const string CloseCase = "Close case";
    public const string Overdue = "Overdue";
    public const string Escalated = "Escalated";
    public const string CaseIsYours = "The case is yours";
    public const string CaseClosed = "The case is closed";

    // Reports
    public const string WebVersion = "Web version";
    public const string DownloadPdf = "Download PDF";
    public const string OpenPdf = "Open the PDF";

    // Import
    public const string UploadAndCheck = "Upload and check";
    public const string ImportValidRowsOnly = "valid row";
    public const string BackToImport = "Back to Import";
    public const string KpiTargets = "KPI targets";
    public const string Save = "Save";
    public const string OnTarget = "On target";

    // Refusals
    public const string NotAllowed = "Not allowed";
}
