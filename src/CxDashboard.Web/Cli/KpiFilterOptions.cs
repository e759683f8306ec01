using System.CommandLine;
using CxDashboard.Web.Features.Metrics;

namespace CxDashboard.Web.Cli;

/// <summary>The period and filter options of `kpis`, shared by every verb that measures KPIs (e.g. `export kpis`).</summary>
public sealed class KpiFilterOptions
{
    private readonly Option<DateOnly> _from = CliOptions.RequiredDate("--from", "First day of the period (YYYY-MM-DD), organisation time zone");
    private readonly Option<DateOnly> _to = CliOptions.RequiredDate("--to", "Last day of the period, included");
    private readonly Option<string?> _team = new("--team") { Description = "Team name or id" };
    private readonly Option<string?> _agent = new("--agent") { Description = "Agent id, as agent_id in contact files" };
    private readonly Option<string?> _channel = new("--channel") { Description = "phone, chat, email, messaging, social or selfservice" };
    private readonly Option<string?> _reason = new("--reason") { Description = "Contact reason code" };
    private readonly Option<int?> _window = new("--window-days") { Description = "Repeat window W in days (default: the organisation's setting)" };
    private readonly Option<bool> _sameReason = new("--same-reason") { Description = "Same reason only: a repeat needs an earlier contact of the same customer with the same reason within W; FCR-resolved means no later contact with the same reason within W" };
    private readonly Option<DateTime?> _asOf = CliOptions.OptionalTime("--as-of", "When FCR decidability is judged (default: now)");

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _from, _to, _team, _agent, _channel, _reason, _window, _sameReason, _asOf })
            command.Options.Add(option);
    }

    public KpiRequest ToRequest(ParseResult parse) => new()
    {
        From = parse.GetValue(_from),
        To = parse.GetValue(_to),
        Team = parse.GetValue(_team),
        Agent = parse.GetValue(_agent),
        Channel = parse.GetValue(_channel),
        Reason = parse.GetValue(_reason),
        WindowDays = parse.GetValue(_window),
        SameReasonOnly = parse.GetValue(_sameReason),
        AsOfUtc = parse.GetValue(_asOf),
    };
}
