using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Imports;
using CxDashboard.Web.Features.Ingestion;
using CxDashboard.Web.Features.Organisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CxDashboard.Web.Pages.Import;

/// <summary>Upload files to check and import, and the import history.</summary>
[Authorize(Policy = Policies.ManageData)]
[RequestSizeLimit(ImportUploadLimits.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportUploadLimits.MaxRequestBytes)]
public class IndexModel(ImportRunService runs, UserScopeService scopes, OrganisationSettingsService organisation,
    Microsoft.Extensions.Options.IOptions<ImportsOptions> options, ImportMessageText messages) : PageModel
{
    [BindProperty] public IFormFile? ContactsFile { get; set; }
    [BindProperty] public IFormFile? SurveyResponsesFile { get; set; }
    [BindProperty] public IFormFile? AgentsFile { get; set; }
    [BindProperty] public IFormFile? EngagementFile { get; set; }

    public IReadOnlyList<ImportRun> History { get; private set; } = [];

    /// <summary>The first rows each listed file skipped or refused.</summary>
    public IReadOnlyDictionary<long, IReadOnlyList<ImportRunError>> HistoryErrors { get; private set; } = new Dictionary<long, IReadOnlyList<ImportRunError>>();
    public const int HistoryErrorsPerFile = 3;
    public string? ScopeNote { get; private set; }
    public string? Error { get; private set; }
    public ImportsOptions Settings => options.Value;
    public TimeZoneInfo TimeZone { get; private set; } = TimeZoneInfo.Utc;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var files = new (ImportKind Kind, IFormFile? File)[]
        {
            (ImportKind.Contacts, ContactsFile), (ImportKind.SurveyResponses, SurveyResponsesFile),
            (ImportKind.Agents, AgentsFile), (ImportKind.Engagement, EngagementFile),
        };
        var streams = files.Where(f => f.File is not null).Select(f => (f.Kind, f.File!, Stream: f.File!.OpenReadStream())).ToList();
        try
        {
            var run = await runs.UploadAsync(User, [.. streams.Select(f => new UploadedFile(f.Kind, f.Item2.FileName, f.Stream))], ct);
            return RedirectToPage("/Import/Run", new { id = run.Id });
        }
        catch (ImportRunException e)
        {
            Error = messages[e.Message];
            await LoadAsync(ct);
            return Page();
        }
        finally
        {
            foreach (var (_, _, stream) in streams) await stream.DisposeAsync();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        History = await runs.HistoryAsync(User, 50, ct);
        HistoryErrors = await runs.FirstRowErrorsAsync(History.Where(r => r.Status is ImportRunStatus.ImportedValidRows or ImportRunStatus.Rejected).SelectMany(r => r.Files), HistoryErrorsPerFile, ct);
        TimeZone = (await organisation.GetTimeAsync(ct)).TimeZone;
        var scope = await scopes.ScopeForAsync(User, ct);
        if (scope.TeamIds is { } teams) ScopeNote = await runs.TeamNamesAsync(teams, ct);
    }
}

public static class ImportUploadLimits
{
    /// <summary>The request limit of the upload form; Imports:MaxUploadBytes is checked within it.</summary>
    public const long MaxRequestBytes = 2L * 1024 * 1024 * 1024;
}
