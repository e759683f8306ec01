using CxDashboard.Tests.Infrastructure;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Callbacks;
using CxDashboard.Web.Features.Ingestion;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CxDashboard.Tests.Callbacks;

/// <summary>
/// Customers built around the flagging rules of domain.md, with every expectation worked out by hand.
/// Europe/Stockholm, CEST (UTC+2) all through; default rules (CSAT ≤ 2; not resolved with CSAT ≤ 3; ≥ 3 contacts in
/// 7 days); SLA 9 working hours Mon–Fri 08:00–17:00. "Now" is Wednesday 2026-05-13 10:00Z (12:00 local).
///
///   customer  what happens                                                        flagged?  trigger time (local)   due (local)
///   CU1       R101 CSAT 1, not resolved, received Tue 05-05 16:00                  LowCsat   Tue 16:00              Wed 05-06 16:00
///   CU2       R102 CSAT 2 received Saturday 05-09 11:00                           LowCsat   Sat 11:00              Mon 05-11 17:00
///   CU3       R103 CSAT 3, not resolved, received Wed 05-06 12:00                 NotResolved Wed 12:00            Thu 05-07 12:00
///   CU4       R104 CSAT 3 resolved; R104b CSAT 3, resolved not answered           no
///   CU5       R105 CSAT 4, not resolved; a follow-up answer with CSAT 1           no
///   CU6       contacts Mon 05-04 09:00, Thu 05-07 09:00, Mon 05-11 09:00 (7×24 h)  Repeat    Mon 05-11 09:00        Tue 05-12 09:00
///   CU7       the same, the third one second later (7×24 h + 1 s)                 no
///   CU8       do not contact: three contacts in 3 days and R108 CSAT 1            never
///   CU9       R109a CSAT 2 Thu 05-07 14:00, R109b CSAT 1 Fri 05-08 09:00           one case, two triggers; due Fri 05-08 14:00
///
/// Priorities as of now: CU9 50 + 10 (second trigger) + 25 (5 days) = 85; CU1 50 + 30 (7 days, capped) = 80;
/// CU3 30 + 30 = 60 and CU2 40 + 20 = 60 (CU3 due first); CU6 30 + 10 = 40.
/// </summary>
public static class CallbackDataset
{
    public static readonly DateTimeOffset Now = new(2026, 5, 13, 10, 0, 0, TimeSpan.Zero);

    public const string Agents = """
        agent_id,name,team,email
        A1,Anna Andersson,T1,
        A2,Bertil Berg,T2,
        """;

    public const string Contacts = """
        contact_id,customer_id,agent_id,channel,reason,started_at,customer_name,customer_phone,do_not_contact
        K101,CU1,A1,phone,FAKTURA,2026-05-05T10:00:00+02:00,Ulla Ett,+46 70 100 00 01,
        K102,CU2,A2,chat,FEL,2026-05-08T18:00:00+02:00,Per Två,+46 70 100 00 02,
        K103,CU3,A1,email,FAKTURA,2026-05-06T09:00:00+02:00,Tea Tre,+46 70 100 00 03,
        K104,CU4,A1,phone,FAKTURA,2026-05-06T09:00:00+02:00,Fyra Nöjd,,
        K105,CU5,A2,phone,FEL,2026-05-06T09:00:00+02:00,Fem Fyra,,
        K106a,CU6,A1,phone,FEL,2026-05-04T09:00:00+02:00,Sex Upprepad,+46 70 100 00 06,
        K106b,CU6,A1,chat,FEL,2026-05-07T09:00:00+02:00,,,
        K106c,CU6,A2,phone,FEL,2026-05-11T09:00:00+02:00,,,
        K107a,CU7,A1,phone,FEL,2026-05-04T09:00:00+02:00,Sju Nästan,,
        K107b,CU7,A1,phone,FEL,2026-05-07T09:00:00+02:00,,,
        K107c,CU7,A1,phone,FEL,2026-05-11T09:00:01+02:00,,,
        K108a,CU8,A1,phone,FEL,2026-05-04T09:00:00+02:00,Åtta Spärrad,+46 70 100 00 08,true
        K108b,CU8,A1,phone,FEL,2026-05-05T09:00:00+02:00,,,
        K108c,CU8,A1,phone,FEL,2026-05-06T09:00:00+02:00,,,
        K109,CU9,A1,phone,ABONNEMANG,2026-05-07T10:00:00+02:00,Nio Två Gånger,+46 70 100 00 09,
        """;

    public const string Responses = """
        response_id,contact_id,received_at,csat,resolved,nps,comment
        R101,K101,2026-05-05T16:00:00+02:00,1,no,0,Ingen lyssnade på mig
        R102,K102,2026-05-09T11:00:00+02:00,2,,,Väntade länge i chatten
        R103,K103,2026-05-06T12:00:00+02:00,3,nej,,
        R104,K104,2026-05-06T12:00:00+02:00,3,yes,,
        R104b,K104,2026-05-06T13:00:00+02:00,3,,,
        R105,K105,2026-05-06T12:00:00+02:00,4,no,,
        R108,K108c,2026-05-06T12:00:00+02:00,1,no,,
        R109a,K109,2026-05-07T14:00:00+02:00,2,,,Fel på fakturan igen
        R109b,K109,2026-05-08T09:00:00+02:00,1,no,,Ingen har ringt
        """;

    public static readonly string[] FlaggedCustomers = ["CU1", "CU2", "CU3", "CU6", "CU9"];

    /// <summary>
    /// Sets the clock to <paramref name="clock"/> (default <see cref="Now"/>) and imports what has happened by then: the
    /// contacts started and the responses received until that moment, as a contact centre's systems deliver them. Called
    /// again later, it imports the rest (rows already imported are unchanged). Also adds CU5's follow-up answer once
    /// received (the hosted survey writes those, not an import). The fake clock only moves forward.
    /// </summary>
    public static async Task LoadAsync(CxAppFactory app, DateTimeOffset? clock = null)
    {
        var until = clock ?? Now;
        app.Clock.SetUtcNow(until);
        await app.ImportOkAsync(ImportKind.Agents, Agents);
        if (Until(Contacts, "started_at", until) is { } contacts) await app.ImportOkAsync(ImportKind.Contacts, contacts);
        if (Until(Responses, "received_at", until) is { } responses) await app.ImportOkAsync(ImportKind.SurveyResponses, responses);
        var followUpAt = new DateTime(2026, 5, 7, 7, 0, 0, DateTimeKind.Utc);
        if (until.UtcDateTime < followUpAt) return;
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CxDbContext>();
            if (await db.SurveyResponses.AnyAsync(r => r.ExternalId == "FU105")) return;
            var contact = await db.Contacts.SingleAsync(c => c.ExternalId == "K105");
            db.SurveyResponses.Add(new SurveyResponse
            {
                ExternalId = "FU105", ContactId = contact.Id, ReceivedAtUtc = followUpAt, Csat = 1, Resolved = false, Kind = SurveyResponseKind.CallbackFollowUp,
            });
            await db.SaveChangesAsync();
        });
    }

    /// <summary>The CSV with only the rows whose <paramref name="column"/> is at or before <paramref name="until"/>; null when none are.</summary>
    private static string? Until(string csv, string column, DateTimeOffset until)
    {
        var lines = csv.Split('\n');
        var index = Array.IndexOf(lines[0].Split(','), column);
        var rows = lines.Skip(1).Where(line => DateTimeOffset.Parse(line.Split(',')[index], System.Globalization.CultureInfo.InvariantCulture) <= until).ToList();
        return rows.Count == 0 ? null : string.Join('\n', [lines[0], .. rows]);
    }

    public static Task<FlaggingRunResult> FlagAsync(CxAppFactory app, DateTimeOffset? asOf = null) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<CallbackFlaggingJob>().RunAsync(asOf?.UtcDateTime));

    public static Task<EscalationRunResult> EscalateAsync(CxAppFactory app, DateTimeOffset? asOf = null) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<CallbackEscalationJob>().RunAsync(asOf?.UtcDateTime));

    public sealed record CaseRow(long Id, string Customer, CallbackCaseStatus Status, DateTime DueAtUtc, int Priority, string? Team,
        IReadOnlyList<(CallbackRule Rule, string Source)> Triggers, DateTime? EscalatedAtUtc);

    /// <summary>Every case with its customer and triggers (source = the response's or the repeat contact's external id).</summary>
    public static Task<List<CaseRow>> CasesAsync(CxAppFactory app) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<CxDbContext>();
        var cases = await db.CallbackCases.AsNoTracking().OrderBy(c => c.Id)
            .Select(c => new
            {
                c.Id, Customer = c.Customer!.ExternalId, c.Status, c.DueAtUtc, c.Priority, Team = c.Team!.Name, c.EscalatedAtUtc,
                Triggers = c.Triggers.OrderBy(t => t.TriggeredAtUtc).Select(t => new { t.Rule, Response = t.SurveyResponse!.ExternalId, Contact = t.Contact!.ExternalId }).ToList(),
            })
            .ToListAsync();
        return cases.Select(c => new CaseRow(c.Id, c.Customer, c.Status, c.DueAtUtc, c.Priority, c.Team,
            c.Triggers.Select(t => (t.Rule, t.Response ?? t.Contact)).ToList(), c.EscalatedAtUtc)).ToList();
    });

    public static Task<long> CaseIdAsync(CxAppFactory app, string customer) => app.WithScopeAsync(sp =>
        sp.GetRequiredService<CxDbContext>().CallbackCases.Where(c => c.Customer!.ExternalId == customer && c.Status == CallbackCaseStatus.Open)
            .Select(c => c.Id).SingleAsync());
}

/// <summary>
/// The app without flagging after imports, so a test decides when the job runs and as of when. (The listener that
/// flags right after an import is tested on its own, with the full app.)
/// </summary>
public sealed class JobDrivenAppFactory(DatabaseProvider provider = DatabaseProvider.Sqlite) : CxAppFactory(provider)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.RemoveAll<IImportListener>());
    }
}
