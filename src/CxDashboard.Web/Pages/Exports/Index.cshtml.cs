using CxDashboard.Web.Features.Presentation;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Dashboard;
using CxDashboard.Web.Features.Exports;
using CxDashboard.Web.Features.Exports.Xlsx;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Features.Organisation;
using CxDashboard.Web.Features.Requests;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CxDashboard.Web.Pages.Exports;

/// <summary>Raw contacts, survey responses and callback cases for a period as workbooks, within the user's scope.</summary>
[Authorize(Policy = Policies.ManageData)]
public class IndexModel(RawExportService exports, ExportGate gate, UserScopeService scopes, CxDbContext db, OrganisationSettingsService organisation, IStringLocalizer<IndexModel> text, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    public string? Error { get; private set; }
    public string ScopeDescription { get; private set; } = "";
    public IReadOnlyList<RawExportKind> Kinds { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!RawExportKinds.TryParse(Kind, out var kind) || !exports.IsAvailable(kind))
            return Refuse(text["Choose what to export: {0}.", string.Join(", ", Kinds.Select(k => k.Code()))]);

        var scope = await scopes.ScopeForAsync(User, ct);
        // Written to a temporary file first, so a refused or failed export sends an explanation, never half a workbook.
        var file = ExportFile.Temporary();
        try
        {
            var period = PeriodRule.Check(From!.Value, To!.Value);
            RawExportResult result;
            using (gate.Enter(User))
            {
                result = await exports.WriteAsync(kind, period.From, period.To, scope, DocumentLanguage.OfRequest(), file, ct: ct);
            }
            file.Position = 0;
            return File(file, ExportFile.XlsxContentType, result.FileName);
        }
        catch (RequestRefusedException e)
        {
            await file.DisposeAsync();
            return Refuse(e.Message, e.StatusCode, e.RetryAfter);
        }
        catch (TooManyRowsException e)
        {
            await file.DisposeAsync();
            return Refuse(e.Message);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    private IActionResult Refuse(string message, int status = StatusCodes.Status400BadRequest, TimeSpan? retryAfter = null)
    {
        Error = message;
        Response.StatusCode = status;
        if (retryAfter is { } wait) Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Kinds = RawExportKinds.All.Where(exports.IsAvailable).ToList();
        var scope = await scopes.ScopeForAsync(User, ct);
        var teams = (await db.Teams.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct)).Where(t => scope.IsUnrestricted || scope.AllowsTeam(t.Id)).ToList();
        ScopeDescription = DashboardService.DescribeScope(scope, teams, scope.AgentId is not null);
        if (From is null || To is null)
        {
            var lastMonth = PeriodPresets.Resolve(PeriodPresets.LastMonth, (await organisation.GetTimeAsync(ct)).Today(clock));
            From ??= lastMonth.From;
            To ??= lastMonth.To;
        }
    }

    public string Title(RawExportKind kind) => kind switch
    {
        RawExportKind.Contacts => text["Contacts"],
        RawExportKind.Responses => text["Responses"],
        _ => text["Callbacks"],
    };

    public string Describe(RawExportKind kind) => kind switch
    {
        RawExportKind.Contacts => text["Contacts started in the period: customer, agent, team, channel, reason, handle time, and whether each was a repeat and resolved in the first contact."],
        RawExportKind.Responses => text["Survey responses to the period's contacts, with CSAT, resolved, NPS and the customer's comment."],
        _ => text["Callback cases opened in the period: why the customer was flagged, due time, attempts, whether the SLA was met, outcome and root cause."],
    };
}
