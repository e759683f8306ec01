using System.Globalization;
using System.Net;
using ClosedXML.Excel;
using CxDashboard.Tests.Infrastructure;
using CxDashboard.Tests.Localisation;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Coaching;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Features.Presentation;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace CxDashboard.Tests.Coaching;

/// <summary>
/// Coaching packs downloaded over HTTP and opened: the PDF read back with PdfPig (text, numbers, page numbers, one
/// section per agent), the workbook with ClosedXML (values, number formats, frozen headers, filters, text kept as text).
/// </summary>
public sealed class CoachingPackTests(CoachingPagesTests.Fixture fixture) : IClassFixture<CoachingPagesTests.Fixture>
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");
    private const string March = "from=2026-03-01&to=2026-03-31";
    private static readonly DateOnly MarchFirst = new(2026, 3, 1);
    private static readonly DateOnly MarchLast = new(2026, 3, 31);

    private CoachingDataset Data => fixture.Data;

    private static string Percent(double hits, double n) => (100 * hits / n).ToString("0.0", Swedish) + " %";

    private static async Task<byte[]> DownloadAsync(HttpClient client, string url, string mediaType)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>A page's words joined by single spaces, no-break spaces read as spaces.</summary>
    private static List<string> PageTexts(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages()
            .Select(page => string.Join(' ', string.Join(' ', page.GetWords().Select(w => w.Text)).Replace('\u00a0', ' ')
                .Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            .ToList();
    }

    [Fact]
    public async Task The_team_pack_pdf_has_an_overview_and_a_section_per_agent_with_their_numbers()
    {
        var client = await fixture.App.SignedInClientAsync("coach@packs.test", Roles.Manager);
        var pdf = await DownloadAsync(client, $"/Coaching/Team/{fixture.Teams["T1"]}?handler=Pack&format=pdf&{March}", "application/pdf");

        using (var document = PdfDocument.Open(pdf))
        {
            Assert.Equal("Coaching pack: T1", document.Information.Title);
            Assert.Equal("CxDashboard", document.Information.Author);
        }
        var pages = PageTexts(pdf);
        Assert.Contains("T1: agents against the rest of the team", pages[0]);
        foreach (var name in new[] { "Astrid Ahlström", "Bo Berg", "Carl Cederlund", "Dana Dahl" }) Assert.Contains(name, pages[0]);
        Assert.DoesNotContain("Erik Ek", string.Join(' ', pages));
        for (var i = 0; i < pages.Count; i++) Assert.Contains($"Page {i + 1} of {pages.Count}", pages[i]);

        // Every agent's section starts on a page of its own, in the order of the overview.
        var starts = new[] { "Astrid Ahlström · T1", "Bo Berg · T1", "Carl Cederlund · T1", "Dana Dahl · T1" }
            .Select(heading => pages.FindIndex(p => p.Contains(heading, StringComparison.Ordinal))).ToList();
        Assert.All(starts, index => Assert.True(index > 0));
        Assert.Equal(starts.Order(), starts);

        var astrid = string.Join(' ', pages.Skip(starts[0]).Take(starts[1] - starts[0]));
        var responses = Data.Of("A1", MarchFirst, MarchLast).Where(c => c.Csat is not null).ToList();
        Assert.Contains($"CSAT {Percent(responses.Count(c => c.Csat >= 4), responses.Count)} {responses.Count}", astrid);
        Assert.Contains("Coaching alert: CSAT fell ▼ 33,3 p.p.", astrid);
        Assert.Contains("Ingen återkoppling som utlovat", astrid);
        Assert.Contains(CoachingDataset.FormulaComment, astrid);
        Assert.Contains("No open coaching actions.", astrid);

        var carl = string.Join(' ', pages.Skip(starts[2]).Take(starts[3] - starts[2]));
        Assert.Contains("short calls, many repeats", carl);
        Assert.Contains("Handle time 2:30 against the rest of the team's", carl);
        Assert.Contains("Trend: 12 weeks to 2026-03-31, Carl Cederlund and T1", carl);
        Assert.Contains("CSAT by week", carl); // the chart's title, drawn as text
    }

    [Fact]
    public async Task The_agent_pack_workbook_holds_the_scorecard_as_formatted_numbers()
    {
        var carlId = fixture.Agents["A3"];
        var client = await fixture.App.SignedInClientAsync("coach@packs.test", Roles.Manager);
        await fixture.App.WithScopeAsync(async sp =>
        {
            var result = await sp.GetRequiredService<CoachingActionService>().CreateAsync(carlId, new CoachingActionForm
            {
                Title = "+46 callback script: confirm the fix", DueDate = new DateOnly(2026, 4, 30), FocusKpi = Web.Features.Metrics.KpiKind.ContactFcrPercent,
            }, sp.GetRequiredService<Web.Data.CxDbContext>().Users.First().Id);
            Assert.True(result.Succeeded);
        });
        var bytes = await DownloadAsync(client, $"/Coaching/Agent/{carlId}?handler=Pack&format=xlsx&{March}",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        Assert.Equal(["Scorecard", "Weekly trend", "Repeat patterns", "Lowest rated", "Coaching actions", "Alerts", "About"], workbook.Worksheets.Select(s => s.Name));
        foreach (var sheet in workbook.Worksheets)
        {
            Assert.Equal(1, sheet.SheetView.SplitRow);
            Assert.True(sheet.AutoFilter.IsEnabled, $"{sheet.Name} has an autofilter");
            Workbooks.AssertHeadersWrapAndFit(sheet);
        }

        var scorecard = workbook.Worksheet("Scorecard");
        var columns = scorecard.Row(1).CellsUsed().ToDictionary(c => c.GetString(), c => c.Address.ColumnNumber);
        IXLRow Kpi(string name) => scorecard.RowsUsed().Single(r => r.Cell(columns["KPI"]).GetString() == name);
        var responses = Data.Of("A3", MarchFirst, MarchLast).Where(c => c.Csat is not null).ToList();
        var csat = Kpi("CSAT");
        Assert.Equal("Carl Cederlund", csat.Cell(columns["Agent"]).GetString());
        Assert.Equal(1.0 * responses.Count(c => c.Csat >= 4) / responses.Count, csat.Cell(columns["Agent value"]).GetDouble(), 9);
        Assert.Equal("0.0 %", csat.Cell(columns["Agent value"]).Style.NumberFormat.Format);
        Assert.Equal(responses.Count, csat.Cell(columns["Agent n"]).GetDouble());
        Assert.Equal("#,##0", csat.Cell(columns["Agent n"]).Style.NumberFormat.Format);
        Assert.Equal(0.8, csat.Cell(columns["Target (green)"]).GetDouble(), 9);
        var mean = Kpi("CSAT mean");
        Assert.Equal(responses.Average(c => c.Csat!.Value), mean.Cell(columns["Agent value"]).GetDouble(), 9);
        Assert.Equal("0.00", mean.Cell(columns["Agent value"]).Style.NumberFormat.Format);
        Assert.Equal("worse than the rest of the team", Kpi("Contact-based FCR").Cell(columns["Against the rest of the team"]).GetString());
        // The p column reads one way for every KPI: the chance the agent is this much worse by luck, so small means worse.
        var p = columns["p (agent worse than the rest, one-sided)"];
        Assert.True(Kpi("Contact-based FCR").Cell(p).GetDouble() < 0.05);
        foreach (var row in Workbooks.TableRows(scorecard).Where(r => !r.Cell(p).IsEmpty()))
        {
            var verdict = row.Cell(columns["Against the rest of the team"]).GetString();
            var pWorse = row.Cell(p).GetDouble();
            Assert.True(verdict == "worse than the rest of the team" ? pWorse < 0.05 : pWorse >= 0.05, $"{row.Cell(columns["KPI"]).GetString()}: {verdict}, p = {pWorse}");
            if (verdict == "better than the rest of the team") Assert.True(pWorse > 0.95);
        }

        var patterns = workbook.Worksheet("Repeat patterns");
        var patternColumns = patterns.Row(1).CellsUsed().ToDictionary(c => c.GetString(), c => c.Address.ColumnNumber);
        var fel = patterns.RowsUsed().Single(r => r.Cell(patternColumns["Reason code"]).GetString() == "FEL");
        Assert.True(fel.Cell(patternColumns["Short calls, many repeats"]).GetBoolean());
        Assert.Equal(150, Workbooks.ApiNumber(fel.Cell(patternColumns["Handle time"])), 9);
        Assert.Equal("[m]:ss", fel.Cell(patternColumns["Handle time"]).Style.NumberFormat.Format);

        var trend = workbook.Worksheet("Weekly trend");
        Assert.Equal(12, Workbooks.TableRows(trend).Count);
        Assert.Equal(new DateTime(2026, 3, 25), trend.Cell(13, 4).GetDateTime());
        Assert.Equal("yyyy-mm-dd", trend.Cell(13, 4).Style.DateFormat.Format);

        // A title that starts like a formula is stored as text.
        var action = workbook.Worksheet("Coaching actions").Cell(2, 4);
        Assert.Equal("+46 callback script: confirm the fix", action.GetString());
        Assert.Equal(XLDataType.Text, action.DataType);
        Assert.False(action.HasFormula);
        Assert.True(action.Style.IncludeQuotePrefix);
    }

    [Fact]
    public async Task The_team_pack_workbook_lists_every_agent_and_keeps_comments_as_text()
    {
        var client = await fixture.App.SignedInClientAsync("coach@packs.test", Roles.Manager);
        var bytes = await DownloadAsync(client, $"/Coaching/Team/{fixture.Teams["T1"]}?handler=Pack&format=xlsx&{March}",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        var team = workbook.Worksheet("Team");
        var names = Workbooks.TableRows(team).Select(r => r.Cell(2).GetString()).ToList();
        // Agents with an alert first, then by contacts (Bo also takes the customers who come back after Carl's calls).
        Assert.Equal(["Astrid Ahlström", "Bo Berg", "Carl Cederlund", "Dana Dahl"], names);
        // The team's total sits under the table, outside its filter, so filtering or summing the agents never takes it in.
        var totalRow = Workbooks.RowUnderTable(team)!;
        Assert.Equal("T1 (total)", totalRow.Cell(2).GetString());
        Assert.Equal(team.AutoFilter.Range.LastRow().RowNumber() + 2, totalRow.RowNumber());
        var contactsColumn = team.Row(1).CellsUsed().Single(c => c.GetString() == "Contacts").Address.ColumnNumber;
        var total = totalRow.Cell(contactsColumn).GetDouble();
        Assert.Equal(Data.Contacts.Count(c => c.Team == "T1" && c.StartedLocal >= new DateTime(2026, 3, 1)), total);
        Assert.Equal(total, Workbooks.TableRows(team).Sum(r => r.Cell(contactsColumn).GetDouble()));

        Assert.Equal(4 * 6, workbook.Worksheet("Scorecard").RowsUsed().Count() - 1);
        var lowest = workbook.Worksheet("Lowest rated");
        var comment = lowest.CellsUsed().First(c => c.GetString() == CoachingDataset.FormulaComment);
        Assert.False(comment.HasFormula);
        Assert.Equal(XLDataType.Text, comment.DataType);
        Assert.True(comment.Style.IncludeQuotePrefix);

        var alerts = workbook.Worksheet("Alerts");
        var verdicts = alerts.RowsUsed().Skip(1).Select(r => $"{r.Cell(1).GetString()} {r.Cell(4).GetString()} {r.Cell(5).GetString()}").ToList();
        Assert.Contains("A1 CSAT significantly worse", verdicts);
        Assert.Contains("A4 CSAT too few to judge", verdicts);
    }

    private const string InSwedish = "culture=sv-SE&ui-culture=sv-SE";
    private const string InEnglish = "culture=en-GB&ui-culture=en-GB";

    [Fact]
    public async Task A_pack_pdf_in_swedish_reads_only_swedish_kpi_and_channel_names_and_shows_times_in_the_organisations_zone()
    {
        var client = await fixture.App.SignedInClientAsync("coach@packs.test", Roles.Manager);
        var pdf = await DownloadAsync(client, $"/Coaching/Team/{fixture.Teams["T1"]}?handler=Pack&format=pdf&{March}&{InSwedish}", "application/pdf");
        var pages = PageTexts(pdf);
        var text = string.Join(' ', pages);
        var sv = DocumentWords.Swedish;

        using (var document = PdfDocument.Open(pdf)) Assert.Equal("Coachningspaket: T1", document.Information.Title);
        Assert.Contains("T1: agenterna jämfört med resten av teamet", pages[0]);
        Assert.Contains("Nyckeltal jämfört med teamet och målet", text);
        // (Long names wrap inside their cells, so the pack is checked for the names that fit on one line.)
        foreach (var kind in new[] { KpiKind.CsatPercent, KpiKind.ContactFcrPercent, KpiKind.RepeatContactRate })
            Assert.Contains(sv.Kpi(kind), text);
        Assert.Contains($"Kontaktorsak · kanal", text);
        Assert.Contains($" · {sv.Channel(Web.Data.Entities.Channel.Phone)}", text);
        Assert.Contains("Coachningslarm: Kundnöjdhet (CSAT) sjönk ▼ 33,3 p.e.", text);
        Assert.Contains($"{sv.Kpi(KpiKind.CsatPercent)} per vecka", text); // the chart's title, drawn as text
        for (var i = 0; i < pages.Count; i++) Assert.Contains($"Sida {i + 1} av {pages.Count}", pages[i]);
        DocumentWords.AssertNoneOf(DocumentWords.ForeignNames(sv, DocumentWords.English), text);
        foreach (var english in new[] { "Coaching pack", "Page 1", "against the rest of the team", "How to read", "Lowest-rated", "Open coaching actions", "by week" })
            Assert.DoesNotContain(english, text);

        // Created at 10:00 UTC on 31 March: 12:00 in Stockholm (summer time), and the footer says which zone.
        Assert.Contains("skapad 2026-03-31 12:00 (Europe/Stockholm) av", pages[0]);
        Assert.DoesNotContain("UTC", text);
        Assert.Empty(DocumentText.Untranslated);
    }

    [Fact]
    public async Task A_pack_pdf_in_english_reads_only_english_kpi_and_channel_names_with_english_numbers()
    {
        var client = await fixture.App.SignedInClientAsync("coach@packs.test", Roles.Manager);
        var pdf = await DownloadAsync(client, $"/Coaching/Team/{fixture.Teams["T1"]}?handler=Pack&format=pdf&{March}&{InEnglish}", "application/pdf");
        var text = string.Join(' ', PageTexts(pdf));
        var en = DocumentWords.English;

        Assert.Contains("T1: agents against the rest of the team", text);
        foreach (var kind in new[] { KpiKind.CsatPercent, KpiKind.CsatMean, KpiKind.ContactFcrPercent, KpiKind.RepeatContactRate })
            Assert.Contains(en.Kpi(kind), text);
        Assert.Contains(" · Phone", text);
        // English numbers: a decimal point.
        Assert.Contains("Coaching alert: CSAT fell ▼ 33.3 p.p.", text);
        Assert.Contains("generated 2026-03-31 12:00 (Europe/Stockholm) by", text);
        DocumentWords.AssertNoneOf(DocumentWords.ForeignNames(en, DocumentWords.Swedish), text);
        foreach (var swedish in new[] { "Coachningspaket", "Sida ", "jämfört", "Kontaktorsak" }) Assert.DoesNotContain(swedish, text);
    }

    [Fact]
    public async Task A_pack_workbook_in_swedish_has_swedish_sheets_headers_and_names_and_local_times()
    {
        var client = await fixture.App.SignedInClientAsync("coach@packs.test", Roles.Manager);
        var bytes = await DownloadAsync(client, $"/Coaching/Team/{fixture.Teams["T1"]}?handler=Pack&format=xlsx&{March}&{InSwedish}",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        var sv = DocumentWords.Swedish;
        Assert.Equal(["Team", "Resultatkort", "Veckotrend", "Återkontaktsmönster", "Lägst betyg", "Coachningsåtgärder", "Larm", "Om"], workbook.Worksheets.Select(s => s.Name));

        var scorecard = workbook.Worksheet("Resultatkort");
        var columns = Workbooks.Headers(scorecard);
        Assert.Contains("Nyckeltal", columns.Keys);
        Assert.Contains("Jämfört med resten av teamet", columns.Keys);
        var kpis = Workbooks.TableRows(scorecard).Select(r => r.Cell(columns["Nyckeltal"]).GetString()).Distinct().ToList();
        Assert.Contains(sv.Kpi(KpiKind.CsatPercent), kpis);
        Assert.Contains(sv.Kpi(KpiKind.RepeatContactRate), kpis);

        var lowest = workbook.Worksheet("Lägst betyg");
        var lowestColumns = Workbooks.Headers(lowest);
        Assert.Contains("Mottaget (Europe/Stockholm)", lowestColumns.Keys);
        Assert.Equal([sv.Channel(Web.Data.Entities.Channel.Phone)], Workbooks.TableRows(lowest).Select(r => r.Cell(lowestColumns["Kanal"]).GetString()).Distinct());
        Assert.Contains("Skapad (Europe/Stockholm)", Workbooks.Headers(workbook.Worksheet("Coachningsåtgärder")).Keys);

        var team = workbook.Worksheet("Team");
        Assert.Contains(sv.Kpi(KpiKind.RepeatContactRate), Workbooks.Headers(team).Keys);
        Assert.Equal("T1 (totalt)", Workbooks.RowUnderTable(team)!.Cell(2).GetString());
        var about = workbook.Worksheet("Om");
        var aboutText = string.Join(' ', about.CellsUsed().Select(c => c.GetString()));
        Assert.Contains("Skapad (Europe/Stockholm)", aboutText);
        Assert.DoesNotContain("UTC", aboutText.Replace("utom där en rubrik anger UTC", "", StringComparison.Ordinal));

        var everything = string.Join(' ', workbook.Worksheets.SelectMany(s => s.CellsUsed()).Select(c => c.GetString()));
        DocumentWords.AssertNoneOf(DocumentWords.ForeignNames(sv, DocumentWords.English), everything);
        Assert.Empty(DocumentText.Untranslated);
    }
}
