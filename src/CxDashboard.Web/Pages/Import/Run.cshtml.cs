using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Imports;
using CxDashboard.Web.Features.Organisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CxDashboard.Web.Pages.Import;

/// <summary>One upload: its progress while checked or imported, the preview and row errors, and the import buttons.</summary>
[Authorize(Policy = Policies.ManageData)]
public class RunModel(ImportRunService runs, OrganisationSettingsService organisation,
    Microsoft.Extensions.Options.IOptions<ImportsOptions> options, ImportMessageText messages) : PageModel
{
    public ImportsOptions Settings => options.Value;

    public const int ErrorsPerPage = 100;

    [BindProperty(SupportsGet = true)] public long Id { get; set; }
    [BindProperty(SupportsGet = true, Name = "file")] public int FileIndex { get; set; }
    [BindProperty(SupportsGet = true, Name = "errors")] public int ErrorPage { get; set; } = 1;

    public ImportRun Run { get; private set; } = null!;
    public RunPreview? Preview { get; private set; }

    /// <summary>After an import: the page of kept row errors shown for each file that had any (by file id).</summary>
    public IReadOnlyDictionary<long, IReadOnlyList<ImportRunError>> KeptErrors { get; private set; } = new Dictionary<long, IReadOnlyList<ImportRunError>>();
    public RunProgress? Progress { get; private set; }
    public TimeZoneInfo TimeZone { get; private set; } = TimeZoneInfo.Utc;
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    /// <summary>For the progress bar's polling script.</summary>
    public async Task<IActionResult> OnGetProgressAsync(CancellationToken ct)
    {
        var run = await runs.FindForAsync(User, Id, ct);
        if (run is null) return NotFound();
        await runs.CloseIfCutOffAsync(run, ct);
        var progress = await runs.ProgressAsync(run.Id, ct);
        return new JsonResult(new
        {
            status = run.Status.ToString(),
            done = !run.IsRunning,
            rowsDone = progress?.RowsDone ?? 0,
            rowsTotal = progress?.RowsTotal ?? (run.Status == ImportRunStatus.Importing ? run.Files.Sum(f => f.Rows) : null),
            rowsPerSecond = progress?.RowsPerSecond ?? 0,
            errors = progress?.Errors ?? 0,
            percent = progress?.Percent ?? 0,
        });
    }

    public Task<IActionResult> OnPostImportAsync(CancellationToken ct) => ActAsync(() => runs.StartImportAsync(User, Id, validRowsOnly: false, ct), ct);

    public Task<IActionResult> OnPostImportValidAsync(CancellationToken ct) => ActAsync(() => runs.StartImportAsync(User, Id, validRowsOnly: true, ct), ct);

    public Task<IActionResult> OnPostDiscardAsync(CancellationToken ct) => ActAsync(() => runs.DiscardAsync(User, Id, ct), ct);

    private async Task<IActionResult> ActAsync(Func<Task> action, CancellationToken ct)
    {
        try
        {
            await action();
            return RedirectToPage("/Import/Run", new { id = Id });
        }
        catch (ImportRunException e)
        {
            Error = messages[e.Message];
            return await LoadAsync(ct) ? Page() : NotFound();
        }
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var run = await runs.FindForAsync(User, Id, ct);
        if (run is null) return false;
        await runs.CloseIfCutOffAsync(run, ct);
        Run = run;
        Progress = await runs.ProgressAsync(run.Id, ct);
        if (run.Status == ImportRunStatus.Previewed)
        {
            Preview = await runs.LoadPreviewAsync(run, ct);
            if (Preview is null) Error ??= messages[ImportRunText.UploadNotHere];
        }
        TimeZone = (await organisation.GetTimeAsync(ct)).TimeZone;
        FileIndex = Math.Clamp(FileIndex, 0, Math.Max(0, run.Files.Count - 1));
        ErrorPage = Math.Max(1, ErrorPage);
        if (Preview is null && !run.IsRunning)
        {
            var kept = new Dictionary<long, IReadOnlyList<ImportRunError>>();
            for (var i = 0; i < run.Files.Count; i++)
            {
                if (run.Files[i].ErrorCount == 0) continue;
                var page = i == FileIndex ? ErrorPage : 1;
                kept[run.Files[i].Id] = await runs.RowErrorsAsync(run.Files[i].Id, (page - 1) * ErrorsPerPage, ErrorsPerPage, ct);
            }
            KeptErrors = kept;
        }
        return true;
    }
}
