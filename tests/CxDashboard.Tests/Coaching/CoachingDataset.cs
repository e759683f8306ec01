using System.Globalization;
using System.Text;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Web.Features.Ingestion;

namespace CxDashboard.Tests.Coaching;

/// <summary>
/// A generated, deterministic contact centre built for coaching, as of 2026-03-31 10:00 UTC (today 2026-03-31 in
/// Stockholm). Alert windows: recent 2026-03-03 – 2026-03-30, before 2025-12-09 – 2026-03-02.
///
///   team  agent  name              story
///   T1    A1     Astrid Ahlström   CSAT 5 of 6 satisfied before, 1 of 2 in the recent weeks: a coaching alert (the rest of T1 holds steady)
///   T1    A2     Bo Berg           steady; handles the customers who come back after A3's contacts (login bo@example.test)
///   T1    A3     Carl Cederlund    150 s calls against 400 s, and 2 of 5 of his customers contact us again two days later: short calls, many repeats
///   T1    A4     Dana Dahl         10 responses in the recent weeks, all CSAT 1, nothing before: too few to judge, never flagged
///   T2    B1     Erik Ek           the same drop as A1 in the other team (a team-scoped manager of T1 must never see him)
///
/// Every contact has its own customer and one survey response, except A3's follow-ups (same customer, two days later,
/// handled by A2, no response). Contacts start at 09:00 and 14:00 local time; responses arrive two hours later.
/// </summary>
public sealed class CoachingDataset
{
    public static readonly DateTimeOffset Now = new(2026, 3, 31, 10, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly BaselineFrom = new(2025, 12, 9);
    public static readonly DateOnly RecentFrom = new(2026, 3, 3);
    public static readonly DateOnly RecentTo = new(2026, 3, 30);
    public const string FormulaComment = "=HYPERLINK(\"http://evil.example\",\"Klicka här\")";

    public sealed record Row(string ContactId, string Customer, string Agent, string Team, DateTime StartedLocal, int HandleSeconds, string Reason, int? Csat, string? Comment);

    public List<Row> Contacts { get; } = [];

    public static readonly (string Id, string Name, string Team, string? Email)[] Agents =
    [
        ("A1", "Astrid Ahlström", "T1", null),
        ("A2", "Bo Berg", "T1", "bo@example.test"),
        ("A3", "Carl Cederlund", "T1", null),
        ("A4", "Dana Dahl", "T1", null),
        ("B1", "Erik Ek", "T2", null),
    ];

    public CoachingDataset()
    {
        var n = 0;
        for (var day = BaselineFrom; day <= RecentTo; day = day.AddDays(1))
        {
            var recent = day >= RecentFrom;
            foreach (var hour in new[] { 9, 14 })
            {
                var slot = (day.DayNumber - BaselineFrom.DayNumber) * 2 + (hour == 9 ? 0 : 1);
                var at = day.ToDateTime(new TimeOnly(hour, 0));
                // A1 and B1: 5 of 6 satisfied before, 1 of 2 in the recent weeks, with the reasons in the comments.
                foreach (var (agent, team) in new[] { ("A1", "T1"), ("B1", "T2") })
                {
                    var satisfied = recent ? slot % 2 == 0 : slot % 6 != 0;
                    var comment = satisfied ? null : slot % 4 == 1 ? "Ingen återkoppling som utlovat" : slot % 4 == 3 && agent == "A1" && recent ? FormulaComment : null;
                    Add(agent, team, at, 360, "FAKTURA", satisfied ? 5 : 1, comment);
                }
                Add("A2", "T1", at, 420, "FEL", slot % 6 != 0 ? 4 : 2, null);
                // A3: short calls; every fifth and fifth-plus-two contact is followed by the same customer two days later (handled by A2).
                var cameBack = slot % 5 is 0 or 2;
                var contact = Add("A3", "T1", at, 150, "FEL", slot % 10 < 7 ? 4 : 2, cameBack ? "Fick ringa igen" : null);
                if (cameBack && at.AddDays(2) < new DateTime(2026, 3, 31, 11, 0, 0))
                    Contacts.Add(new Row($"F{contact.ContactId}", contact.Customer, "A2", "T1", at.AddDays(2).AddHours(1), 400, "FEL", null, null));
            }
            if (recent && day.Day % 3 == 0 && day.Day <= 30)
                Add("A4", "T1", day.ToDateTime(new TimeOnly(11, 0)), 300, "FLYTT", 1, "Otrevligt bemötande");
        }

        Row Add(string agent, string team, DateTime at, int handle, string reason, int csat, string? comment)
        {
            var row = new Row($"K{++n:00000}", $"C{n:00000}", agent, team, at, handle, reason, csat, comment);
            Contacts.Add(row);
            return row;
        }
    }

    public string AgentsCsv()
    {
        var csv = new StringBuilder("agent_id,name,team,email\n");
        foreach (var (id, name, team, email) in Agents) csv.Append(CultureInfo.InvariantCulture, $"{id},{name},{team},{email}\n");
        return csv.ToString();
    }

    public string ContactsCsv()
    {
        var csv = new StringBuilder("contact_id,customer_id,agent_id,team,channel,reason,started_at,handle_seconds\n");
        foreach (var c in Contacts)
            csv.Append(CultureInfo.InvariantCulture, $"{c.ContactId},{c.Customer},{c.Agent},{c.Team},phone,{c.Reason},{c.StartedLocal:yyyy-MM-dd HH:mm},{c.HandleSeconds}\n");
        return csv.ToString();
    }

    public string ResponsesCsv()
    {
        var csv = new StringBuilder("response_id,contact_id,received_at,csat,resolved,nps,comment\n");
        foreach (var c in Contacts.Where(c => c.Csat is not null))
        {
            var comment = c.Comment is null ? "" : "\"" + c.Comment.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            csv.Append(CultureInfo.InvariantCulture, $"R{c.ContactId},{c.ContactId},{c.StartedLocal.AddHours(2):yyyy-MM-dd HH:mm},{c.Csat},{(c.Csat >= 4 ? "yes" : "no")},{(c.Csat >= 4 ? 9 : 3)},{comment}\n");
        }
        return csv.ToString();
    }

    public async Task LoadAsync(CxAppFactory app)
    {
        await app.ImportOkAsync(ImportKind.Agents, AgentsCsv());
        await app.ImportOkAsync(ImportKind.Contacts, ContactsCsv());
        await app.ImportOkAsync(ImportKind.SurveyResponses, ResponsesCsv());
    }

    /// <summary>Rows of one agent with a local start date in the period.</summary>
    public IEnumerable<Row> Of(string agent, DateOnly from, DateOnly to) =>
        Contacts.Where(c => c.Agent == agent && DateOnly.FromDateTime(c.StartedLocal) >= from && DateOnly.FromDateTime(c.StartedLocal) <= to);

    /// <summary>Whether the same customer contacted us again within 7 days after this contact (computed here, independently of the app).</summary>
    public bool CameBack(Row contact) =>
        Contacts.Any(o => o.Customer == contact.Customer && o.StartedLocal > contact.StartedLocal && o.StartedLocal <= contact.StartedLocal.AddDays(7));
}
