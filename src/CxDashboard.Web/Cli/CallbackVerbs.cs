using System.CommandLine;
using System.Globalization;
using CxDashboard.Web.Features.Callbacks;

namespace CxDashboard.Web.Cli;

/// <summary>`run-job …` runs a scheduled job once, now or as of a given time; `callbacks list` lists the callback cases.</summary>
public static class CallbackVerbs
{
    public static Command RunJob(CliContext context) => new("run-job", "Run a scheduled job once (the same code Hangfire runs on its schedule)")
    {
        JobCommand(context, "flag-callbacks", "Flag dissatisfied customers onto the callback worklist (new data since the last run)",
            async (services, asOf, ct) => await services.GetRequiredService<CallbackFlaggingJob>().RunAsync(asOf, ct), r => r.Summary),
        JobCommand(context, "escalate-overdue", "Escalate open callback cases past their due time without an attempt",
            async (services, asOf, ct) => await services.GetRequiredService<CallbackEscalationJob>().RunAsync(asOf, ct), r => r.Summary),
    };

    public static Command Callbacks(CliContext context)
    {
        var status = new Option<string>("--status") { Description = "open, closed or all", DefaultValueFactory = _ => "open" };
        status.AcceptOnlyFromAmong(CallbackListingService.Statuses);
        var format = CliOptions.Format("json", "table");
        var list = new Command("list", "The callback cases with their triggers (the JSON of GET /api/v1/callbacks)") { status, format };
        list.SetAction((parse, ct) => context.WithServicesAsync(async (services, token) =>
        {
            var cases = await services.GetRequiredService<CallbackListingService>().ListAsync(parse.GetValue(status)!, token);
            if (parse.GetValue(format) == "json")
            {
                context.WriteJson(cases);
                return CliApp.Success;
            }
            context.Out.WriteLine($"{"case",6} {"customer",-14} {"status",-9} {"prio",4} {"due (UTC)",-16} {"attempts",8}  triggers");
            foreach (var c in cases)
            {
                var triggers = string.Join(", ", c.Triggers.Select(t => $"{t.Kind} {t.SourceId}"));
                var shown = c.Status + (c.Escalated && c.Status == "open" ? "!" : "");
                context.Out.WriteLine($"{c.CaseId,6} {c.CustomerId,-14} {shown,-9} {c.Priority,4} {c.DueAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),-16} {c.Attempts,8}  {triggers}");
            }
            context.Out.WriteLine($"{cases.Count} case(s){(cases.Any(c => c.Escalated && c.Status == "open") ? "; ! = escalated" : "")}");
            return CliApp.Success;
        }, ct));
        return new Command("callbacks", "The callback worklist") { list };
    }

    private static Command JobCommand<TResult>(CliContext context, string name, string description,
        Func<IServiceProvider, DateTime?, CancellationToken, Task<TResult>> run, Func<TResult, string> summary)
    {
        var asOf = CliOptions.OptionalTime("--as-of", "Run as if it were this time (ISO 8601; default now)");
        var format = CliOptions.Format("text", "json");
        var command = new Command(name, description) { asOf, format };
        command.SetAction((parse, ct) => context.WithServicesAsync(async (services, token) =>
        {
            var result = await run(services, parse.GetValue(asOf), token);
            if (parse.GetValue(format) == "json") context.WriteJson(result);
            else context.Out.WriteLine($"{name}: {summary(result)}");
            return CliApp.Success;
        }, ct));
        return command;
    }
}
