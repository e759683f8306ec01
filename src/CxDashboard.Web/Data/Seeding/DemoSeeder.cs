using CxDashboard.DemoData;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Imports;
using CxDashboard.Web.Features.Ingestion;
using CxDashboard.Web.Features.Maturity.Demo;
using CxDashboard.Web.Features.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CxDashboard.Web.Data.Seeding;

/// <param name="DisplayName">The name the demo organisation knows the person by (shown in the top bar, on cases, as a rater).</param>
public sealed record DemoLogin(string Email, string Role, string What, string DisplayName);

/// <summary>
/// Seeds the demo organisation into an empty database: generates a year of data ending yesterday from
/// <c>seed-data/demo/organisation.json</c> with a fixed random seed, imports it through the real importer (the
/// same path as a user's files), and creates one demo login per role.
/// </summary>
public sealed class DemoSeeder(
    CxDbContext db,
    ImportService importer,
    ImportHistoryRecorder importHistory,
    UserAdminService userAdmin,
    OrganisationSettingsService organisation,
    IOptions<DemoOptions> options,
    IHostEnvironment environment,
    TimeProvider clock,
    MaturityDemoSeeder maturity,
    Features.Coaching.Demo.CoachingDemoSeeder coaching,
    Features.Callbacks.CallbackDemoHistory callbackHistory,
    Features.Reports.MonthlyReportJob monthlyReports,
    Features.Metrics.Rollups.KpiRollupService rollups,
    ILogger<DemoSeeder> logger)
{
    public const string DemoPassword = "Demo!2026";

    /// <summary>Who imported the demo files, as the import history shows it (the demo organisation's language).</summary>
    public const string DemoImportLabel = "Demodata";
    public const string DemoOrganisationFile = "demo/organisation.json";

    public static readonly IReadOnlyList<DemoLogin> Logins =
    [
        new("admin@demo.local", Roles.Admin, "everything, incl. users, targets, imports", "Administratör (demo)"),
        new("manager@demo.local", Roles.Manager, "all teams' KPIs, coaching, callbacks", "Kundservicechef (demo)"),
        new("teamlead@demo.local", Roles.Manager, "a manager limited to one team", "Teamledare (demo)"),
        new("callback@demo.local", Roles.Callback, "the callback worklist", "Återringningsansvarig (demo)"),
        new("leader@demo.local", Roles.Leadership, "dashboard and monthly reports", "Ledningsgruppen (demo)"),
        new("agent@demo.local", Roles.Agent, "one agent's own scorecard", "Anna Lindqvist (demo)"),
    ];

    public async Task<bool> HasDataAsync(CancellationToken ct = default) =>
        await db.Contacts.AnyAsync(ct) || await db.Teams.AnyAsync(ct);

    public async Task<bool> DemoLoginsExistAsync() =>
        await db.Users.AnyAsync(u => u.NormalizedEmail == Logins[0].Email.ToUpperInvariant());

    /// <summary>Seeds when the database holds no teams or contacts; returns false when it left a non-empty database alone.</summary>
    public async Task<bool> SeedIfEmptyAsync(CancellationToken ct = default)
    {
        if (await HasDataAsync(ct))
        {
            logger.LogInformation("The database has data already; the demo organisation is not seeded.");
            return false;
        }
        await SeedAsync(ct);
        return true;
    }

    public async Task SeedAsync(CancellationToken ct = default)
    {
        var seedData = SeedDataLocator.Find(options.Value.SeedDataPath, environment.ContentRootPath);
        var config = DemoOrganisation.Load(Path.Combine(seedData, DemoOrganisationFile));
        var settings = await organisation.GetAsync(ct);
        var today = (await organisation.GetTimeAsync(ct)).Today(clock);

        var directory = Directory.CreateTempSubdirectory("cxdashboard-demo-");
        try
        {
            logger.LogInformation("Generating {Days} days of demo data for {Name}…", options.Value.Days, config.Name);
            var summary = DemoDataGenerator.Generate(config, new DemoGenerationOptions
            {
                EndDate = today.AddDays(-1),
                Days = options.Value.Days,
                TimeZoneId = settings.TimeZoneId,
            }, directory.FullName);

            await organisation.SaveAsync(config.Name, settings.TimeZoneId, settings.RepeatWindowDays, ct);
            await SeedReasonsAsync(config, ct);
            foreach (var (kind, file) in DemoFiles)
            {
                var path = Path.Combine(directory.FullName, file);
                await using var stream = File.OpenRead(path);
                var result = await importer.ImportFileAsync(kind, stream, new ImportOptions(), ct);
                if (!result.WroteData)
                    throw new InvalidOperationException($"The demo {kind.Code()} file did not import: {result.FileError ?? string.Join("; ", result.Errors.Take(5))}");
                // The import history names who imported a file; the demo organisation is Swedish, and so is its label.
                await importHistory.RecordAsync(ImportHistoryRecorder.DemoSeedUserId, DemoImportLabel, [(file, new FileInfo(path).Length)],
                    new ImportBatchResult([result], result.Duration), validRowsOnly: false, ct);
                logger.LogInformation("Demo {Kind}: {Rows} rows imported in {Seconds:0.0} s", kind.Code(), result.Rows, result.Duration.TotalSeconds);
            }
            // The year of contacts is a large import, whose rollups are rebuilt after it: now, before the report library reads them.
            await rollups.RefreshPendingAsync(ct);
            await CreateLoginsAsync(ct);
            await maturity.SeedAsync(DemoPassword, ct);
            await coaching.SeedAsync(config, ct);
            await callbackHistory.CreateAsync(ct);
            await monthlyReports.CreateDemoLibraryAsync(ct);
            logger.LogInformation("Demo organisation seeded: {Contacts} contacts, {Responses} responses from {First} to {Last}.",
                summary.Contacts, summary.SurveyResponses, summary.FirstDay, summary.LastDay);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static readonly (ImportKind Kind, string File)[] DemoFiles =
    [
        (ImportKind.Agents, "agents.csv"),
        (ImportKind.Contacts, "contacts.csv"),
        (ImportKind.SurveyResponses, "survey_responses.csv"),
        (ImportKind.Engagement, "engagement.csv"),
    ];

    /// <summary>Reasons get their names and complexity from the configuration instead of "needs review" placeholders.</summary>
    private async Task SeedReasonsAsync(DemoOrganisation config, CancellationToken ct)
    {
        foreach (var reason in config.Reasons)
        {
            if (await db.ContactReasons.AnyAsync(r => r.Code == reason.Code, ct)) continue;
            db.ContactReasons.Add(new Entities.ContactReason { Code = reason.Code, Name = reason.NameSv, Complexity = reason.Complexity });
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task CreateLoginsAsync(CancellationToken ct)
    {
        var firstTeam = await db.Teams.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync(ct);
        foreach (var login in Logins)
        {
            int[] teams = login.Email.StartsWith("teamlead", StringComparison.Ordinal) ? [firstTeam] : [];
            var result = await userAdmin.CreateAsync(login.Email, DemoPassword, login.DisplayName, [login.Role], teams);
            if (!result.Succeeded) throw new InvalidOperationException($"Could not create {login.Email}: {string.Join("; ", result.Errors)}");
        }
    }
}

/// <summary>Finds the seed-data folder: configured, copied next to the app, or in the repository above the project.</summary>
public static class SeedDataLocator
{
    public static string Find(string? configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var full = Path.GetFullPath(configured, contentRoot);
            return Directory.Exists(full) ? full : throw new DirectoryNotFoundException($"Demo:SeedDataPath '{full}' does not exist.");
        }
        foreach (var start in new[] { AppContext.BaseDirectory, contentRoot })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "seed-data");
                if (File.Exists(Path.Combine(candidate, DemoSeeder.DemoOrganisationFile))) return candidate;
            }
        }
        throw new DirectoryNotFoundException("No seed-data folder found next to the app or above it; set Demo:SeedDataPath.");
    }
}
