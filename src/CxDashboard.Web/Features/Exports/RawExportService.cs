using System.Globalization;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Exports.Xlsx;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Features.Organisation;
using CxDashboard.Web.Features.Presentation;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Exports;

public enum RawExportKind
{
    Contacts,
    Responses,
    Callbacks,
}

public static class RawExportKinds
{
    public static readonly IReadOnlyList<RawExportKind> All = Enum.GetValues<RawExportKind>();

    public static string Code(this RawExportKind kind) => kind.ToString().ToLowerInvariant();

    public static bool TryParse(string? text, out RawExportKind kind)
    {
        foreach (var candidate in All)
        {
            if (!string.Equals(candidate.Code(), text?.Trim(), StringComparison.OrdinalIgnoreCase)) continue;
            kind = candidate;
            return true;
        }
        kind = default;
        return false;
    }

    public static string FileName(this RawExportKind kind, DateOnly from, DateOnly to) =>
        $"cx-{kind.Code()}-{from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}-{to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.xlsx";
}

/// <summary>A raw export that cannot be made as asked (bad period, too many rows); the message says why.</summary>
public sealed class ExportRequestException(string message) : Requests.RequestRefusedException(message);

public sealed record RawExportResult(RawExportKind Kind, long Rows, string FileName);

/// <summary>
/// Raw rows for a period as a workbook: contacts, survey responses (by the date of the contact they rate, as the
/// KPIs count them) or callback cases. Rows are read as a stream and written with <see cref="StreamingXlsxWriter"/>,
/// so memory stays flat however many rows there are. The user's scope limits the rows as it limits every KPI.
/// </summary>
public sealed class RawExportService(CxDbContext db, OrganisationSettingsService organisation, TimeProvider clock, IEnumerable<IRawExportSource> extraSources)
{
    public bool IsAvailable(RawExportKind kind) => kind is RawExportKind.Contacts or RawExportKind.Responses || extraSources.Any(s => s.Kind == kind);

    /// <summary>Writes the export to <paramref name="output"/>; nothing is written when the request is refused.</summary>
    public async Task<RawExportResult> WriteAsync(RawExportKind kind, DateOnly from, DateOnly to, DataScope scope, DocumentLanguage language, Stream output,
        Func<Stream, ITableWorkbookWriter>? writerFactory = null, CancellationToken ct = default)
    {
        PeriodRule.Check(from, to);
        using var words = language.Use();
        var t = ExportText.For(language);

        var settings = await organisation.GetAsync(ct);
        var time = await organisation.GetTimeAsync(ct);
        var query = new MetricQuery { From = from, To = to, WindowDays = settings.RepeatWindowDays, AsOfUtc = clock.GetUtcNow().UtcDateTime };
        var names = await RawExportNames.LoadAsync(db, ct);
        var zone = settings.TimeZoneId;

        var sheet = kind switch
        {
            RawExportKind.Contacts => ContactsSheet(query, scope, time, names, zone, t),
            RawExportKind.Responses => ResponsesSheet(query, scope, time, names, zone, t),
            _ => extraSources.FirstOrDefault(s => s.Kind == kind) is { } source
                ? await source.SheetAsync(query, scope, time, names, t, ct)
                : throw new ExportRequestException($"The {kind.Code()} export is not available."),
        };

        var rows = await sheet.CountAsync(ct);
        if (rows > TableWorkbookLimits.MaxDataRows) throw new TooManyRowsException(sheet.Name, rows);

        using var writer = (writerFactory ?? (s => new StreamingXlsxWriter(s)))(output);
        var written = await sheet.WriteAsync(writer, ct);
        var about = new List<XlNote>
        {
            new(t["Export"], t.Format("{0}, {1}", sheet.Name, Display.Period(from, to))),
            new(t["Organisation"], settings.Name),
            new(t["Period from"], from, XlFormat.Date),
            new(t["Period to"], to, XlFormat.Date),
            new(t["Period rule"], t.Format("both dates included, by the local date {0}", sheet.PeriodRule)),
            new(t["Scope"], t[scope.IsUnrestricted ? "all teams" : scope.AgentId is not null ? "one agent's own contacts" : "the exporting user's teams"]),
            new(t["Rows"], written, XlFormat.Integer),
            new(t["Time zone"], t.Format("{0}: every date and time in this workbook is local to it", zone)),
            new(t["Repeat window W (days)"], settings.RepeatWindowDays, XlFormat.Integer),
            new(t["FCR decidable as of (UTC)"], XlValue.FromDateTime(query.AsOfUtc), XlFormat.DateTime),
            new(t["Exported (UTC)"], XlValue.FromDateTime(clock.GetUtcNow().UtcDateTime), XlFormat.DateTime),
        };
        about.AddRange(sheet.Notes.Select(note => new XlNote(t["Column"], note)));
        await writer.AddSheetAsync(t["About"], AboutColumns(t), about.ToAsyncEnumerable(), ct: ct);
        writer.Complete();
        return new RawExportResult(kind, written, kind.FileName(from, to));
    }

    /// <summary>An About sheet: each item beside its value, typed (dates as dates, counts as numbers), long text wrapping.</summary>
    public static IReadOnlyList<XlColumn<XlNote>> AboutColumns(DocumentText t) =>
    [
        new(t["Item"], 26, XlFormat.Text, a => a.Item),
        new(t["Value"], 110, XlFormat.Text, a => a.Value, a => a.Format) { Wrap = true },
    ];

    private RawExportSheet ContactsSheet(MetricQuery query, DataScope scope, OrganisationTime time, RawExportNames names, string zone, DocumentText t)
    {
        var contacts = db.Contacts.AsNoTracking().Where(KpiQueryService.MeasuredContacts(query, scope));
        var window = query.WindowDays;
        var cutoff = ContactRules.DecidableCutoff(window, query.AsOfUtc);
        XlColumn<ContactRow>[] columns =
        [
            new(t["Contact id"], 16, XlFormat.Text, c => c.ExternalId),
            new(t["Customer id"], 14, XlFormat.Text, c => c.CustomerExternalId),
            new(t.Format("Started ({0})", zone), 17, XlFormat.DateTime, c => XlValue.FromDateTime(time.ToLocal(c.StartedAtUtc))),
            new(t["Date"], 11, XlFormat.Date, c => c.LocalDate),
            .. names.ContactColumns<ContactRow>(t),
            new(t["Handle time"], 10, XlFormat.Duration, c => c.HandleSeconds),
            new(t["Bot→human"], 9, XlFormat.Boolean, c => c.EscalatedFromBot),
            new(t.Format("Repeat (within {0} days)", window), 12, XlFormat.Boolean, c => ContactRules.IsRepeat(c.PrevGapTicks, window)),
            new(t.Format("Same-reason repeat (within {0} days)", window), 14, XlFormat.Boolean, c => ContactRules.IsRepeat(c.PrevSameReasonGapTicks, window)),
            new(t["FCR decidable"], 10, XlFormat.Boolean, c => c.StartedAtUtc <= cutoff),
            new(t["Resolved in first contact"], 12, XlFormat.Boolean, c => c.StartedAtUtc <= cutoff ? ContactRules.IsResolved(c.NextGapTicks, window) : (bool?)null),
            new(t["Days since customer's previous contact"], 14, XlFormat.Decimal1, c => GapDays(c.PrevGapTicks)),
            new(t["Days to customer's next contact"], 14, XlFormat.Decimal1, c => GapDays(c.NextGapTicks)),
        ];
        return RawExportSheet.Create(t["Contacts"], t["the contact started"], contacts.CountAsync, columns,
            ct => contacts.OrderBy(c => c.LocalDate).ThenBy(c => c.StartedAtUtc).ThenBy(c => c.Id)
                .Select(c => new ContactRow(c.ExternalId, c.Customer!.ExternalId, c.StartedAtUtc, c.LocalDate, c.AgentId, c.TeamId, c.Channel,
                    c.ReasonId, c.HandleSeconds, c.EscalatedFromBot, c.PrevGapTicks, c.PrevSameReasonGapTicks, c.NextGapTicks))
                .AsAsyncEnumerable(),
            [
                t.Format("Repeat: the customer had another contact within the previous {0} × 24 h (any reason; the next column: the same reason only).", window),
                t.Format("FCR decidable: the contact's {0}-day window had fully passed at the as-of time; Resolved in first contact is empty until then.", window),
                t["Resolved in first contact: no other contact from the same customer within the window after this one."],
                t["Customer names, phone numbers and e-mail addresses are not exported."],
            ]);
    }

    private RawExportSheet ResponsesSheet(MetricQuery query, DataScope scope, OrganisationTime time, RawExportNames names, string zone, DocumentText t)
    {
        var contacts = KpiQueryService.MeasuredContacts(query, scope);
        var responses = db.SurveyResponses.AsNoTracking().Where(r => db.Contacts.Where(contacts).Select(c => c.Id).Contains(r.ContactId));
        XlColumn<ResponseRow>[] columns =
        [
            new(t["Response id"], 16, XlFormat.Text, r => r.ExternalId),
            new(t.Format("Received ({0})", zone), 17, XlFormat.DateTime, r => XlValue.FromDateTime(time.ToLocal(r.ReceivedAtUtc))),
            new(t["Contact id"], 16, XlFormat.Text, r => r.ContactExternalId),
            new(t["Contact date"], 11, XlFormat.Date, r => r.ContactDate),
            .. names.ContactColumns<ResponseRow>(t),
            new(t["CSAT (1–5)"], 9, XlFormat.Integer, r => r.Csat),
            new(t["Resolved"], 9, XlFormat.Boolean, r => r.Resolved),
            new(t["NPS (0–10)"], 9, XlFormat.Integer, r => r.Nps),
            new(t["Comment"], 70, XlFormat.Text, r => r.Comment),
            new(t["Survey"], 16, XlFormat.Text, r => t[r.Kind == SurveyResponseKind.PostContact ? "post-contact" : "callback follow-up"]),
            new(t["Counts in KPIs"], 10, XlFormat.Boolean, r => r.Kind == SurveyResponseKind.PostContact),
        ];
        return RawExportSheet.Create(t["Responses"], t["of the contact each response rates (as the KPIs count them)"], responses.CountAsync, columns,
            ct => responses.OrderBy(r => r.Contact!.LocalDate).ThenBy(r => r.ReceivedAtUtc).ThenBy(r => r.Id)
                .Select(r => new ResponseRow(r.ExternalId, r.ReceivedAtUtc, r.Contact!.ExternalId, r.Contact.LocalDate, r.Contact.AgentId, r.Contact.TeamId,
                    r.Contact.Channel, r.Contact.ReasonId, r.Csat, r.Resolved, r.Nps, r.Comment, r.Kind))
                .AsAsyncEnumerable(),
            [
                t["A response belongs to the period, agent, team, channel and reason of the contact it rates, not to the day it was received."],
                t["Callback follow-up answers count in the recovery rate only, never in CSAT, survey FCR or NPS (Counts in KPIs = FALSE)."],
            ]);
    }

    private static double? GapDays(long? ticks) => ticks is { } t ? t / (double)TimeSpan.TicksPerDay : null;

    private sealed record ContactRow(string ExternalId, string CustomerExternalId, DateTime StartedAtUtc, DateOnly LocalDate, int? AgentId, int? TeamId,
        Channel Channel, int ReasonId, int? HandleSeconds, bool EscalatedFromBot, long? PrevGapTicks, long? PrevSameReasonGapTicks, long? NextGapTicks)
        : IContactAttributes;

    private sealed record ResponseRow(string ExternalId, DateTime ReceivedAtUtc, string ContactExternalId, DateOnly ContactDate, int? AgentId, int? TeamId,
        Channel Channel, int ReasonId, int Csat, bool? Resolved, int? Nps, string? Comment, SurveyResponseKind Kind) : IContactAttributes;
}

/// <summary>One raw export's sheet: how to count its rows, and how to stream them into a workbook.</summary>
public sealed class RawExportSheet
{
    private RawExportSheet(string name, string periodRule, Func<CancellationToken, Task<int>> count,
        Func<ITableWorkbookWriter, CancellationToken, Task<long>> write, IReadOnlyList<string> notes)
    {
        Name = name;
        PeriodRule = periodRule;
        CountAsync = count;
        WriteAsync = write;
        Notes = notes;
    }

    public string Name { get; }

    /// <summary>Which local date puts a row in the period, e.g. "the contact started".</summary>
    public string PeriodRule { get; }
    public Func<CancellationToken, Task<int>> CountAsync { get; }
    public Func<ITableWorkbookWriter, CancellationToken, Task<long>> WriteAsync { get; }
    public IReadOnlyList<string> Notes { get; }

    public static RawExportSheet Create<T>(string name, string periodRule, Func<CancellationToken, Task<int>> count,
        IReadOnlyList<XlColumn<T>> columns, Func<CancellationToken, IAsyncEnumerable<T>> rows, IReadOnlyList<string> notes) =>
        new(name, periodRule, count, (writer, ct) => writer.AddSheetAsync(name, columns, rows(ct), ct: ct), notes);
}

/// <summary>A raw export another feature offers (e.g. callback cases), registered in DI.</summary>
public interface IRawExportSource
{
    RawExportKind Kind { get; }
    Task<RawExportSheet> SheetAsync(MetricQuery query, DataScope scope, OrganisationTime time, RawExportNames names, DocumentText text, CancellationToken ct);
}

/// <summary>Who handled a contact, in which team and channel, and why the customer got in touch.</summary>
public interface IContactAttributes
{
    int? AgentId { get; }
    int? TeamId { get; }
    Channel Channel { get; }
    int ReasonId { get; }
}

/// <summary>Names of agents, teams and reasons by id, loaded once per export instead of joined into every row.</summary>
public sealed class RawExportNames
{
    private readonly Dictionary<int, (string ExternalId, string Name)> _agents;
    private readonly Dictionary<int, string> _teams;
    private readonly Dictionary<int, (string Code, string Name)> _reasons;

    private RawExportNames(Dictionary<int, (string, string)> agents, Dictionary<int, string> teams, Dictionary<int, (string, string)> reasons) =>
        (_agents, _teams, _reasons) = (agents, teams, reasons);

    public static async Task<RawExportNames> LoadAsync(CxDbContext db, CancellationToken ct) => new(
        await db.Agents.AsNoTracking().ToDictionaryAsync(a => a.Id, a => (a.ExternalId, a.Name), ct),
        await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct),
        await db.ContactReasons.AsNoTracking().ToDictionaryAsync(r => r.Id, r => (r.Code, r.Name), ct));

    /// <summary>The columns every row about a contact carries: agent id and name, team, channel, reason code and name.</summary>
    /// <summary>The contact's people, channel and reason: names for reading, codes beside them for matching with imports.</summary>
    public IReadOnlyList<XlColumn<T>> ContactColumns<T>(DocumentText t) where T : IContactAttributes =>
    [
        new(t["Agent id"], 10, XlFormat.Text, r => AgentId(r.AgentId)),
        new(t["Agent"], 22, XlFormat.Text, r => Agent(r.AgentId)),
        new(t["Team"], 18, XlFormat.Text, r => Team(r.TeamId)),
        new(t["Channel"], 16, XlFormat.Text, r => t.Language.Words.Channel(r.Channel)),
        new(t["Channel code"], 12, XlFormat.Text, r => r.Channel.Code()),
        new(t["Reason code"], 13, XlFormat.Text, r => ReasonCode(r.ReasonId)),
        new(t["Reason"], 26, XlFormat.Text, r => Reason(r.ReasonId)),
    ];

    public string? AgentId(int? id) => id is { } i && _agents.TryGetValue(i, out var a) ? a.ExternalId : null;
    public string? Agent(int? id) => id is { } i && _agents.TryGetValue(i, out var a) ? a.Name : null;
    public string? Team(int? id) => id is { } i && _teams.TryGetValue(i, out var t) ? t : null;
    public string? ReasonCode(int? id) => id is { } i && _reasons.TryGetValue(i, out var r) ? r.Code : null;
    public string? Reason(int? id) => id is { } i && _reasons.TryGetValue(i, out var r) ? r.Name : null;
}
