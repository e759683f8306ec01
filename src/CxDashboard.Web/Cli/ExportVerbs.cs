using System.CommandLine;
using System.Diagnostics;
using CxDashboard.Web.Features.Exports;
using CxDashboard.Web.Features.Exports.Xlsx;
using CxDashboard.Web.Features.Metrics;

namespace CxDashboard.Web.Cli;

/// <summary>
/// `export kpis|contacts|responses|callbacks --from DATE --to DATE --out FILE.xlsx`: the KPI workbook for the same
/// filters as `kpis`, or raw rows for a period. The file appears whole or not at all.
/// </summary>
public static class ExportVerbs
{
    public static Command Export(CliContext context)
    {
        var command = new Command("export", "Write Excel workbooks: KPIs for any filter, or raw contacts, responses or callback cases for a period")
        {
            Kpis(context),
        };
        foreach (var kind in RawExportKinds.All) command.Subcommands.Add(Raw(context, kind));
        return command;
    }

    private static Option<string> OutOption() => new("--out")
    {
        Description = "The .xlsx file to write (replaced if it exists)",
        Required = true,
        Validators =
        {
            result =>
            {
                var path = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
                if (!path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
                    result.AddError($"--out: '{path}' must be an .xlsx file");
            },
        },
    };

    private static Command Kpis(CliContext context)
    {
        var filters = new KpiFilterOptions();
        var output = OutOption();
        var command = new Command("kpis", "KPI workbook (summary, by team, agent, reason, channel, daily trend, definitions); the summary equals `kpis --format json`");
        filters.AddTo(command);
        command.Options.Add(output);
        var language = CliOptions.Language();
        command.Options.Add(language);
        command.SetAction((parse, ct) => context.WithServicesAsync(async (services, token) =>
        {
            var watch = Stopwatch.StartNew();
            var path = Path.GetFullPath(parse.GetValue(output)!);
            var request = filters.ToRequest(parse);
            try
            {
                await AtomicFile.WriteAsync(path, stream => services.GetRequiredService<KpiExportService>()
                    .ForRequestAsync(request, CliOptions.LanguageOrDefault(parse.GetValue(language), services), stream, ct: token));
            }
            catch (KpiRequestException e)
            {
                throw new CliException(e.Message, CliApp.UsageError);
            }
            await context.Out.WriteLineAsync($"Wrote {path}: KPI workbook, {KpiWorkbook.SheetNames.Length} sheets, {new FileInfo(path).Length:N0} bytes in {watch.ElapsedMilliseconds:N0} ms.");
            return CliApp.Success;
        }, ct));
        return command;
    }

    private static Command Raw(CliContext context, RawExportKind kind)
    {
        var from = CliOptions.RequiredDate("--from", "First day of the period (YYYY-MM-DD), organisation time zone");
        var to = CliOptions.RequiredDate("--to", "Last day of the period, included");
        var output = OutOption();
        var what = kind switch
        {
            RawExportKind.Contacts => "Contacts started in the period, with their repeat and FCR flags",
            RawExportKind.Responses => "Survey responses to contacts of the period, with comments",
            _ => "Callback cases opened in the period, with SLA, attempts and outcome",
        };
        var language = CliOptions.Language();
        var command = new Command(kind.Code(), what) { from, to, output, language };
        command.SetAction((parse, ct) => context.WithServicesAsync(async (services, token) =>
        {
            var watch = Stopwatch.StartNew();
            var path = Path.GetFullPath(parse.GetValue(output)!);
            RawExportResult result = null!;
            try
            {
                await AtomicFile.WriteAsync(path, async stream => result = await services.GetRequiredService<RawExportService>()
                    .WriteAsync(kind, parse.GetValue(from), parse.GetValue(to), DataScope.Everything,
                        CliOptions.LanguageOrDefault(parse.GetValue(language), services), stream, ct: token));
            }
            catch (ExportRequestException e)
            {
                throw new CliException(e.Message, CliApp.UsageError);
            }
            catch (TooManyRowsException e)
            {
                throw new CliException(e.Message);
            }
            await context.Out.WriteLineAsync($"Wrote {path}: {result.Rows:N0} {kind.Code()} rows, {new FileInfo(path).Length:N0} bytes in {watch.ElapsedMilliseconds:N0} ms.");
            return CliApp.Success;
        }, ct));
        return command;
    }
}
