using System.Net;
using System.Text;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Features.Presentation;

namespace CxDashboard.Web.Features.Reports;

/// <summary>
/// The monthly report as one self-contained HTML page (styles inline, charts as inline SVG with their numbers in a
/// table behind each), from the same <see cref="MonthlyReportView"/> as the PDF. Readers who prefer a web page or a
/// screen reader get the same report; printed from a browser it becomes an A4 document.
/// </summary>
public static class MonthlyReportHtml
{
    private static Vocabulary Words => Vocabulary.Current;

    public const string Styles = """
        @page { size: A4; margin: 12mm 12mm 14mm; }
        * { box-sizing: border-box; }
        body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; font-size: 9pt; color: #212121; margin: 0 auto; max-width: 60rem; padding: 1rem; line-height: 1.35; }
        header.running { display: flex; justify-content: space-between; color: #616161; font-size: 7.5pt; border-bottom: .5pt solid #e0e0e0; padding-bottom: 2pt; margin-bottom: 8pt; }
        h1 { color: #1F4E79; font-size: 20pt; margin: 0 0 4pt; }
        h2 { color: #1F4E79; font-size: 12pt; margin: 0 0 6pt; }
        h3 { color: #1F4E79; font-size: 9.5pt; margin: 8pt 0 4pt; }
        p { margin: 0 0 6pt; }
        .lead, .muted { color: #616161; }
        section { margin: 0 0 14pt; break-inside: avoid; }
        section.flows { break-inside: auto; }
        .summary { background: #DCE6F1; padding: 10pt; }
        .summary ul { margin: 0; padding-left: 12pt; }
        .tiles { display: grid; grid-template-columns: repeat(3, 1fr); gap: 6pt; margin-bottom: 6pt; }
        .tile { background: #F5F5F5; border-left: 3pt solid #9E9E9E; padding: 7pt; }
        .tile.green { border-left-color: #2E7D32; } .tile.amber { border-left-color: #F9A825; } .tile.red { border-left-color: #C62828; }
        .tile .name { font-size: 8pt; font-weight: bold; color: #616161; }
        .tile .value { font-size: 18pt; font-weight: bold; }
        .tile .line { font-size: 7.5pt; }
        .tile .status { font-weight: bold; }
        .small-sample { color: #C62828; font-weight: bold; }
        .tile .better { color: #2E7D32; } .tile .worse { color: #C62828; }
        .note, .caption { font-size: 7.5pt; color: #616161; }
        .caption { font-style: italic; }
        .charts { display: grid; grid-template-columns: 1fr 1fr; gap: 10pt; }
        .split { display: grid; grid-template-columns: 190pt 1fr; gap: 10pt; align-items: start; }
        figure { margin: 0; }
        svg.chart { width: 100%; height: auto; display: block; }
        details { font-size: 7.5pt; } @media print { details { display: none; } }
        table { border-collapse: collapse; width: 100%; font-size: 8pt; }
        th { background: #DCE6F1; text-align: left; font-size: 7.5pt; padding: 3pt; }
        td { border-bottom: .5pt solid #E0E0E0; padding: 3pt; vertical-align: top; white-space: pre-line; }
        .num { text-align: right; }
        tr.total td { background: #F5F5F5; font-weight: bold; }
        blockquote { border-left: 2pt solid #00897B; margin: 0 0 4pt; padding-left: 6pt; }
        blockquote p { font-style: italic; margin: 0; }
        blockquote footer { font-size: 7.5pt; color: #616161; }
        .radar { max-width: 330pt; margin: 0 auto 6pt; }
        dl { font-size: 7.5pt; margin: 0; } dt { font-weight: bold; display: inline; } dd { display: inline; margin: 0; } dd::after { content: ""; display: block; margin-bottom: 2pt; }
        footer.generated { color: #757575; font-size: 7pt; border-top: .5pt solid #e0e0e0; padding-top: 4pt; }
        """;

    public static string Write(MonthlyReportView view)
    {
        using var culture = ReportCulture.Use(view.CultureName);
        var html = new StringBuilder(64 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(ReportText.Language).Append("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E(view.Title)).Append(" · ").Append(E(view.OrganisationName)).Append("</title>\n<style>").Append(Styles).Append("</style>\n</head>\n<body>\n");
        html.Append("<header class=\"running\"><span>").Append(E(view.Title)).Append("</span><span>").Append(E(view.OrganisationName)).Append("</span></header>\n<main>\n");
        html.Append("<h1>").Append(E(view.Title)).Append("</h1>\n<p class=\"lead\">").Append(E(view.Lead)).Append("</p>\n");

        Section(html, "sammanfattning", Words["Report.Heading.Summary"], "summary", () =>
        {
            html.Append("<ul>");
            foreach (var sentence in view.Summary) html.Append("<li>").Append(E(sentence)).Append("</li>");
            html.Append("</ul>\n");
        });
        Section(html, "nyckeltal", Words["Report.Heading.Kpis"], null, () =>
        {
            html.Append("<div class=\"tiles\">\n");
            foreach (var tile in view.Tiles) Tile(html, tile);
            html.Append("</div>\n");
            foreach (var note in view.TileNotes) html.Append("<p class=\"note\">").Append(E(note)).Append("</p>\n");
        });
        Section(html, "utveckling", Words["Report.Heading.Trends"], null, () =>
        {
            html.Append("<div class=\"charts\">\n");
            foreach (var chart in view.Trends) Chart(html, chart, 420, 250);
            html.Append("</div>\n<p class=\"caption\">").Append(E(view.TrendCaption)).Append("</p>\n");
        });
        Section(html, "kanalmix", Words["Report.Heading.Channels"], null, () =>
        {
            Table(html, view.Channels);
        });
        Section(html, "missnojda", Words["Report.Heading.Dissatisfaction"], "flows", () => Reasons(html, view.DissatisfactionLead, view.Dissatisfaction, view.DissatisfactionQuotes));
        Section(html, "aterkontakter", Words["Report.Heading.Repeats"], "flows", () => Reasons(html, view.RepeatsLead, view.Repeats, view.RepeatsQuotes));
        Section(html, "aterringning", Words["Report.Heading.Callbacks"], null, () =>
        {
            html.Append("<p class=\"muted\">").Append(E(view.CallbacksLead)).Append("</p>\n<div class=\"tiles\">\n");
            foreach (var tile in view.CallbackTiles) Tile(html, tile);
            html.Append("</div>\n<div class=\"charts\">");
            Table(html, view.CallbackOutcomes);
            Table(html, view.CallbackRootCauses);
            html.Append("</div>\n");
        });
        Section(html, "engagemang", Words["Report.Heading.Engagement"], null, () =>
        {
            html.Append("<p class=\"muted\">").Append(E(view.EngagementLead)).Append("</p>\n");
            Table(html, view.Engagement);
        });
        Section(html, "mognad", Words["Report.Heading.Maturity"], null, () =>
        {
            html.Append("<p class=\"muted\">").Append(E(view.MaturityLead)).Append("</p>\n");
            if (view.MaturityRadar is { } radar)
            {
                html.Append("<div class=\"radar\">");
                Chart(html, radar, 680, 440); // wide: the legend's corner clears the lower labels
                html.Append("</div>\n");
            }
            if (view.MaturityGaps is { } gaps) Table(html, gaps);
        });
        Section(html, "definitioner", Words["Report.Heading.Definitions"], null, () =>
        {
            html.Append("<dl>");
            foreach (var term in view.Definitions) html.Append("<dt>").Append(E(term.Term)).Append(":</dt> <dd>").Append(E(term.Definition)).Append("</dd>");
            html.Append("</dl>\n");
            if (view.SmallSampleNote is { } note) html.Append("<p class=\"note\">").Append(E(note)).Append("</p>\n");
        });
        html.Append("</main>\n<footer class=\"generated\">").Append(E(view.Generated)).Append("</footer>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Section(StringBuilder html, string id, string heading, string? cssClass, Action body)
    {
        html.Append("<section aria-labelledby=\"").Append(id).Append('"');
        if (cssClass is not null) html.Append(" class=\"").Append(cssClass).Append('"');
        html.Append("><h2 id=\"").Append(id).Append("\">").Append(E(heading)).Append("</h2>\n");
        body();
        html.Append("</section>\n");
    }

    private static void Tile(StringBuilder html, ReportTile tile)
    {
        var status = tile.Status switch
        {
            TargetStatus.Green => " green",
            TargetStatus.Amber => " amber",
            TargetStatus.Red => " red",
            _ => "",
        };
        html.Append("<div class=\"tile").Append(status).Append("\"><div class=\"name\">").Append(E(tile.Name)).Append("</div>")
            .Append("<div class=\"value\">").Append(E(tile.Value)).Append("</div>")
            .Append("<div class=\"line\">").Append(E(tile.Sample));
        if (tile.SmallSample) html.Append(" <span class=\"small-sample\">").Append(MonthlyReportView.SmallSampleMark).Append(' ').Append(ReportText.SmallSample).Append("</span>");
        html.Append("</div><div class=\"line status\">").Append(E(tile.StatusText)).Append("</div>");
        if (tile.Gap is { } gap) html.Append("<div class=\"line\">").Append(E(gap)).Append("</div>");
        if (tile.VersusPrevious is { } previous) html.Append("<div class=\"line").Append(ToneClass(tile.PreviousTone)).Append("\">").Append(E(previous)).Append("</div>");
        if (tile.Detail is { } detail) html.Append("<div class=\"line muted").Append(ToneClass(tile.DetailTone)).Append("\">").Append(E(detail)).Append("</div>");
        html.Append("</div>\n");
    }

    private static string ToneClass(ChangeTone tone) => tone switch
    {
        ChangeTone.Better => " better",
        ChangeTone.Worse => " worse",
        _ => "",
    };

    private static void Chart(StringBuilder html, ReportChart chart, int width, int height)
    {
        using var plot = chart.CreatePlot();
        html.Append("<figure>").Append(Charts.ToSvg(plot, width, height, chart.Description))
            .Append("<details><summary>").Append(E(Words.Format("Report.ChartAsTable", chart.Title))).Append("</summary>");
        Table(html, chart.Data);
        html.Append("</details></figure>\n");
    }

    private static void Reasons(StringBuilder html, string lead, ReportTable table, IReadOnlyList<ReportQuote> quotes)
    {
        html.Append("<p class=\"muted\">").Append(E(lead)).Append("</p>\n");
        Table(html, table);
        if (quotes.Count == 0) return;
        html.Append("<h3>").Append(E(Words["Report.Heading.Quotes"])).Append("</h3>\n");
        foreach (var quote in quotes)
            html.Append("<blockquote><p>").Append(E(Words.Format("Report.Quote", quote.Text))).Append("</p><footer>").Append(E(quote.Source)).Append("</footer></blockquote>\n");
    }

    private static void Table(StringBuilder html, ReportTable table)
    {
        if (!table.HasRows)
        {
            html.Append("<p class=\"muted\"><em>").Append(E(table.EmptyText)).Append("</em></p>\n");
            return;
        }
        html.Append("<table><thead><tr>");
        foreach (var column in table.Columns)
            html.Append("<th scope=\"col\"").Append(column.Numeric ? " class=\"num\"" : "").Append('>').Append(E(column.Title)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var row in table.Rows)
        {
            html.Append(row.IsTotal ? "<tr class=\"total\">" : "<tr>");
            for (var i = 0; i < table.Columns.Count; i++)
                html.Append(table.Columns[i].Numeric ? "<td class=\"num\">" : "<td>").Append(E(row.Cells[i])).Append("</td>");
            html.Append("</tr>");
        }
        html.Append("</tbody></table>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
