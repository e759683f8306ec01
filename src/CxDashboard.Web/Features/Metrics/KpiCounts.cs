namespace CxDashboard.Web.Features.Metrics;

/// <summary>
/// The additive sums every KPI is computed from. Counts of different slices (days, teams) add up, so breakdowns,
/// trends and totals all come from the same numbers.
/// </summary>
public sealed record KpiCounts
{
    public static readonly KpiCounts Empty = new();

    // Contacts
    public long Contacts { get; init; }
    public long RepeatContacts { get; init; }
    public long FcrDecidable { get; init; }
    public long FcrResolved { get; init; }
    public long ContactsWithHandleTime { get; init; }
    public long HandleSecondsTotal { get; init; }
    public long BotEscalations { get; init; }
    public long SelfServiceContacts { get; init; }

    // Survey responses (attributed to the contact they rate)
    public long Responses { get; init; }
    public long CsatPositive { get; init; }

    /// <summary>Responses scoring 1 or 2: the dissatisfied customers.</summary>
    public long CsatNegative { get; init; }
    public long CsatScoreTotal { get; init; }
    public long SurveyFcrAnswered { get; init; }
    public long SurveyFcrYes { get; init; }
    public long NpsAnswered { get; init; }
    public long NpsPromoters { get; init; }
    public long NpsDetractors { get; init; }
    public long ResponsesWithComment { get; init; }

    public static KpiCounts operator +(KpiCounts a, KpiCounts b) => Combine(a, b, (x, y) => x + y);

    /// <summary>These counts without one of their parts, e.g. a team without one agent ("the rest of the team"). Never below 0.</summary>
    public KpiCounts Without(KpiCounts part) => Combine(this, part, (whole, of) => Math.Max(0, whole - of));

    private static KpiCounts Combine(KpiCounts a, KpiCounts b, Func<long, long, long> op) => new()
    {
        Contacts = op(a.Contacts, b.Contacts),
        RepeatContacts = op(a.RepeatContacts, b.RepeatContacts),
        FcrDecidable = op(a.FcrDecidable, b.FcrDecidable),
        FcrResolved = op(a.FcrResolved, b.FcrResolved),
        ContactsWithHandleTime = op(a.ContactsWithHandleTime, b.ContactsWithHandleTime),
        HandleSecondsTotal = op(a.HandleSecondsTotal, b.HandleSecondsTotal),
        BotEscalations = op(a.BotEscalations, b.BotEscalations),
        SelfServiceContacts = op(a.SelfServiceContacts, b.SelfServiceContacts),
        Responses = op(a.Responses, b.Responses),
        CsatPositive = op(a.CsatPositive, b.CsatPositive),
        CsatNegative = op(a.CsatNegative, b.CsatNegative),
        CsatScoreTotal = op(a.CsatScoreTotal, b.CsatScoreTotal),
        SurveyFcrAnswered = op(a.SurveyFcrAnswered, b.SurveyFcrAnswered),
        SurveyFcrYes = op(a.SurveyFcrYes, b.SurveyFcrYes),
        NpsAnswered = op(a.NpsAnswered, b.NpsAnswered),
        NpsPromoters = op(a.NpsPromoters, b.NpsPromoters),
        NpsDetractors = op(a.NpsDetractors, b.NpsDetractors),
        ResponsesWithComment = op(a.ResponsesWithComment, b.ResponsesWithComment),
    };

    public static KpiCounts Sum(IEnumerable<KpiCounts> counts) => counts.Aggregate(Empty, (total, c) => total + c);

    public Proportion RepeatRate => new(RepeatContacts, Contacts);
    public Proportion ContactFcr => new(FcrResolved, FcrDecidable);
    public Proportion Csat => new(CsatPositive, Responses);
    public Proportion Dissatisfied => new(CsatNegative, Responses);
    public Proportion SurveyFcr => new(SurveyFcrYes, SurveyFcrAnswered);

    /// <summary>Contacts in the period whose W-day window has not elapsed yet: left out of contact-based FCR.</summary>
    public long FcrNotYetDecidable => Contacts - FcrDecidable;

    public double? CsatMean => Responses == 0 ? null : (double)CsatScoreTotal / Responses;

    /// <summary>% promoters (9–10) minus % detractors (0–6), −100 to 100; null when nobody answered.</summary>
    public double? Nps => NpsAnswered == 0 ? null : 100.0 * (NpsPromoters - NpsDetractors) / NpsAnswered;

    public double? AverageHandleSeconds =>
        ContactsWithHandleTime == 0 ? null : (double)HandleSecondsTotal / ContactsWithHandleTime;

    public Proportion SelfServiceShare => new(SelfServiceContacts, Contacts);
    public Proportion CommentShare => new(ResponsesWithComment, Responses);

    /// <summary>The value of a targetable KPI, when these counts carry it.</summary>
    public double? ValueOf(KpiKind kind) => kind switch
    {
        KpiKind.CsatPercent => Csat.Percent,
        KpiKind.CsatMean => CsatMean,
        KpiKind.SurveyFcrPercent => SurveyFcr.Percent,
        KpiKind.ContactFcrPercent => ContactFcr.Percent,
        KpiKind.RepeatContactRate => RepeatRate.Percent,
        KpiKind.Nps => Nps,
        _ => null,
    };

    /// <summary>The sample size behind a KPI's value.</summary>
    public long SampleOf(KpiKind kind) => kind switch
    {
        KpiKind.CsatPercent or KpiKind.CsatMean => Responses,
        KpiKind.SurveyFcrPercent => SurveyFcrAnswered,
        KpiKind.ContactFcrPercent => FcrDecidable,
        KpiKind.RepeatContactRate => Contacts,
        KpiKind.Nps => NpsAnswered,
        _ => 0,
    };
}
