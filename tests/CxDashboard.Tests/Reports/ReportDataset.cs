using System.Globalization;
using System.Text;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Ingestion;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Reports;

/// <summary>
/// A month worked out by hand for the leadership report: March 2026, reported as of 2026-04-01 06:00 Stockholm time
/// (the job's default schedule), W = 7 days. Team T1 (agent A1) handles invoices, T2 (agent A2) faults.
///
///   March 2026, 60 contacts:
///     FAKTURA  30 first contacts (phone, 2–16 March, customers F01–F30), 10 of them (F01–F10) contact again by chat
///              2 days later: 40 contacts, 10 repeats (25,0 %).
///     FEL      20 contacts (email, 26–28 March, customers E01–E20), no repeats; their 7-day window has not passed
///              by 1 April 06:00, so they are not yet decidable for contact-based FCR.
///     Repeat-contact rate 10 / 60 = 16,7 %. Contact-based FCR: 40 decidable; F01–F10's first contacts are followed
///     within 7 days, so 30 / 40 = 75,0 %; 20 not yet decidable.
///   Responses on March contacts, 47:
///     FAKTURA first contacts F01–F27: 22 × CSAT 5 (NPS 10), 5 × CSAT 1 (NPS 2, a comment each, one looks like a formula);
///     FAKTURA repeats of F01–F03: 3 × CSAT 2 (NPS 2, a comment each);
///     FEL E01–E17: 15 × CSAT 4 (NPS 8), 1 × CSAT 5 (NPS 10), 1 × CSAT 2 (NPS 2, a comment).
///     CSAT (4–5) 38 / 47 = 80,851… % → "80,9 %"; dissatisfied (1–2) FAKTURA 8 / 30, FEL 1 / 17 (a small sample);
///     survey FCR = yes exactly when CSAT ≥ 4: 38 / 47; NPS (23 − 9) / 47 = +29,8.
///   February 2026: 40 contacts (one per customer, FAKTURA), 40 responses, 28 × CSAT 4 → CSAT 70,0 %.
///   March 2025: 30 contacts (FAKTURA), 30 responses, 24 × CSAT 4 → CSAT 80,0 %.
///   Engagement March 2026: T1 six answers (items 4, 4, 4: index 75,0; eNPS 9, 9, 9, 9, 7, 3: +50,0), T2 three (hidden).
/// </summary>
public static class ReportDataset
{
    /// <summary>06:00 on 1 April 2026 in Stockholm (summer time, +02:00).</summary>
    public static readonly DateTimeOffset JobTime = new(2026, 4, 1, 4, 0, 0, TimeSpan.Zero);

    public const string MarchCsatShown = "80,9 %";
    public const double MarchCsatPercent = 100.0 * 38 / 47;
    public const string DissatisfiedComment = "Fakturan var fel för tredje månaden i rad och ingen ringde tillbaka";
    public const string RepeatComment = "Fick höra av mig igen eftersom felet i fakturan kvarstod";
    public const string FormulaComment = "=HYPERLINK(\"http://example.test\",\"klicka\")";

    public const string Agents = """
        agent_id,name,team,email
        A1,Anna Andersson,T1,
        A2,Bertil Berg,T2,
        """;

    public static async Task LoadAsync(CxAppFactory app)
    {
        await app.ImportOkAsync(ImportKind.Agents, Agents);
        var contacts = new StringBuilder("contact_id,customer_id,agent_id,team,channel,reason,started_at\n");
        var responses = new StringBuilder("response_id,contact_id,received_at,csat,resolved,nps,comment\n");

        void Contact(string id, string customer, string agent, string channel, string reason, DateTime local) =>
            contacts.Append(CultureInfo.InvariantCulture, $"{id},{customer},{agent},,{channel},{reason},{local:yyyy-MM-dd HH:mm}\n");
        void Response(string contactId, DateTime local, int csat, int nps, string? comment = null) =>
            responses.Append(CultureInfo.InvariantCulture,
                $"R-{contactId},{contactId},{local.AddHours(2):yyyy-MM-dd HH:mm},{csat},{(csat >= 4 ? "yes" : "no")},{nps},{Quote(comment)}\n");

        string[] dissatisfiedComments =
        [
            // The newest two (F27, F26) are the ones the report quotes.
            "Lång kö och otrevligt bemötande", "Ingen förstod min fråga", "Jag fick fel besked om förfallodagen", FormulaComment, DissatisfiedComment,
        ];
        string[] repeatComments = ["Andra gången jag ringer om samma sak", "Svaret i chatten hjälpte inte", RepeatComment];

        for (var i = 1; i <= 30; i++)
        {
            var first = new DateTime(2026, 3, 2, 10, 0, 0).AddDays((i - 1) / 2);
            var id = $"MF{i:00}";
            Contact(id, $"F{i:00}", "A1", "phone", "FAKTURA", first);
            if (i <= 27) Response(id, first, i <= 22 ? 5 : 1, i <= 22 ? 10 : 2, i <= 22 ? null : dissatisfiedComments[i - 23]);
            if (i > 10) continue;
            var again = first.AddDays(2);
            Contact($"MR{i:00}", $"F{i:00}", "A1", "chat", "FAKTURA", again);
            if (i <= 3) Response($"MR{i:00}", again, 2, 2, repeatComments[i - 1]);
        }
        for (var i = 1; i <= 20; i++)
        {
            var at = new DateTime(2026, 3, 26, 9, 0, 0).AddDays((i - 1) % 3);
            Contact($"ME{i:00}", $"E{i:00}", "A2", "email", "FEL", at);
            if (i <= 15) Response($"ME{i:00}", at, 4, 8);
            else if (i == 16) Response($"ME{i:00}", at, 5, 10);
            else if (i == 17) Response($"ME{i:00}", at, 2, 2, "Tekniken krånglar fortfarande");
        }
        for (var i = 1; i <= 40; i++)
        {
            var at = new DateTime(2026, 2, 2, 11, 0, 0).AddDays((i - 1) % 20);
            Contact($"FB{i:00}", $"B{i:00}", "A1", "phone", "FAKTURA", at);
            Response($"FB{i:00}", at, i <= 28 ? 4 : 2, 7);
        }
        for (var i = 1; i <= 30; i++)
        {
            var at = new DateTime(2025, 3, 3, 11, 0, 0).AddDays((i - 1) % 20);
            Contact($"LY{i:00}", $"Y{i:00}", "A1", "phone", "FAKTURA", at);
            Response($"LY{i:00}", at, i <= 24 ? 4 : 3, 7);
        }

        await app.ImportOkAsync(ImportKind.Contacts, contacts.ToString());
        await app.ImportOkAsync(ImportKind.SurveyResponses, responses.ToString());
        await app.ImportOkAsync(ImportKind.Engagement, """
            team,period,enps,q1,q2,q3
            T1,2026-03,9,4,4,4
            T1,2026-03,9,4,4,4
            T1,2026-03,9,4,4,4
            T1,2026-03,9,4,4,4
            T1,2026-03,7,4,4,4
            T1,2026-03,3,4,4,4
            T2,2026-03,10,5,5,5
            T2,2026-03,10,5,5,5
            T2,2026-03,1,1,1,1
            """);
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CxDbContext>();
            await db.ContactReasons.Where(r => r.Code == "FAKTURA").ExecuteUpdateAsync(s => s.SetProperty(r => r.Name, "Fråga om faktura"));
            await db.ContactReasons.Where(r => r.Code == "FEL").ExecuteUpdateAsync(s => s.SetProperty(r => r.Name, "Teknisk felanmälan"));
        });
    }

    private static string Quote(string? text) => text is null ? "" : "\"" + text.Replace("\"", "\"\"") + "\"";
}
