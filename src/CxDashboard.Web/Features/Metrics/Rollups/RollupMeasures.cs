using System.Runtime.CompilerServices;
using CxDashboard.Web.Data.Entities;

namespace CxDashboard.Web.Features.Metrics.Rollups;

/// <summary>
/// The additive measures of one rollup row, in the order of <see cref="KpiRollupWriter.Measures"/>: what one contact
/// or one post-contact response adds to the row of its day and dimensions. The comparisons are those of
/// <see cref="ContactRules"/> and of the raw-row queries in <see cref="KpiQueryService"/>.
/// </summary>
[InlineArray(Count)]
public struct RollupMeasures
{
    public const int Count = 19;

    // Positions of the measures (the column order of the KpiRollups table).
    private const int Contacts = 0, Repeats = 1, SameReasonRepeats = 2, NotFollowed = 3, WithHandleTime = 4, HandleSeconds = 5,
        BotEscalations = 6, SelfService = 7, Responses = 8, CsatPositive = 9, CsatNegative = 10, CsatTotal = 11, FcrAnswered = 12,
        FcrYes = 13, NpsAnswered = 14, Promoters = 15, Detractors = 16, WithComment = 17, SameReasonNotFollowed = 18;

    private long _first;

    /// <summary>One contact, with its stored gaps, for window W.</summary>
    public void AddContact(in TimelineGaps gaps, int? handleSeconds, bool escalatedFromBot, Channel channel, int windowDays)
    {
        this[Contacts]++;
        if (ContactRules.IsRepeat(gaps.Previous, windowDays)) this[Repeats]++;
        if (ContactRules.IsRepeat(gaps.PreviousSameReason, windowDays)) this[SameReasonRepeats]++;
        if (ContactRules.IsResolved(gaps.Next, windowDays)) this[NotFollowed]++;
        if (ContactRules.IsResolved(gaps.NextSameReason, windowDays)) this[SameReasonNotFollowed]++;
        if (handleSeconds is { } seconds)
        {
            this[WithHandleTime]++;
            this[HandleSeconds] += seconds;
        }
        if (escalatedFromBot) this[BotEscalations]++;
        if (channel == Channel.SelfService) this[SelfService]++;
    }

    /// <summary>One post-contact survey response (follow-ups are never counted here).</summary>
    public void AddResponse(int csat, bool? resolved, int? nps, bool hasComment)
    {
        this[Responses]++;
        if (csat >= 4) this[CsatPositive]++;   // top-2-box
        if (csat <= 2) this[CsatNegative]++;   // dissatisfied
        this[CsatTotal] += csat;
        if (resolved is { } answer)
        {
            this[FcrAnswered]++;
            if (answer) this[FcrYes]++;
        }
        if (nps is { } score)
        {
            this[NpsAnswered]++;
            if (score >= 9) this[Promoters]++;
            if (score <= 6) this[Detractors]++;
        }
        if (hasComment) this[WithComment]++;
    }

    public void Add(in RollupMeasures other)
    {
        for (var i = 0; i < Count; i++) this[i] += other[i];
    }
}
