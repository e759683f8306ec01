using System.Globalization;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Features.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CxDashboard.Web.Features.Callbacks;

/// <summary>The flagging rules, SLA and working-hours calendar in force, in the organisation's time zone.</summary>
public sealed class CallbackConfiguration(
    CallbackSettings settings,
    IReadOnlyDictionary<DayOfWeek, WorkingHours> hours,
    IReadOnlyList<CallbackHoliday> holidays,
    OrganisationTime time)
{
    public CallbackSettings Settings { get; } = settings;
    public IReadOnlyDictionary<DayOfWeek, WorkingHours> Hours { get; } = hours;
    public IReadOnlyList<CallbackHoliday> Holidays { get; } = holidays;
    public OrganisationTime Time { get; } = time;
    public CallbackRules Rules { get; } = new(settings);
    public WorkingCalendar Calendar { get; } = new(time, hours, holidays.Select(h => h.Date));
    public TimeSpan Sla => TimeSpan.FromHours(Settings.SlaWorkingHours);

    /// <summary>The due time of a trigger: its time plus the SLA in working hours.</summary>
    public DateTime DueAt(DateTime triggeredAtUtc) => Calendar.AddWorkingTime(triggeredAtUtc, Sla);
}

/// <summary>What the settings page posts: rules, SLA, weekly hours ("08:00"), and holidays one per line.</summary>
public sealed class CallbackSettingsInput
{
    public bool LowCsatEnabled { get; set; }
    public int LowCsatMax { get; set; }
    public bool NotResolvedEnabled { get; set; }
    public int NotResolvedCsatMax { get; set; }
    public bool RepeatContactsEnabled { get; set; }
    public int RepeatContacts { get; set; }
    public int RepeatWindowDays { get; set; }
    public int SlaWorkingHours { get; set; }
    public int MaxTriggerAgeDays { get; set; }
    public int UnreachableAfterAttempts { get; set; }
    public List<WorkingDayInput> Days { get; set; } = [];
    public string? Holidays { get; set; }
}

public sealed class WorkingDayInput
{
    public DayOfWeek Day { get; set; }
    public bool Works { get; set; }
    public string? Opens { get; set; }
    public string? Closes { get; set; }
}

/// <summary>Reads and saves the callback settings. Read per scope (not cached across requests), so every instance sees a change at once.</summary>
public sealed class CallbackSettingsService(CxDbContext db, OrganisationSettingsService organisation, IStringLocalizer<CallbackSettingsService> text)
{
    private CallbackConfiguration? _configuration;

    public async Task<CallbackConfiguration> GetAsync(CancellationToken ct = default)
    {
        if (_configuration is not null) return _configuration;
        var settings = await db.CallbackSettings.AsNoTracking().SingleOrDefaultAsync(ct) ?? new CallbackSettings();
        var days = await db.CallbackWorkingDays.AsNoTracking().ToListAsync(ct);
        var hours = days.Count == 0
            ? WorkingCalendar.OfficeWeek
            : days.ToDictionary(d => d.Day, d => new WorkingHours(TimeSpan.FromMinutes(d.OpensMinute), TimeSpan.FromMinutes(d.ClosesMinute)));
        var holidays = await db.CallbackHolidays.AsNoTracking().OrderBy(h => h.Date).ToListAsync(ct);
        return _configuration = new CallbackConfiguration(settings, hours, holidays, await organisation.GetTimeAsync(ct));
    }

    public static CallbackSettingsInput ToInput(CallbackConfiguration configuration)
    {
        var s = configuration.Settings;
        return new CallbackSettingsInput
        {
            LowCsatEnabled = s.LowCsatEnabled,
            LowCsatMax = s.LowCsatMax,
            NotResolvedEnabled = s.NotResolvedEnabled,
            NotResolvedCsatMax = s.NotResolvedCsatMax,
            RepeatContactsEnabled = s.RepeatContactsEnabled,
            RepeatContacts = s.RepeatContacts,
            RepeatWindowDays = s.RepeatWindowDays,
            SlaWorkingHours = s.SlaWorkingHours,
            MaxTriggerAgeDays = s.MaxTriggerAgeDays,
            UnreachableAfterAttempts = s.UnreachableAfterAttempts,
            Days = WorkingCalendar.WeekFromMonday.Select(day => configuration.Hours.TryGetValue(day, out var h)
                ? new WorkingDayInput { Day = day, Works = true, Opens = WorkingCalendar.Clock(h.Opens), Closes = WorkingCalendar.Clock(h.Closes) }
                : new WorkingDayInput { Day = day, Works = false, Opens = "08:00", Closes = "17:00" }).ToList(),
            Holidays = string.Join('\n', configuration.Holidays.Select(h => $"{h.Date:yyyy-MM-dd} {h.Name}")),
        };
    }

    /// <summary>Validates and saves everything at once; returns the problems (and saves nothing) when there are any.</summary>
    public async Task<IReadOnlyList<FieldError>> SaveAsync(CallbackSettingsInput input, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        void Range(string field, string label, int value, int min, int max)
        {
            if (value < min || value > max) errors.Add(new(field, text["{0} must be {1}–{2} (was {3}).", text[label], min, max, value]));
        }
        Range(nameof(input.LowCsatMax), "The low-CSAT threshold", input.LowCsatMax, 1, 4);
        Range(nameof(input.NotResolvedCsatMax), "The not-resolved CSAT threshold", input.NotResolvedCsatMax, 1, 5);
        Range(nameof(input.RepeatContacts), "The number of contacts", input.RepeatContacts, 2, 20);
        Range(nameof(input.RepeatWindowDays), "The repeat window", input.RepeatWindowDays, 1, 90);
        Range(nameof(input.SlaWorkingHours), "The SLA", input.SlaWorkingHours, 1, 200);
        Range(nameof(input.MaxTriggerAgeDays), "The maximum trigger age", input.MaxTriggerAgeDays, 1, 365);
        Range(nameof(input.UnreachableAfterAttempts), "The attempts before \"unreachable\"", input.UnreachableAfterAttempts, 1, 10);

        var days = new List<CallbackWorkingDay>();
        foreach (var day in input.Days.Where(d => d.Works))
        {
            var name = CultureInfo.CurrentUICulture.DateTimeFormat.GetDayName(day.Day);
            var opens = ParseClock(day.Opens, allowEndOfDay: false);
            var closes = ParseClock(day.Closes, allowEndOfDay: true);
            if (opens is null) errors.Add(new($"Days[{day.Day}].Opens", text["{0}: opening time '{1}' is not a time (HH:mm).", name, day.Opens ?? ""]));
            if (closes is null) errors.Add(new($"Days[{day.Day}].Closes", text["{0}: closing time '{1}' is not a time (HH:mm; 24:00 or 00:00 for midnight).", name, day.Closes ?? ""]));
            if (opens is { } o && closes is { } c)
            {
                if (o >= c) errors.Add(new($"Days[{day.Day}].Closes", text["{0}: closing time {1} must be after opening time {2}.", name, day.Closes ?? "", day.Opens ?? ""]));
                else days.Add(new CallbackWorkingDay { Day = day.Day, OpensMinute = (int)o.TotalMinutes, ClosesMinute = (int)c.TotalMinutes });
            }
        }
        if (days.Count == 0 && !errors.Any(e => e.Field.StartsWith("Days", StringComparison.Ordinal)))
            errors.Add(new("Days", text["At least one day of the week must be a working day, or no case could ever fall due."]));
        if (days.DistinctBy(d => d.Day).Count() != days.Count) errors.Add(new("Days", text["A day of the week appears twice."]));

        var (holidays, holidayErrors) = HolidayList.Parse(input.Holidays, text);
        errors.AddRange(holidayErrors.Select(e => new FieldError(nameof(input.Holidays), e)));
        if (errors.Count > 0) return errors;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var settings = await db.CallbackSettings.SingleOrDefaultAsync(ct);
        if (settings is null)
        {
            settings = new CallbackSettings();
            db.CallbackSettings.Add(settings);
        }
        settings.LowCsatEnabled = input.LowCsatEnabled;
        settings.LowCsatMax = input.LowCsatMax;
        settings.NotResolvedEnabled = input.NotResolvedEnabled;
        settings.NotResolvedCsatMax = input.NotResolvedCsatMax;
        settings.RepeatContactsEnabled = input.RepeatContactsEnabled;
        settings.RepeatContacts = input.RepeatContacts;
        settings.RepeatWindowDays = input.RepeatWindowDays;
        settings.SlaWorkingHours = input.SlaWorkingHours;
        settings.MaxTriggerAgeDays = input.MaxTriggerAgeDays;
        settings.UnreachableAfterAttempts = input.UnreachableAfterAttempts;
        await db.SaveChangesAsync(ct);
        await ReplaceCalendarAsync(days, holidays, ct);
        await transaction.CommitAsync(ct);
        _configuration = null;
        return [];
    }

    /// <summary>Adds the Swedish public holidays of the given years to the calendar (existing dates are kept).</summary>
    public async Task<int> AddSwedishHolidaysAsync(IEnumerable<int> years, CancellationToken ct = default)
    {
        var existing = (await db.CallbackHolidays.Select(h => h.Date).ToListAsync(ct)).ToHashSet();
        var added = 0;
        foreach (var (date, name) in years.SelectMany(SwedishHolidays.For))
        {
            if (!existing.Add(date)) continue;
            db.CallbackHolidays.Add(new CallbackHoliday { Date = date, Name = name });
            added++;
        }
        await db.SaveChangesAsync(ct);
        _configuration = null;
        return added;
    }

    private async Task ReplaceCalendarAsync(List<CallbackWorkingDay> days, IReadOnlyList<CallbackHoliday> holidays, CancellationToken ct)
    {
        await db.CallbackWorkingDays.ExecuteDeleteAsync(ct);
        await db.CallbackHolidays.ExecuteDeleteAsync(ct);
        db.CallbackWorkingDays.AddRange(days);
        db.CallbackHolidays.AddRange(holidays);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>"08:00" → 8 h. As a closing time, "24:00" and "00:00" both mean the end of the day.</summary>
    public static TimeSpan? ParseClock(string? text, bool allowEndOfDay)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return null;
        if (allowEndOfDay && trimmed is "24:00" or "00:00" or "0:00") return TimeSpan.FromHours(24);
        return TimeOnly.TryParseExact(trimmed, ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time.ToTimeSpan()
            : null;
    }
}

/// <summary>Holidays as typed on the settings page: one per line, "YYYY-MM-DD name" (the name is optional).</summary>
public static class HolidayList
{
    public static (IReadOnlyList<CallbackHoliday> Holidays, IReadOnlyList<string> Errors) Parse(string? text, IStringLocalizer? words = null)
    {
        string Say(string format, params object[] arguments) => words is null ? string.Format(CultureInfo.InvariantCulture, format, arguments) : words[format, arguments].Value;
        var holidays = new Dictionary<DateOnly, CallbackHoliday>();
        var errors = new List<string>();
        var lines = (text ?? "").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0) continue;
            var split = line.IndexOfAny([' ', '\t', ';', ',']);
            var dateText = split < 0 ? line : line[..split];
            var name = split < 0 ? "" : line[(split + 1)..].Trim(' ', '\t', ';', ',');
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                errors.Add(Say("Holidays, line {0}: '{1}' is not a date (write YYYY-MM-DD, then the name).", i + 1, dateText));
                continue;
            }
            if (name.Length > 100) errors.Add(Say("Holidays, line {0}: the name is longer than {1} characters.", i + 1, 100));
            else if (!holidays.TryAdd(date, new CallbackHoliday { Date = date, Name = name.Length == 0 ? "Holiday" : name }))
                errors.Add(Say("Holidays, line {0}: {1} is listed twice.", i + 1, dateText));
        }
        return (holidays.Values.OrderBy(h => h.Date).ToList(), errors);
    }
}
