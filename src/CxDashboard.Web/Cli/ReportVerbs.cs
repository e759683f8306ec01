using System.CommandLine;
using System.Globalization;
using CxDashboard.Web.Features.Coaching;
using CxDashboard.Web.Features.Coaching.Packs;
using CxDashboard.Web.Features.Exports;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Features.Reports;
using CxDashboard.Web.Hosting;

namespace CxDashboard.Web.Cli;

/// <summary>
/// `report monthly`: the monthly leadership report for a month, into the report library or a file of your own.
/// `report coaching`: a team's or an agent's coaching pack for a period, as PDF or Excel.
/// </summary>
public static class ReportVerbs
{
    public const string CreatedBy = "command line";

    public static Command Report(CliContext context) => new("report", "Reports for leadership")
    {
        Monthly(context),
        Coaching(context),
    };

    private static Command Coaching(CliContext context)
    {
        var team = new Option<int?>("--team") { Description = "The team's id: its pack has an overview and a page per agent" };
        var agent = new Option<int?>("--agent") { Description = "The agent's id: their own pack" };
        var from = CliOptions.RequiredDate("--from", "First day of the period (YYYY-MM-DD), organisation time zone");
        var to = CliOptions.RequiredDate("--to", "Last day of the period, included");
        var format = CliOptions.Format("pdf", "xlsx");
        var output = new Option<string>("--out") { Description = "The file to write (.pdf or .xlsx)", Required = true };
        var language = CliOptions.Language();
        var command = new Command("coaching", "Write a coaching pack (as the Coaching pages make it) for a team or an agent and a period")
        {
            team, agent, from, to, format, output, language,
        };
        command.SetAction((parse, ct) => context.WithServicesAsync(async (services, token) =>
        {
            var (teamId, agentId) = (parse.GetValue(team), parse.GetValue(agent));
            if (teamId is null == agentId is null) throw new CliException("Give either --team ID or --agent ID.", CliApp.UsageError);
            // The period rule: a period outside it exits 2 with the rule's message.
            var period = PeriodRule.Check(parse.GetValue(from), parse.GetValue(to));
            var packFormat = CoachingPackService.ParseFormat(parse.GetValue(format));
            var path = Path.GetFullPath(parse.GetValue(output)!);
            var extension = packFormat == PackFormat.Xlsx ? ".xlsx" : ".pdf";
            if (!path.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
                throw new CliException($"--out must end with {extension} for --format {parse.GetValue(format)}.", CliApp.UsageError);

            // The command line acts as an administrator: every team and agent, nobody's own pack.
            var viewer = new CoachingViewer(DataScope.Everything, CanManage: true, UserId: "");
            var packs = services.GetRequiredService<CoachingPackService>();
            var packLanguage = CliOptions.LanguageOrDefault(parse.GetValue(language), services);
            PackFile file;
            if (teamId is { } id)
            {
                file = await packs.TeamPackAsync(id, viewer, period, packFormat, packLanguage, token)
                       ?? throw new CliException($"--team {id}: no such team.", CliApp.UsageError);
            }
            else
            {
                var found = await services.GetRequiredService<CoachingAccess>().FindAgentAsync(agentId!.Value, token)
                            ?? throw new CliException($"--agent {agentId}: no such agent.", CliApp.UsageError);
                file = await packs.AgentPackAsync(found, viewer, period, packFormat, packLanguage, token);
            }
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await AtomicFile.WriteAsync(path, stream => stream.WriteAsync(file.Content, token).AsTask());
            await context.Out.WriteLineAsync($"Wrote {path}: {file.FileName}, {file.Content.Length:N0} bytes.");
            return CliApp.Success;
        }, ct));
        return command;
    }

    private static Command Monthly(CliContext context)
    {
        var month = new Option<string>("--month") { Description = "The month, YYYY-MM", Required = true };
        var output = new Option<string?>("--out")
        {
            Description = "Write the report to this file instead of the report library (the library's file and entry stay as they are)",
        };
        var format = CliOptions.Format("pdf", "html");
        var language = CliOptions.Language(
            "Write the report in this language (sv-SE or en-GB) instead of the library's (Reports:Culture, else Organisation:Language); needs --out");
        var command = new Command("monthly",
            "Render the monthly leadership report. Without --out it goes into the report library (in the database), replacing that month's report.")
        {
            month, output, format, language,
        };
        command.SetAction((parse, ct) => context.WithServicesAsync(async (services, token) =>
        {
            var text = parse.GetValue(month);
            if (!ReportLibrary.TryParseMonth(text, out var target))
                throw new CliException($"--month: '{text}' is not a month (use YYYY-MM, e.g. 2026-03)", CliApp.UsageError);
            var path = parse.GetValue(output) is { } file ? Path.GetFullPath(file) : null;
            var html = parse.GetValue(format) == "html";
            if (html && path is null) throw new CliException("--format html needs --out FILE.html (the library keeps PDFs)", CliApp.UsageError);
            var label = target.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            var options = services.GetRequiredService<ReportOptions>();
            var culture = parse.GetValue(language) ?? options.Culture;
            if (path is null && culture != options.Culture)
                throw new CliException($"--language {culture}: the report library keeps the report in {options.Culture}; write another language with --out FILE", CliApp.UsageError);

            if (path is null)
            {
                var entry = await services.GetRequiredService<MonthlyReportJob>().RunAsync(label, CreatedBy, token);
                await context.Out.WriteLineAsync($"Stored {label} in the report library: {entry.PageCount} pages, {entry.SizeBytes:N0} bytes in {entry.BuildMilliseconds} ms.");
                return CliApp.Success;
            }

            var generator = services.GetRequiredService<MonthlyReportGenerator>();
            if (html)
            {
                var view = await generator.ViewAsync(target, culture, token);
                await PrivateFiles.WriteAllTextAsync(path, MonthlyReportHtml.Write(view), token);
                await context.Out.WriteLineAsync($"Wrote {path}: {label}, web version, {new FileInfo(path).Length:N0} bytes.");
                return CliApp.Success;
            }
            var generated = await generator.GenerateAsync(target, culture, token);
            await PrivateFiles.WriteAllBytesAsync(path, generated.Pdf.Content, token);
            await context.Out.WriteLineAsync($"Wrote {path}: {label}, {generated.Pdf.PageCount} pages, {generated.Pdf.Content.Length:N0} bytes " +
                                             $"(figures {generated.Gathering.TotalMilliseconds:0} ms, PDF {generated.Rendering.TotalMilliseconds:0} ms).");
            return CliApp.Success;
        }, ct));
        return command;
    }
}
