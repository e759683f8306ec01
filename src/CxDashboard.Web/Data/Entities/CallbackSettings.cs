namespace CxDashboard.Web.Data.Entities;

/// <summary>The flagging rules and SLA (single row, Id 1). Absent means the defaults of domain.md.</summary>
public class CallbackSettings
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public bool LowCsatEnabled { get; set; } = true;

    /// <summary>A response with CSAT at or below this flags the customer.</summary>
    public int LowCsatMax { get; set; } = 2;

    public bool NotResolvedEnabled { get; set; } = true;

    /// <summary>A "not resolved" response with CSAT at or below this flags the customer.</summary>
    public int NotResolvedCsatMax { get; set; } = 3;

    public bool RepeatContactsEnabled { get; set; } = true;

    /// <summary>This many contacts …</summary>
    public int RepeatContacts { get; set; } = 3;

    /// <summary>… within this many days (× 24 h) flag the customer.</summary>
    public int RepeatWindowDays { get; set; } = 7;

    /// <summary>Working hours from the trigger to the due time: one working day.</summary>
    public int SlaWorkingHours { get; set; } = 9;

    /// <summary>Triggers older than this when the job first sees them (a late import of old data) open no case.</summary>
    public int MaxTriggerAgeDays { get; set; } = 14;

    /// <summary>"Unreachable" may be chosen after at least this many attempts.</summary>
    public int UnreachableAfterAttempts { get; set; } = 3;
}

/// <summary>One working day of the week for the SLA calendar; a day without a row is not worked.</summary>
public class CallbackWorkingDay
{
    public DayOfWeek Day { get; set; }

    /// <summary>Minutes after local midnight: 480 = 08:00.</summary>
    public int OpensMinute { get; set; }

    /// <summary>Minutes after local midnight, up to 1440 (24:00).</summary>
    public int ClosesMinute { get; set; }
}

/// <summary>A day off in the SLA calendar (a public holiday, a closed day).</summary>
public class CallbackHoliday
{
    public DateOnly Date { get; set; }
    public required string Name { get; set; }
}

/// <summary>
/// Where the flagging job stopped (single row, Id 1): every response and contact with an id at or below these
/// marks has been judged, so each run reads only what arrived since.
/// </summary>
public class CallbackFlaggingState
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public long LastResponseId { get; set; }
    public long LastContactId { get; set; }
    public DateTime? LastRunAtUtc { get; set; }
    public string? LastRunSummary { get; set; }
}
