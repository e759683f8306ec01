using System.Globalization;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Presentation;

namespace CxDashboard.Web.Features.Imports;

/// <summary>
/// How a run's outcome reads on the pages: a word with a status colour (never colour alone). The words are English keys;
/// <see cref="ImportMessageText.Status"/> gives them in the reader's language.
/// </summary>
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

    /// <summary>"1,3 KB": a file's size in the current culture's numbers and the vocabulary's units.</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => Vocabulary.Current.Format("Unit.Bytes", bytes.ToString(CultureInfo.CurrentCulture)),
        < 1024 * 1024 => Vocabulary.Current.Format("Unit.Kilobytes", (bytes / 1024.0).ToString("0.#", CultureInfo.CurrentCulture)),
        _ => Vocabulary.Current.Format("Unit.Megabytes", (bytes / 1024.0 / 1024.0).ToString("0.#", CultureInfo.CurrentCulture)),
    };
}
