using System.Globalization;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Organisation;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Features.Surveys;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Reports.Delivery;

/// <summary>A subscription as the Reports page lists it.</summary>
public sealed record SubscriberView(int Id, string UserId, string Name, string Email, string Version, DateTime CreatedAtUtc, string CreatedBy);

/// <summary>
/// Who receives the monthly report by e-mail, and each e-mail sent. Admin subscribes anyone who may read reports;
/// leaders and managers subscribe themselves. A team-limited manager is sent their teams' version.
/// </summary>
public sealed class ReportSubscriptions(CxDbContext db, TimeProvider clock)
{
    public const string Everything = "everything";

    public Task<bool> IsSubscribedAsync(string userId, CancellationToken ct = default) =>
        db.ReportSubscriptions.AnyAsync(s => s.UserId == userId, ct);

    /// <summary>Subscribes a person who may read reports (an enabled Admin, Leadership or Manager with an e-mail address).</summary>
    public async Task<bool> SubscribeAsync(string userId, string createdBy, CancellationToken ct = default)
    {
        if (await IsSubscribedAsync(userId, ct)) return true;
        if (await ScopeOfAsync(userId, ct) is null) return false;
        db.ReportSubscriptions.Add(new ReportSubscription { UserId = userId, CreatedBy = createdBy.Length > 200 ? createdBy[..200] : createdBy, CreatedAtUtc = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task UnsubscribeAsync(string userId, CancellationToken ct = default) =>
        await db.ReportSubscriptions.Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);

    public async Task RemoveAsync(int id, CancellationToken ct = default) =>
        await db.ReportSubscriptions.Where(s => s.Id == id).ExecuteDeleteAsync(ct);

    public async Task<IReadOnlyList<SubscriberView>> ListAsync(CancellationToken ct = default)
    {
        var rows = await db.ReportSubscriptions.AsNoTracking().OrderBy(s => s.User!.Email)
            .Select(s => new { s.Id, s.UserId, s.User!.DisplayName, s.User.Email, s.CreatedAtUtc, s.CreatedBy }).ToListAsync(ct);
        var list = new List<SubscriberView>();
        foreach (var row in rows)
        {
            var scope = await ScopeOfAsync(row.UserId, ct);
            list.Add(new SubscriberView(row.Id, row.UserId, row.DisplayName, row.Email ?? "", scope is null ? "none (no access to reports)" : await VersionNameAsync(scope, ct),
                row.CreatedAtUtc, row.CreatedBy));
        }
        return list;
    }

    /// <summary>The people an administrator can subscribe: enabled users with an e-mail address who may read reports, not yet subscribed.</summary>
    public async Task<IReadOnlyList<(string UserId, string Label)>> CandidatesAsync(CancellationToken ct = default)
    {
        var readers = await (from user in db.Users
                             join userRole in db.UserRoles on user.Id equals userRole.UserId
                             join role in db.Roles on userRole.RoleId equals role.Id
                             where !user.IsDisabled && user.Email != null
                                   && (role.Name == Roles.Admin || role.Name == Roles.Leadership || role.Name == Roles.Manager)
                                   && !db.ReportSubscriptions.Any(s => s.UserId == user.Id)
                             select new { user.Id, user.Email, user.DisplayName }).Distinct().ToListAsync(ct);
        return readers.OrderBy(r => r.Email, StringComparer.OrdinalIgnoreCase)
            .Select(r => (r.Id, string.IsNullOrWhiteSpace(r.DisplayName) ? r.Email! : $"{r.DisplayName} ({r.Email})")).ToList();
    }

    /// <summary>
    /// Which version of the report a person gets: "everything" (Admin, Leadership, a manager without a team scope),
    /// "teams:2,5" (a team-limited manager); null for anyone else or a disabled account.
    /// </summary>
    public async Task<string?> ScopeOfAsync(string userId, CancellationToken ct = default)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.IsDisabled, u.Email }).FirstOrDefaultAsync(ct);
        if (user is null || user.IsDisabled || string.IsNullOrWhiteSpace(user.Email)) return null;
        var roles = await (from userRole in db.UserRoles
                           join role in db.Roles on userRole.RoleId equals role.Id
                           where userRole.UserId == userId
                           select role.Name).ToListAsync(ct);
        if (roles.Contains(Roles.Admin) || roles.Contains(Roles.Leadership)) return Everything;
        if (!roles.Contains(Roles.Manager)) return null;
        var teams = await db.UserTeamScopes.Where(s => s.UserId == userId).Select(s => s.TeamId).ToListAsync(ct);
        return teams.Count == 0 ? Everything : ScopedMonthlyReports.ScopeKey(DataScope.Teams(teams));
    }

    public static DataScope ParseScope(string scope) =>
        scope == Everything ? DataScope.Everything
        : scope.StartsWith("teams:", StringComparison.Ordinal)
            ? DataScope.Teams(scope["teams:".Length..].Split(',').Select(id => int.Parse(id, CultureInfo.InvariantCulture)))
            : throw new FormatException($"'{scope}' is not a report scope.");

    /// <summary>"the organisation's", "Team Luleå's".</summary>
    public async Task<string> VersionNameAsync(string scope, CancellationToken ct = default)
    {
        if (scope == Everything) return "organisation-wide";
        var ids = ParseScope(scope).TeamIds!;
        var names = await db.Teams.AsNoTracking().Where(t => ids.Contains(t.Id)).OrderBy(t => t.Name).Select(t => t.Name).ToListAsync(ct);
        return string.Join(", ", names);
    }

    /// <summary>Every e-mail of a report, newest first (the Reports page shows them per month).</summary>
    public async Task<IReadOnlyList<ReportDelivery>> DeliveriesAsync(CancellationToken ct = default) =>
        await db.ReportDeliveries.AsNoTracking().OrderByDescending(d => d.Month).ThenBy(d => d.Recipient).ToListAsync(ct);

    /// <summary>One pending e-mail per subscriber who may still read reports, with the version they get; returns their ids.</summary>
    public async Task<IReadOnlyList<int>> PlanAsync(DateOnly month, CancellationToken ct = default)
    {
        var subscribers = await db.ReportSubscriptions.AsNoTracking().Select(s => new { s.UserId, s.User!.Email }).ToListAsync(ct);
        var planned = new List<ReportDelivery>();
        foreach (var subscriber in subscribers)
        {
            if (await ScopeOfAsync(subscriber.UserId, ct) is not { } scope) continue;
            planned.Add(new ReportDelivery
            {
                Month = month, UserId = subscriber.UserId, Recipient = subscriber.Email!, Scope = scope,
                Status = ReportDeliveryStatus.Pending, QueuedAtUtc = clock.GetUtcNow().UtcDateTime,
            });
        }
        db.ReportDeliveries.AddRange(planned);
        await db.SaveChangesAsync(ct);
        return planned.Select(d => d.Id).ToList();
    }
}

/// <summary>
/// Mails one planned e-mail: the month's PDF in the subscriber's version attached, a link to the web version, subject
/// and body in the report's language. Hangfire retries a failure (the attempt is recorded as failed meanwhile);
/// a delivery already sent is never sent again.
/// </summary>
public sealed class ReportDeliveryJob(
    CxDbContext db,
    ReportLibrary library,
    ScopedMonthlyReports scoped,
    ReportMailer mailer,
    PublicLinks links,
    OrganisationSettingsService organisation,
    ReportOptions options,
    TimeProvider clock,
    ILogger<ReportDeliveryJob> logger)
{
    public const int MaxErrorLength = 500;

    [Hangfire.AutomaticRetry(Attempts = 3, DelaysInSeconds = [60, 600, 3600])]
    public async Task SendAsync(int deliveryId, CancellationToken ct)
    {
        var delivery = await db.ReportDeliveries.FirstOrDefaultAsync(d => d.Id == deliveryId, ct);
        if (delivery is null || delivery.Status == ReportDeliveryStatus.Sent) return;
        delivery.Attempts++;
        delivery.LastAttemptAtUtc = clock.GetUtcNow().UtcDateTime;
        try
        {
            await mailer.SendAsync(await MailAsync(delivery, ct), ct);
            delivery.Status = ReportDeliveryStatus.Sent;
            delivery.SentAtUtc = clock.GetUtcNow().UtcDateTime;
            delivery.Error = null;
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Monthly report {Month} mailed to {Recipient} ({Scope})", delivery.Month, delivery.Recipient, delivery.Scope);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            delivery.Status = ReportDeliveryStatus.Failed;
            delivery.Error = e.Message.Length > MaxErrorLength ? e.Message[..MaxErrorLength] : e.Message;
            await db.SaveChangesAsync(CancellationToken.None);
            logger.LogWarning(e, "Mailing the monthly report {Month} to {Recipient} failed (attempt {Attempt})", delivery.Month, delivery.Recipient, delivery.Attempts);
            throw;
        }
    }

    /// <summary>The mail and its PDF in the library's language, as the report is.</summary>
    private async Task<ReportMail> MailAsync(ReportDelivery delivery, CancellationToken ct)
    {
        using var language = ReportCulture.Use(options.Culture);
        var words = Presentation.Vocabulary.Current;
        var month = delivery.Month;
        string title, fileName;
        byte[] pdf;
        if (delivery.Scope == ReportSubscriptions.Everything)
        {
            var file = await library.OpenMonthlyAsync(month, ct)
                ?? throw new InvalidOperationException($"The report for {month:yyyy-MM} is not in the library.");
            pdf = file.Content;
            title = ReportText.Title(month);
            fileName = ReportLibrary.MonthlyFileName(month);
        }
        else
        {
            var scope = ReportSubscriptions.ParseScope(delivery.Scope);
            title = (await scoped.ViewAsync(month, scope, ct)).Title;
            pdf = (await scoped.PdfAsync(month, scope, null, ct)).Content;
            fileName = ScopedMonthlyReports.FileName(month, scope);
        }

        var name = await db.Users.AsNoTracking().Where(u => u.Id == delivery.UserId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        var organisationName = (await organisation.GetAsync(ct)).Name;
        var web = links.ConfiguredBaseUrl is { } baseUrl
            ? words.Format("Report.Mail.WebVersion", $"{baseUrl}/Reports/Monthly?month={month.ToString("yyyy-MM", CultureInfo.InvariantCulture)}")
            : words["Report.Mail.WebVersionWithoutLink"];
        var body = string.Join("\n\n",
            words.Format("Report.Mail.Greeting", string.IsNullOrWhiteSpace(name) ? delivery.Recipient : name),
            words.Format("Report.Mail.Attached", title, organisationName),
            web,
            words["Report.Mail.WhySent"],
            "CxDashboard");
        return new ReportMail(delivery.Recipient, name, title, body, fileName, pdf);
    }
}
