using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CxDashboard.DemoData;

/// <summary>
/// The demo organisation as configured in <c>seed-data/demo/organisation.json</c>: who works where,
/// why customers get in touch, through which channels, and the knobs of the behaviour model.
/// Targets are deliberately not here: they belong to the app's settings, not to the simulated world.
/// </summary>
public sealed class DemoOrganisation
{
    /// <summary>Where the shipped configuration lives, relative to the repository root.</summary>
    public const string DefaultRelativePath = "seed-data/demo/organisation.json";

    public string Name { get; init; } = "";

    /// <summary>Contacts in a 365-day year for the configured roster (scaled runs derive their own).</summary>
    public int ContactsPerYear { get; init; }

    public IReadOnlyList<DemoTeam> Teams { get; init; } = [];
    public IReadOnlyDictionary<string, AgentProfile> AgentProfiles { get; init; } = new Dictionary<string, AgentProfile>();
    public IReadOnlyList<DemoAgent> Agents { get; init; } = [];
    public IReadOnlyList<ContactReason> Reasons { get; init; } = [];
    public IReadOnlyList<ChannelSettings> Channels { get; init; } = [];
    public IReadOnlyDictionary<string, ArrivalProfile> ArrivalProfiles { get; init; } = new Dictionary<string, ArrivalProfile>();

    /// <summary>Volume factor per calendar month, January first (12 values).</summary>
    public IReadOnlyList<double> MonthFactors { get; init; } = [];

    /// <summary>Fixed-date public holidays as <c>MM-dd</c>; they take the arrival profile's holiday factor.</summary>
    public IReadOnlyList<string> Holidays { get; init; } = [];

    public ContactBehaviour Behaviour { get; init; } = new();
    public SurveyBehaviour Survey { get; init; } = new();
    public EngagementSettings Engagement { get; init; } = new();
    public CustomerSettings Customers { get; init; } = new();
    public IReadOnlyList<CommentTemplate> Comments { get; init; } = [];
    public ScalingSettings Scaling { get; init; } = new();

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,

        // A misspelt key in hand-edited data should fail loudly rather than silently fall back to a default.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>Reads and validates the configuration file.</summary>
    /// <exception cref="InvalidDataException">The file is not a usable demo organisation.</exception>
    public static DemoOrganisation Load(string jsonPath)
    {
        using var stream = File.OpenRead(jsonPath);
        return Load(stream, jsonPath);
    }

    /// <summary>The copy of <c>seed-data/demo/organisation.json</c> built into this assembly.</summary>
    public static DemoOrganisation LoadShipped()
    {
        const string resourceName = "CxDashboard.DemoData.organisation.json";
        using var stream = typeof(DemoOrganisation).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"The assembly lacks its embedded {resourceName}.");
        return Load(stream, DefaultRelativePath);
    }

    /// <summary>Reads and validates a configuration from a stream.</summary>
    public static DemoOrganisation Load(Stream json, string sourceName = "organisation.json")
    {
        DemoOrganisation? organisation;
        try
        {
            organisation = JsonSerializer.Deserialize<DemoOrganisation>(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{sourceName}: not valid demo-organisation JSON: {ex.Message}", ex);
        }

        if (organisation is null)
        {
            throw new InvalidDataException($"{sourceName}: the file is empty.");
        }

        var problems = organisation.FindProblems();
        if (problems.Count > 0)
        {
            throw new InvalidDataException($"{sourceName}: {string.Join(" ", problems)}");
        }

        return organisation;
    }

    /// <summary>Every inconsistency in the configuration, so one load reports them all.</summary>
    public IReadOnlyList<string> FindProblems()
    {
        var problems = new List<string>();
        void Require(bool condition, string problem)
        {
            if (!condition)
            {
                problems.Add(problem);
            }
        }

        Require(ContactsPerYear > 0, "contactsPerYear must be positive.");
        Require(Teams.Count > 0, "at least one team is needed.");
        Require(Agents.Count > 0, "at least one agent is needed.");
        Require(Reasons.Count > 0, "at least one contact reason is needed.");
        Require(MonthFactors.Count == 12 && MonthFactors.All(f => f > 0), "monthFactors needs 12 positive values (January first).");
        Require(Scaling.ContactsPerAgentYear > 0, "scaling.contactsPerAgentYear must be positive.");

        var teamNames = Teams.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        Require(teamNames.Count == Teams.Count, "team names must be unique.");
        foreach (var agent in Agents)
        {
            Require(agent.Name.Length > 0, "every agent needs a name.");
            Require(teamNames.Contains(agent.Team), $"agent '{agent.Name}' is in unknown team '{agent.Team}'.");
            Require(AgentProfiles.ContainsKey(agent.Profile), $"agent '{agent.Name}' has unknown profile '{agent.Profile}'.");
        }

        var emails = Agents.Where(a => a.Email.Length > 0).Select(a => a.Email).ToList();
        Require(emails.Distinct(StringComparer.OrdinalIgnoreCase).Count() == emails.Count, "agent emails must be unique.");

        foreach (var (name, profile) in AgentProfiles)
        {
            Require(profile.Workload > 0, $"profile '{name}': workload must be positive.");
            Require(profile.RepeatFactor > 0 && profile.HandleTimeFactor > 0,
                $"profile '{name}': repeatFactor and handleTimeFactor must be positive.");
            if (profile.ChangesTo is { } change)
            {
                Require(AgentProfiles.TryGetValue(change.Profile, out var later) && later.ChangesTo is null,
                    $"profile '{name}' changes to '{change.Profile}', which must exist and not change again.");
                Require(change.DaysBeforeEnd > 0, $"profile '{name}': changesTo.daysBeforeEnd must be positive.");
            }
        }

        var channelCodes = Channels.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        Require(channelCodes.Count == Channels.Count, "channel codes must be unique.");
        Require(Channels.Any(c => c.AgentHandled), "at least one channel must be handled by agents.");
        foreach (var channel in Channels)
        {
            Require(DemoDataColumns.ChannelCodes.Contains(channel.Code),
                $"channel '{channel.Code}' is not one of {string.Join(", ", DemoDataColumns.ChannelCodes)}.");
            Require(ArrivalProfiles.ContainsKey(channel.ArrivalProfile),
                $"channel '{channel.Code}' uses unknown arrival profile '{channel.ArrivalProfile}'.");
            Require(channel.Share.Start >= 0 && channel.Share.End >= 0, $"channel '{channel.Code}': shares cannot be negative.");
            Require(channel.HandleSeconds.Min > 0 && channel.HandleSeconds.Min <= channel.HandleSeconds.Typical
                    && channel.HandleSeconds.Typical <= channel.HandleSeconds.Max,
                $"channel '{channel.Code}': handleSeconds needs 0 < min <= typical <= max.");
            Require(channel.SurveyResponseRate is >= 0 and <= 1, $"channel '{channel.Code}': surveyResponseRate must be 0–1.");
            Require(channel.EscalatedFromBotShare is null || channel.AgentHandled,
                $"channel '{channel.Code}': only agent-handled channels can be escalated from a bot.");
        }

        // Customers leaving self-service come to a person, so agent-handled channels need volume throughout.
        var agentChannels = Channels.Where(c => c.AgentHandled).ToList();
        Require(agentChannels.Sum(c => c.Share.Start) > 0 && agentChannels.Sum(c => c.Share.End) > 0,
            "agent-handled channels must have a share above zero at the start and at the end.");

        foreach (var (name, profile) in ArrivalProfiles)
        {
            Require(profile.WeekdayFactors.Count == 7 && profile.WeekdayFactors.All(f => f >= 0) && profile.WeekdayFactors.Sum() > 0,
                $"arrival profile '{name}': weekdayFactors needs 7 values (Monday first), not negative, not all zero.");
            Require(profile.HourWeights.Count == 24 && profile.HourWeights.Sum() > 0,
                $"arrival profile '{name}': hourWeights needs 24 values, not all zero.");
            Require(profile.WeekendHourWeights is null || (profile.WeekendHourWeights.Count == 24 && profile.WeekendHourWeights.Sum() > 0),
                $"arrival profile '{name}': weekendHourWeights needs 24 values, not all zero.");
        }

        foreach (var holiday in Holidays)
        {
            Require(DateOnly.TryParseExact("2000-" + holiday, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
                $"holiday '{holiday}' is not MM-dd.");
        }

        var reasonCodes = Reasons.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        Require(reasonCodes.Count == Reasons.Count, "reason codes must be unique.");
        foreach (var reason in Reasons)
        {
            Require(reason.Complexity is >= 1 and <= 5, $"reason '{reason.Code}': complexity must be 1–5.");
            Require(reason.Share > 0, $"reason '{reason.Code}': share must be positive.");
            Require(reason.RepeatPropensity is >= 0 and <= 1 && reason.DissatisfactionPropensity is >= 0 and <= 1,
                $"reason '{reason.Code}': propensities must be 0–1.");
            Require(reason.MonthFactors is null || reason.MonthFactors.Count == 12, $"reason '{reason.Code}': monthFactors needs 12 values.");
            foreach (var channel in reason.ChannelAffinity?.Keys ?? [])
            {
                Require(channelCodes.Contains(channel), $"reason '{reason.Code}': channelAffinity names unknown channel '{channel}'.");
            }
        }

        Require(reasonCodes.Contains(Behaviour.ComplaintReasonCode),
            $"behaviour.complaintReasonCode '{Behaviour.ComplaintReasonCode}' is not a configured reason.");
        Require(Behaviour.RepeatDelayDayWeights.Count > 0 && Behaviour.RepeatDelayDayWeights.Sum() > 0,
            "behaviour.repeatDelayDayWeights needs at least one positive weight (index 0 = one day later).");
        Require(Survey.ReceivedDelay.Min > 0 && Survey.ReceivedDelay.Min <= Survey.ReceivedDelay.Typical
                && Survey.ReceivedDelay.Typical <= Survey.ReceivedDelay.Max,
            "survey.receivedDelay needs 0 < min <= typical <= max (minutes).");
        Require(Engagement.Items.Count is >= 1 and <= 10, "engagement.items needs 1–10 statements (q1 … q10).");

        Require(Customers.FirstNames.Count > 0 && Customers.LastNames.Count > 0, "customers need first and last names.");
        Require(Customers.EmailDomains.Count > 0 && Customers.MobilePrefixes.Count > 0, "customers need email domains and mobile prefixes.");
        Require(Customers.PoolSizePerYearlyContact > 0, "customers.poolSizePerYearlyContact must be positive.");

        foreach (var comment in Comments)
        {
            Require(comment.Language is "sv" or "en", $"comment '{comment.Text}': language must be 'sv' or 'en'.");
            foreach (var reason in comment.Reasons ?? [])
            {
                Require(reasonCodes.Contains(reason), $"comment '{comment.Text}' names unknown reason '{reason}'.");
            }

            foreach (var channel in comment.Channels ?? [])
            {
                Require(channelCodes.Contains(channel), $"comment '{comment.Text}' names unknown channel '{channel}'.");
            }
        }

        foreach (var language in new[] { "sv", "en" })
        {
            foreach (var sentiment in Enum.GetValues<Sentiment>())
            {
                Require(Comments.Any(c => c.Language == language && c.Sentiment == sentiment && c.IsGeneric),
                    $"the comment bank needs at least one general '{language}' comment that is {sentiment.ToString().ToLowerInvariant()}.");
            }
        }

        return problems;
    }
}

public sealed class DemoTeam
{
    public string Name { get; init; } = "";

    /// <summary>Chance that each team member answers a monthly engagement pulse.</summary>
    public double EngagementParticipation { get; init; } = 0.8;

    /// <summary>Added to the team's engagement level (on the 1–5 scale) beyond what its CSAT explains.</summary>
    public double MoraleOffset { get; init; }
}

public sealed class DemoAgent
{
    public string Name { get; init; } = "";
    public string Team { get; init; } = "";
    public string Email { get; init; } = "";

    /// <summary>Key into <see cref="DemoOrganisation.AgentProfiles"/>.</summary>
    public string Profile { get; init; } = "";
}

/// <summary>How an agent's work shifts the outcome of the contacts they handle.</summary>
public sealed class AgentProfile
{
    public string Description { get; init; } = "";

    /// <summary>Relative share of agent-handled contacts (new starters take fewer).</summary>
    public double Workload { get; init; } = 1;

    /// <summary>Added to the latent CSAT score (1–5 scale).</summary>
    public double CsatShift { get; init; }

    /// <summary>Added to the chance that the contact really resolves the issue.</summary>
    public double ResolutionShift { get; init; }

    /// <summary>Multiplies the chance of a repeat contact, beyond what resolution explains.</summary>
    public double RepeatFactor { get; init; } = 1;

    /// <summary>Multiplies handle time; below 1 means short contacts, which also raise repeats.</summary>
    public double HandleTimeFactor { get; init; } = 1;

    /// <summary>Optional change of profile late in the period, e.g. a decline that should trigger coaching.</summary>
    public ProfileChange? ChangesTo { get; init; }
}

public sealed class ProfileChange
{
    public string Profile { get; init; } = "";

    /// <summary>The new profile applies from this many days before the generation's end date.</summary>
    public int DaysBeforeEnd { get; init; }
}

public sealed class ContactReason
{
    public string Code { get; init; } = "";
    public string NameSv { get; init; } = "";
    public string NameEn { get; init; } = "";

    /// <summary>1 (routine, automatable) to 5 (complex or emotional, needs a person).</summary>
    public int Complexity { get; init; }

    /// <summary>Relative volume among reasons.</summary>
    public double Share { get; init; }

    /// <summary>Base chance (0–1) that the customer comes back about it; resolution and the agent scale it.</summary>
    public double RepeatPropensity { get; init; }

    /// <summary>0–1: how much the subject itself pulls satisfaction down.</summary>
    public double DissatisfactionPropensity { get; init; }

    /// <summary>Relative likelihood of this reason per channel (default 1): routine errands go to self-service.</summary>
    public IReadOnlyDictionary<string, double>? ChannelAffinity { get; init; }

    /// <summary>Optional seasonal factor per month, January first (e.g. moving peaks in summer).</summary>
    public IReadOnlyList<double>? MonthFactors { get; init; }

    public double AffinityFor(string channelCode) =>
        ChannelAffinity is not null && ChannelAffinity.TryGetValue(channelCode, out var affinity) ? affinity : 1;
}

/// <summary>A share that moves linearly from the first to the last day of the generated period.</summary>
public sealed class ShareDrift
{
    public double Start { get; init; }
    public double End { get; init; }

    /// <param name="periodFraction">0 on the first day, 1 on the last.</param>
    public double At(double periodFraction) => Start + ((End - Start) * periodFraction);
}

public sealed class ChannelSettings
{
    /// <summary>One of the channel codes of the import format.</summary>
    public string Code { get; init; } = "";

    public ShareDrift Share { get; init; } = new();

    /// <summary>Key into <see cref="DemoOrganisation.ArrivalProfiles"/>.</summary>
    public string ArrivalProfile { get; init; } = "";

    /// <summary>False for self-service/bot: such contacts have no agent and no team.</summary>
    public bool AgentHandled { get; init; } = true;

    public HandleTimeRange HandleSeconds { get; init; } = new();

    /// <summary>Share of this channel's contacts that a person took over from the bot.</summary>
    public ShareDrift? EscalatedFromBotShare { get; init; }

    public double SurveyResponseRate { get; init; } = 0.2;

    /// <summary>Drop in resolution chance per complexity step above 1 (self-service fails on complex errands).</summary>
    public double ComplexityResolutionPenalty { get; init; } = 0.05;

    public double ResolutionShift { get; init; }
}

public sealed class HandleTimeRange
{
    public int Min { get; init; }
    public int Typical { get; init; }
    public int Max { get; init; }

    /// <summary>Share of contacts whose handle time the source system does not record.</summary>
    public double EmptyShare { get; init; }
}

public sealed class ArrivalProfile
{
    /// <summary>Volume factor per weekday, Monday first (7 values).</summary>
    public IReadOnlyList<double> WeekdayFactors { get; init; } = [];

    /// <summary>Relative arrivals per local hour 0–23 on working days.</summary>
    public IReadOnlyList<double> HourWeights { get; init; } = [];

    /// <summary>Hours on Saturdays, Sundays and holidays; defaults to <see cref="HourWeights"/>.</summary>
    public IReadOnlyList<double>? WeekendHourWeights { get; init; }

    /// <summary>Volume factor on configured holidays.</summary>
    public double HolidayFactor { get; init; } = 1;
}

/// <summary>Resolution and repeat model (see the rules at the top of <see cref="DemoDataGenerator"/>).</summary>
public sealed class ContactBehaviour
{
    public double BaseResolution { get; init; } = 0.9;

    /// <summary>Resolution lost per unit the handle time falls short of the typical time.</summary>
    public double ShortHandleResolutionPenalty { get; init; } = 0.3;

    public double ResolvedRepeatFactor { get; init; } = 0.5;
    public double UnresolvedRepeatFactor { get; init; } = 3;

    /// <summary>Repeat factor = (handle ratio)^-exponent for contacts shorter than typical.</summary>
    public double ShortHandleRepeatExponent { get; init; } = 1;

    public double MaxRepeatProbability { get; init; } = 0.85;

    /// <summary>Relative weight of a repeat coming 1, 2, 3 … days later.</summary>
    public IReadOnlyList<double> RepeatDelayDayWeights { get; init; } = [];

    public double RepeatKeepsReasonShare { get; init; } = 0.75;

    /// <summary>Chance that a repeat after an unresolved contact comes back as a complaint.</summary>
    public double RepeatBecomesComplaintShare { get; init; } = 0.1;

    public string ComplaintReasonCode { get; init; } = "KLAGOMAL";
    public double RepeatKeepsChannelShare { get; init; } = 0.6;
}

public sealed class SurveyBehaviour
{
    public double CsatBase { get; init; } = 4.3;
    public double CsatNoise { get; init; } = 0.9;
    public double ReasonDissatisfactionWeight { get; init; } = 1.5;
    public double UnresolvedCsatPenalty { get; init; } = 1.2;
    public double RepeatCsatPenalty { get; init; } = 0.8;
    public double BotEscalationCsatPenalty { get; init; } = 0.4;

    /// <summary>Share of responses that answer "was it resolved?".</summary>
    public double ResolvedAnsweredShare { get; init; } = 0.85;

    /// <summary>Chance that a customer whose issue was resolved says so (and, mirrored, says no when it was not).</summary>
    public double ResolvedAnswerAccuracy { get; init; } = 0.9;

    public double NpsAnsweredShare { get; init; } = 0.6;
    public double CommentShare { get; init; } = 0.3;
    public double SecondResponseShare { get; init; } = 0.01;

    /// <summary>Minutes from the end of the contact to the answer.</summary>
    public DelayRange ReceivedDelay { get; init; } = new();
}

public sealed class DelayRange
{
    public double Min { get; init; }
    public double Typical { get; init; }
    public double Max { get; init; }
}

public sealed class EngagementSettings
{
    /// <summary>Mean item score (1–5) for a team whose CSAT equals the organisation's.</summary>
    public double BaseLevel { get; init; } = 3.7;

    /// <summary>Engagement points per CSAT point the team-month lies above the organisation mean.</summary>
    public double CsatWeight { get; init; } = 1.5;

    public double PersonNoise { get; init; } = 0.55;
    public double ItemNoise { get; init; } = 0.5;
    public double EnpsNoise { get; init; } = 1.3;

    /// <summary>Typical eNPS score (0–10) of a person at <see cref="BaseLevel"/>.</summary>
    public double EnpsAtBaseLevel { get; init; } = 7.5;

    /// <summary>eNPS points per point of the person's level above or below <see cref="BaseLevel"/>.</summary>
    public double EnpsPerLevelPoint { get; init; } = 2.5;

    /// <summary>The pulse statements, written as q1, q2, … in this order.</summary>
    public IReadOnlyList<EngagementItem> Items { get; init; } = [];

    /// <summary>Chance that a respondent skips a single question.</summary>
    public double ItemSkipShare { get; init; } = 0.02;
}

public sealed class EngagementItem
{
    /// <summary>The statement employees rate 1–5 (Swedish, as the pulse asks it).</summary>
    public string Text { get; init; } = "";

    /// <summary>Added to the person's level: some statements score higher than others.</summary>
    public double Offset { get; init; }
}

public sealed class CustomerSettings
{
    /// <summary>Distinct customers per yearly contact; the rest are customers who come back.</summary>
    public double PoolSizePerYearlyContact { get; init; } = 0.8;

    public IReadOnlyList<string> FirstNames { get; init; } = [];
    public IReadOnlyList<string> LastNames { get; init; } = [];
    public IReadOnlyList<string> EmailDomains { get; init; } = [];

    /// <summary>Swedish mobile prefixes after +46 (e.g. "70").</summary>
    public IReadOnlyList<string> MobilePrefixes { get; init; } = [];

    public double DoNotContactShare { get; init; } = 0.01;
    public double MissingEmailShare { get; init; } = 0.1;
    public double MissingPhoneShare { get; init; } = 0.04;

    /// <summary>Customers who write their survey comments in English (a few, in a Swedish organisation).</summary>
    public double EnglishSpeakingShare { get; init; } = 0.05;
}

public enum Sentiment
{
    Positive,
    Neutral,
    Negative,
}

/// <summary>A free-text survey comment; optional conditions narrow where it fits.</summary>
public sealed class CommentTemplate
{
    public string Text { get; init; } = "";

    /// <summary>"sv" or "en".</summary>
    public string Language { get; init; } = "sv";

    public Sentiment Sentiment { get; init; }

    /// <summary>Only for contacts with one of these reasons.</summary>
    public IReadOnlyList<string>? Reasons { get; init; }

    /// <summary>Only for contacts in one of these channels.</summary>
    public IReadOnlyList<string>? Channels { get; init; }

    /// <summary>When true, only for contacts a person took over from the bot.</summary>
    public bool EscalatedFromBot { get; init; }

    public bool IsGeneric => (Reasons is null or { Count: 0 }) && (Channels is null or { Count: 0 }) && !EscalatedFromBot;
}

public sealed class ScalingSettings
{
    /// <summary>Contacts per agent and year in scaled runs (an agent handles about 10,000 a year).</summary>
    public int ContactsPerAgentYear { get; init; } = 10_000;

    /// <summary>Names for teams beyond the configured ones, used in order.</summary>
    public IReadOnlyList<string> ExtraTeamNames { get; init; } = [];

    /// <summary>Format for further team names once the list runs out; {0} is the team number.</summary>
    public string FallbackTeamNameFormat { get; init; } = "Team {0:00}";
}
