using System.CommandLine;
using System.Globalization;
using CxDashboard.Web.Features.Reports;
using CxDashboard.Web.Hosting;

namespace CxDashboard.Web.Cli;

/// <summary>`report monthly`: the monthly leadership report for a month, into the report library or a file of your own.</summary>
public static class ReportVerbs
{
    public const string CreatedBy = "command line";

    public static Command Report(CliContext context) => new("report", "Reports for leadership")
    {
        Monthly(context),
    };

    private static Command Monthly(CliContext context)
    {
        var month = new Option<string>("--month") { Description = "The month, YYYY-MM", Required = true };
        var output = new Option<string?>("--out")
        {
            Description = "Write the report to this file instead of the report library (the library's file and entry stay as they are)",
        };
        var format = CliOptions.Format("pdf", "html");
        var command = new Command("monthly",
            "Render the monthly leadership report. Without --out it goes into the report library (reports/monthly/cx-report-YYYY-MM.pdf), replacing that month's report.")
        {
            month, output, format,
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

            if (path is null)
            {
                var entry = await services.GetRequiredService<MonthlyReportJob>().RunAsync(label, CreatedBy, token);
                var stored = services.GetRequiredService<ReportLibrary>().FullPath(entry.RelativePath);
                await context.Out.WriteLineAsync($"Wrote {stored}: {label}, {entry.PageCount} pages, {entry.SizeBytes:N0} bytes in {entry.BuildMilliseconds} ms (report library updated).");
                return CliApp.Success;
            }

            var generator = services.GetRequiredService<MonthlyReportGenerator>();
            if (html)
            {
                var view = await generator.ViewAsync(target, token);
                await PrivateFiles.WriteAllTextAsync(path, MonthlyReportHtml.Write(view), token);
                await context.Out.WriteLineAsync($"Wrote {path}: {label}, web version, {new FileInfo(path).Length:N0} bytes.");
                return CliApp.Success;
            }
            var generated = await generator.GenerateAsync(target, token);
            await PrivateFiles.WriteAllBytesAsync(path, generated.Pdf.Content, token);
            await context.Out.WriteLineAsync($"Wrote {path}: {label}, {generated.Pdf.PageCount} pages, {generated.Pdf.Content.Length:N0} bytes " +
                                             $"(figures {generated.Gathering.TotalMilliseconds:0} ms, PDF {generated.Rendering.TotalMilliseconds:0} ms).");
            return CliApp.Success;
        }, ct));
        return command;
    }
}
