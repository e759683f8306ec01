using System.CommandLine;
using System.Globalization;
using CxDashboard.Web.Features.Engagement;
using CxDashboard.Web.Features.Metrics;

namespace CxDashboard.Web.Cli;

public static class KpiVerbs
{
    public static Command Kpis(CliContext context)
    {
        var filters = new KpiFilterOptions();
        var format = CliOptions.Format("json", "table");

        var command = new Command("kpis", "KPIs for a period and filters (the JSON is the contract of GET /api/v1/kpis)");
        filters.AddTo(command);
        command.Options.Add(format);
        command.SetAction((parse, ct) => context.WithServicesAsync(async (services, token) =>
        {
            var request = filters.ToRequest(parse);
            KpiReport report;
            try
            {
                report = await services.GetRequiredService<KpiReportService>().GetAsync(request, DataScope.Everything, token);
            }
            catch (KpiRequestException e)
            {
                throw new CliException(e.Message, CliApp.UsageError);
            }
            if (parse.GetValue(format) == "json") context.WriteJson(report);
            else WriteTable(context.Out, report);
            return CliApp.Success;
        }, ct));
        return command;
    }

    public static Command Engagement(CliContext context)
    {
        var period = new Option<string>("--period") { Description = "The month, YYYY-MM", Required = true };
        var team = new Option<string?>("--team") { Description = "Team name or id" };
        var format = CliOptions.Format("json", "table");
        var command = new Command("engagement", "Engagement index and eNPS per team for a month (published once the month has ended, for teams with at least 5 answers)")
        {
            period, team, format,
        };
        command.SetAction((parse, ct) => context.WithServicesAsync(async (services, token) =>
        {
            var month = PeriodRule.ParseMonth(parse.GetValue(period), "--period");
            int? teamId = null;
            if (parse.GetValue(team) is { } teamText)
            {
                try
                {
                    teamId = await services.GetRequiredService<KpiReportService>().FindTeamAsync(teamText, token);
                }
                catch (KpiRequestException e)
                {
                    throw new CliException(e.Message, CliApp.UsageError);
                }
            }
            var rows = await services.GetRequiredService<EngagementQueryService>().ForPeriodsAsync(month, month, teamId, DataScope.Everything, token);
            var output = rows.Select(r => new
            {
                team = r.Team,
                period = r.Period.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                responses = r.Result.Responses,
                engagementIndex = r.Result.EngagementIndex,
                enps = r.Result.Enps,
                suppressed = r.Result.Suppressed,
                monthOpen = r.Result.MonthOpen,
            }).ToList();
            if (parse.GetValue(format) == "json") context.WriteJson(new { period = month.ToString("yyyy-MM", CultureInfo.InvariantCulture), teams = output });
            else
            {
                context.Out.WriteLine($"{"Team",-24} {"Answers",8} {"Index",7} {"eNPS",7}");
                foreach (var row in output)
                    context.Out.WriteLine(row.monthOpen
                        ? $"{row.team,-24} {"–",8} {"–",7} {"–",7}  (not published until the month has ended)"
                        : row.suppressed
                        ? $"{row.team,-24} {"< 5",8} {"–",7} {"–",7}  (hidden: fewer than 5 answers)"
                        : $"{row.team,-24} {row.responses,8} {row.engagementIndex,7:0.0} {row.enps,7:0.0}");
            }
            return CliApp.Success;
        }, ct));
        return command;
    }

    private static void WriteTable(TextWriter output, KpiReport r)
    {
        static string Pct(double? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) + " %" : "–";
        static string Ci(PercentInterval? i) => i is { } v ? $"[{v.Low.ToString("0.0", CultureInfo.InvariantCulture)}–{v.High.ToString("0.0", CultureInfo.InvariantCulture)}]" : "";
        output.WriteLine($"KPIs {r.From:yyyy-MM-dd} – {r.To:yyyy-MM-dd} ({r.TimeZone}), W = {r.WindowDays} days{(r.SameReasonOnly ? ", same reason only" : "")}, as of {r.AsOf:yyyy-MM-dd HH:mm} UTC");
        output.WriteLine($"{"KPI",-22} {"value",10} {"n",9}  95 % interval");
        output.WriteLine($"{"Contacts",-22} {r.Contacts,10} {"",9}");
        output.WriteLine($"{"Repeat-contact rate",-22} {Pct(r.RepeatContactRate),10} {r.Contacts,9}  {Ci(r.RepeatContactRateInterval)}");
        output.WriteLine($"{"Contact-based FCR",-22} {Pct(r.ContactFcrPercent),10} {r.FcrDecidable,9}  {Ci(r.ContactFcrPercentInterval)}  ({r.FcrNotYetDecidable} not yet decidable)");
        output.WriteLine($"{"CSAT (top-2-box)",-22} {Pct(r.CsatPercent),10} {r.Responses,9}  {Ci(r.CsatPercentInterval)}");
        output.WriteLine($"{"CSAT mean",-22} {(r.CsatMean is { } m ? m.ToString("0.00", CultureInfo.InvariantCulture) : "–"),10} {r.Responses,9}");
        output.WriteLine($"{"Survey FCR",-22} {Pct(r.SurveyFcrPercent),10} {r.SurveyFcrAnswered,9}  {Ci(r.SurveyFcrPercentInterval)}");
        output.WriteLine($"{"NPS",-22} {(r.Nps is { } n ? n.ToString("0.0", CultureInfo.InvariantCulture) : "–"),10} {r.NpsAnswered,9}");
        if (r.SmallSamples.Count > 0) output.WriteLine($"Small samples (n < 30): {string.Join(", ", r.SmallSamples)}");
    }
}
