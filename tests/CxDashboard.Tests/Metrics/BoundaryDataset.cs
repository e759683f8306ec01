using CxDashboard.Tests.Infrastructure;
using CxDashboard.Web.Features.Ingestion;

namespace CxDashboard.Tests.Metrics;

/// <summary>
/// A small dataset built around domain.md's exact rules, with every expected number worked out by hand.
/// Organisation time zone Europe/Stockholm, W = 7 days; clocks go forward on Sunday 2026-03-29 (02:00 → 03:00).
///
///   customer  contact  started (local)             team/agent  channel      reason      note
///   C1        K1       2026-02-26 10:00 +01:00     T1/A1       phone        FAKTURA     before the period
///   C1        K2       2026-03-05 10:00 +01:00     T1/A1       phone        FEL         exactly 7 × 24 h after K1: a repeat (not same reason)
///   C1        K3       2026-03-12 10:00:01 +01:00  T2/A2       phone        FAKTURA     7 × 24 h + 1 s after K2: not a repeat
///   C2        K4       2026-03-28 20:00 +01:00     T2/A2       phone        FAKTURA     the evening before the DST change
///   C2        K5       2026-03-29 20:00 +02:00     T1/A3       chat         FAKTURA     23 h later (across DST): a same-reason repeat of a T2 contact
///   C3        K7       2026-02-28 23:30 +01:00     T1/A1       chat         FAKTURA     in February by local date
///   C3        K6       2026-03-01 00:30 +01:00     T1/A1       chat         FEL         in March by local date (UTC 28 Feb), 1 h after K7: a repeat
///   C4        K8       2026-03-10 09:00 +01:00     –/–         selfservice  INLOGG      same instant as K9: neither repeats the other
///   C4        K9       2026-03-10 09:00 +01:00     T1/A1       chat (bot→human) INLOGG
///   C5        K10      2026-03-20 14:00 +01:00     T2/A2       email        ABONNEMANG  followed by K11 within W: not resolved
///   C5        K11      2026-03-22 10:00 +01:00     T2/A2       email        ABONNEMANG  a same-reason repeat
///
/// March 2026 as of 2026-03-31 10:00Z: 9 contacts (K2–K6, K8–K11); repeats K2, K5, K6, K11 = 4 (44.44 %);
/// same reason only K5, K11 = 2 (22.22 %). Decidable (start + 7 d ≤ as-of): all but K4, K5 = 7; resolved all of
/// them but K10 = 6 (85.71 %); 2 not yet decidable. As of 2026-04-30: 9 decidable, K4 and K10 unresolved: 7 (77.78 %).
/// Responses on March contacts: R1 (K2: 5, yes, 10), R2 (K2: 2, no, 3), R3 (K5: 4), R5 (K10: 3, no, 7),
/// R6 (K6: 4, yes, 9, formula-looking comment); R4 rates February's K1 though received in March.
/// CSAT 3/5 = 60 %, mean 3.6; survey FCR 2/4 = 50 %; NPS (2 − 1) / 4 = 25.
/// </summary>
public static class BoundaryDataset
{
    public const string Agents = """
        agent_id,name,team,email
        A1,Anna Andersson,T1,anna@example.test
        A2,Bertil Berg,T2,
        A3,Cecilia Carlsson,T1,
        """;

    public const string Contacts = """
        contact_id,customer_id,agent_id,team,channel,reason,started_at,handle_seconds,escalated_from_bot,customer_name,customer_phone,do_not_contact
        K1,C1,A1,T1,phone,FAKTURA,2026-02-26T10:00:00+01:00,300,false,Customer One,+46 70 111 11 11,
        K2,C1,A1,T1,phone,FEL,2026-03-05T10:00:00+01:00,200,false,Customer One,,
        K3,C1,A2,,phone,FAKTURA,2026-03-12T10:00:01+01:00,400,false,,,
        K4,C2,A2,T2,phone,FAKTURA,2026-03-28T20:00:00+01:00,100,false,Customer Two,,
        K5,C2,A3,T1,chat,FAKTURA,2026-03-29T20:00:00+02:00,,false,,,
        K7,C3,A1,T1,chat,FAKTURA,2026-02-28T23:30:00+01:00,,false,,,
        K6,C3,A1,T1,chat,FEL,2026-03-01T00:30:00+01:00,600,false,,,
        K8,C4,,,selfservice,INLOGG,2026-03-10T09:00:00+01:00,,false,,,
        K9,C4,A1,T1,chat,INLOGG,2026-03-10 09:00,500,true,,,
        K10,C5,A2,T2,email,ABONNEMANG,2026-03-20T14:00:00+01:00,,false,,,true
        K11,C5,A2,T2,email,ABONNEMANG,2026-03-22T10:00:00+01:00,,false,,,
        """;

    public const string Responses = """
        response_id,contact_id,received_at,csat,resolved,nps,comment
        R1,K2,2026-03-05T12:00:00+01:00,5,yes,10,Fick hjälp direkt
        R2,K2,2026-03-06T08:00:00+01:00,2,nej,3,Tredje gången jag ringer
        R3,K5,2026-03-30T08:00:00+02:00,4,,,
        R4,K1,2026-03-02T08:00:00+01:00,1,no,0,Late answer about February
        R5,K10,2026-03-21T08:00:00+01:00,3,0,7,
        R6,K6,2026-03-02T08:00:00+01:00,4,ja,9,"=cmd|' /C calc'!A0"
        """;

    public static readonly DateTimeOffset AsOf = new(2026, 3, 31, 10, 0, 0, TimeSpan.Zero);

    public static async Task LoadAsync(CxAppFactory app)
    {
        await app.ImportOkAsync(ImportKind.Agents, Agents);
        await app.ImportOkAsync(ImportKind.Contacts, Contacts);
        await app.ImportOkAsync(ImportKind.SurveyResponses, Responses);
    }
}
