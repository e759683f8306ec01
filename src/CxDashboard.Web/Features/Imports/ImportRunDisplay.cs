using CxDashboard.Web.Data.Entities;

namespace CxDashboard.Web.Features.Imports;

/// <summary>How a run's outcome reads on the pages: a word with a status colour (never colour alone).</summary>
public static class ImportRunDisplay
{
    public static (string CssClass, string Word) Status(ImportRun run) => run.Status switch
    {
        ImportRunStatus.Previewing => ("status-none", "Checking…"),
        ImportRunStatus.Previewed => ("status-none", "Checked, not imported"),
        ImportRunStatus.Importing => ("status-none", "Importing…"),
        ImportRunStatus.Imported => ("status-green", "Imported"),
        ImportRunStatus.ImportedValidRows => ("status-amber", "Valid rows imported"),
        ImportRunStatus.Rejected => ("status-red", "Rejected: nothing written"),
        ImportRunStatus.Failed => ("status-red", "Failed: nothing written"),
        ImportRunStatus.Discarded => ("status-none", "Discarded"),
        _ => ("status-none", run.Status.ToString()),
    };

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{bytes / 1024.0:0.#} KB",
        _ => $"{bytes / 1024.0 / 1024.0:0.#} MB",
    };
}
