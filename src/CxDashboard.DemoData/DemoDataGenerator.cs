using System.Collections;
using System.Globalization;

namespace CxDashboard.DemoData;

// ─────────────────────────────────────────────────────────────────────────────────────────────────────
// Realism rules of the generated period. The numbers live in seed-data/demo/organisation.json; these
// are the mechanics, chosen so the dashboard has real stories to find (see shared/domain.md).
//
// Arrivals
//  * Each channel's share moves linearly from its start to its end value over the period: phone falls
//    (about 45 % → 25 %), self-service and messaging grow, heading for "nine of ten contacts digital".
//  * New contacts per channel and day = the period's volume × that day's channel share × the channel's
//    weekday factor × the month factor (× a holiday factor on fixed public holidays): staffed channels
//    peak on weekday mornings and are low at weekends, self-service runs 24/7.
//  * Times of day follow the channel's hourly profile in local time. Local times in the spring-forward
//    gap do not exist and move past it; times in the autumn's repeated hour take either offset.
//  * Routine reasons lean towards self-service, complex ones towards people (reason × channel affinity);
//    some reasons are seasonal (moving house in summer, faults in the storm season).
// Contacts
//  * Self-service contacts have no agent and no team; agent-handled ones go to an agent by workload.
//  * Some chat and messaging contacts were taken over from the bot (escalated_from_bot=true), more as
//    the bot takes more of the first line.
//  * Handle time = the channel's typical time × complexity (±15 % per step) × the agent's handle-time
//    factor, with log-normal spread, clamped to the channel's range; some systems record none.
//  * Resolution chance = base − the channel's complexity penalty × (complexity − 1) + agent and channel
//    shifts − a penalty for ending faster than typical. Self-service fails on complex errands.
// Repeats
//  * After each contact the customer comes back with chance reason.repeatPropensity × (resolved ? low :
//    high factor) × agent.repeatFactor × (typical ÷ actual handle time, for short contacts), capped.
//    The article's "short calls, customer calls back in three days" agents therefore show short handle
//    times and many repeats.
//  * The repeat comes 1–10 days later (mostly within three), usually about the same reason, sometimes
//    as a complaint, and after self-service to a person. Repeats can repeat, so some customers make 3+
//    contacts within 7 days (the callback job's trigger). Repeats due after the end date are not written.
//  * New contacts draw their customer at random from a pool, so customers also come back by chance.
// Surveys
//  * About 20 % of contacts get a response (per-channel rate), received 5 minutes to 2 days after the
//    contact ended; answers due after the end date are not in yet. About 1 % of rated contacts get two.
//  * CSAT 1–5 = base + agent shift − reason dissatisfaction − penalties for not resolved, for a repeat
//    that followed and for a bot hand-over, + noise. "Resolved" (≈85 % answer it) is the truth as the
//    customer saw it; NPS (≈60 %) follows CSAT; ≈30 % comment, from the bank by sentiment (CSAT 4–5
//    positive, 3 neutral, 1–2 negative) in the customer's language (≈70 % Swedish), preferring comments
//    written for the contact's reason, channel or bot hand-over.
// Agents
//  * Profiles shift CSAT, resolution, repeats and handle time; some change late in the period (a decline
//    that should raise a coaching alert, an improvement after coaching).
// Engagement
//  * One pulse per team and month; each member answers with the team's participation rate, so a small
//    team sometimes has fewer than 5 answers. Level = base + weight × (the team's CSAT that month − the
//    organisation's) + team morale; q1..qN (1–5) and eNPS (0–10) follow each person's level.
// Determinism
//  * All draws come from seeded xoshiro256** streams, all dates from EndDate, rows are written in a fixed
//    order: the same options and configuration give byte-identical files.
// ─────────────────────────────────────────────────────────────────────────────────────────────────────

/// <summary>Writes a deterministic demo period of contacts, survey responses, engagement and agents as CSV.</summary>
public static class DemoDataGenerator
{
    /// <summary>
    /// Generates the files of <see cref="DemoDataFiles"/> into <paramref name="outputDirectory"/> (created if
    /// missing, files overwritten), streaming rows as they are simulated.
    /// </summary>
    public static DemoDataSummary Generate(DemoOrganisation organisation, DemoGenerationOptions options, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        if (options.Days < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Days, "Days must be at least 1.");
        }

        if (options.Scale is { } scale && (scale.Teams < 1 || scale.Agents < scale.Teams || scale.ContactsPerYear < 0))
        {
            throw new ArgumentOutOfRangeException(nameof(options), scale, "A scale needs at least one team and at least one agent per team.");
        }

        Directory.CreateDirectory(outputDirectory);
        return new GenerationRun(organisation, options, outputDirectory).Run();
    }
}

/// <summary>The state of one generation: the day-by-day simulation and the open output files.</summary>
internal sealed class GenerationRun
{
    private const int CalibrationSamples = 20_000;

    private readonly DemoOrganisation organisation;
    private readonly DemoGenerationOptions options;
    private readonly string outputDirectory;
    private readonly DeterministicRandom random;
    private readonly OrganisationClock clock;
    private readonly ArrivalModel arrivals;
    private readonly Roster roster;
    private readonly CustomerDirectory customers;
    private readonly ContactOutcomeModel outcomes;
    private readonly SurveyModel surveys;
    private readonly EngagementModel engagement;

    /// <summary>[month 0–11, channel]: reason weights = share × channel affinity × seasonality.</summary>
    private readonly WeightedChoice[,] reasonsByMonthAndChannel;

    private readonly WeightedChoice reasonsByShare;
    private readonly WeightedChoice repeatDelayDays;
    private readonly int complaintReasonIndex;
    private readonly double contactsInPeriod;
    private readonly DateTimeOffset periodEnd;

    /// <summary>Repeats waiting for their day, in a ring indexed by day number: only the next ten days are ever held.</summary>
    private readonly List<PendingRepeat>[] pendingRepeatsByDay;

    private readonly List<PlannedContact> today = [];
    private readonly BitArray customersSeen;

    private WeightedChoice channelsToday = null!;
    private WeightedChoice agentChannelsToday = null!;
    private double periodFractionToday;
    private long contactCount;
    private long repeatCount;
    private long selfServiceCount;
    private long escalatedCount;
    private long responseCount;

    public GenerationRun(DemoOrganisation organisation, DemoGenerationOptions options, string outputDirectory)
    {
        this.organisation = organisation;
        this.options = options;
        this.outputDirectory = outputDirectory;
        random = DeterministicRandom.ForStream(options.Seed, "contacts");
        clock = new OrganisationClock(options.TimeZoneId);
        arrivals = new ArrivalModel(organisation, options.FirstDay, options.Days);
        roster = Roster.Build(organisation, options.Scale, options.EndDate, options.Seed);
        outcomes = new ContactOutcomeModel(organisation.Behaviour);
        surveys = new SurveyModel(organisation);
        engagement = new EngagementModel(organisation.Engagement, roster, options.FirstDay, options.EndDate);

        var contactsPerYear = options.Scale switch
        {
            null => organisation.ContactsPerYear,
            { ContactsPerYear: { } explicitVolume } => explicitVolume,
            { } scale => (long)scale.Agents * organisation.Scaling.ContactsPerAgentYear,
        };
        contactsInPeriod = contactsPerYear * options.Days / 365.0;
        var poolSize = (int)Math.Clamp(contactsPerYear * organisation.Customers.PoolSizePerYearlyContact, 1, int.MaxValue - 1);
        customers = new CustomerDirectory(organisation.Customers, options.Seed, poolSize);
        customersSeen = new BitArray(poolSize);

        reasonsByShare = new WeightedChoice(organisation.Reasons.Select(r => r.Share));
        reasonsByMonthAndChannel = new WeightedChoice[12, organisation.Channels.Count];
        for (var month = 0; month < 12; month++)
        {
            for (var channel = 0; channel < organisation.Channels.Count; channel++)
            {
                var code = organisation.Channels[channel].Code;
                reasonsByMonthAndChannel[month, channel] = new WeightedChoice(organisation.Reasons.Select(r =>
                    r.Share * r.AffinityFor(code) * (r.MonthFactors?[month] ?? 1)));
            }
        }

        repeatDelayDays = new WeightedChoice(organisation.Behaviour.RepeatDelayDayWeights);
        complaintReasonIndex = organisation.Reasons.ToList().FindIndex(r => r.Code == organisation.Behaviour.ComplaintReasonCode);
        pendingRepeatsByDay = Enumerable.Range(0, repeatDelayDays.Count + 1).Select(_ => new List<PendingRepeat>()).ToArray();
        periodEnd = clock.StartOfDay(options.EndDate.AddDays(1));
    }

    public DemoDataSummary Run()
    {
        WriteAgents();

        using (var contacts = new CsvTable(Path.Combine(outputDirectory, DemoDataFiles.Contacts), DemoDataColumns.Contacts))
        using (var responses = new CsvTable(Path.Combine(outputDirectory, DemoDataFiles.SurveyResponses), DemoDataColumns.SurveyResponses))
        {
            // Repeats come on top of new contacts, so new ones are scaled down to land on the configured volume.
            var newContactsInPeriod = contactsInPeriod * (1 - EstimateRepeatShare());
            for (var dayIndex = 0; dayIndex < options.Days; dayIndex++)
            {
                var date = options.FirstDay.AddDays(dayIndex);
                PlanDay(date, dayIndex, newContactsInPeriod);
                foreach (var contact in today)
                {
                    SimulateContact(contact, date, dayIndex, contacts, responses);
                }
            }
        }

        int engagementAnswers;
        using (var pulse = new CsvTable(Path.Combine(outputDirectory, DemoDataFiles.Engagement), DemoDataColumns.Engagement(engagement.Questions)))
        {
            engagementAnswers = engagement.Write(pulse, DeterministicRandom.ForStream(options.Seed, "engagement"));
        }

        return new DemoDataSummary
        {
            OutputDirectory = outputDirectory,
            FirstDay = options.FirstDay,
            LastDay = options.EndDate,
            Teams = roster.Teams.Count,
            Agents = roster.Agents.Count,
            Customers = CountSeenCustomers(),
            Contacts = contactCount,
            SimulatedRepeatContacts = repeatCount,
            SelfServiceContacts = selfServiceCount,
            EscalatedFromBotContacts = escalatedCount,
            SurveyResponses = responseCount,
            EngagementAnswers = engagementAnswers,
        };
    }

    private void WriteAgents()
    {
        using var table = new CsvTable(Path.Combine(outputDirectory, DemoDataFiles.Agents), DemoDataColumns.Agents);
        foreach (var agent in roster.Agents)
        {
            table.Field(agent.Id).Field(agent.Name).Field(roster.Teams[agent.TeamIndex].Name).Field(agent.Email).EndRow();
        }
    }

    /// <summary>Collects the day's new contacts and due repeats, in the order they started.</summary>
    private void PlanDay(DateOnly date, int dayIndex, double newContactsInPeriod)
    {
        today.Clear();
        periodFractionToday = arrivals.PeriodFraction(date);
        var shares = arrivals.ChannelShares(date);
        channelsToday = new WeightedChoice(shares);
        agentChannelsToday = new WeightedChoice(shares.Select((share, c) => organisation.Channels[c].AgentHandled ? share : 0));

        var expected = arrivals.ExpectedNewContacts(date, newContactsInPeriod);
        for (var channel = 0; channel < expected.Length; channel++)
        {
            var count = random.NextPoisson(expected[channel]);
            for (var i = 0; i < count; i++)
            {
                var reason = reasonsByMonthAndChannel[date.Month - 1, channel].Sample(random);
                Plan(date, customers.PickCustomer(random), channel, reason, isRepeat: false);
            }
        }

        var due = pendingRepeatsByDay[dayIndex % pendingRepeatsByDay.Length];
        foreach (var repeat in due)
        {
            Plan(date, repeat.Customer, RepeatChannel(repeat.PreviousChannel), repeat.Reason, isRepeat: true);
        }

        due.Clear();
        today.Sort(PlannedContact.ByStart);
    }

    private void Plan(DateOnly date, int customer, int channel, int reason, bool isRepeat)
    {
        var startedAt = clock.AtLocal(date, arrivals.SampleTimeOfDay(channel, date, random), random);
        today.Add(new PlannedContact(startedAt, customer, channel, reason, isRepeat));
    }

    private void SimulateContact(in PlannedContact planned, DateOnly date, int dayIndex, CsvTable contacts, CsvTable responses)
    {
        contactCount++;
        var contactId = string.Create(CultureInfo.InvariantCulture, $"CON-{contactCount:D8}");
        var channel = organisation.Channels[planned.Channel];
        var reason = organisation.Reasons[planned.Reason];
        var agent = channel.AgentHandled ? roster.PickAgent(random) : null;
        var profile = agent?.ProfileOn(date);
        var escalated = channel.EscalatedFromBotShare is { } botShare && random.Chance(botShare.At(periodFractionToday));
        var outcome = outcomes.Decide(reason, channel, profile, random);
        var followedByRepeat = random.Chance(outcome.RepeatProbability);
        if (followedByRepeat)
        {
            ScheduleRepeat(planned, outcome.Resolved, dayIndex);
        }

        var customer = customers.Describe(planned.Customer);
        customersSeen[planned.Customer] = true;
        repeatCount += planned.IsRepeat ? 1 : 0;
        selfServiceCount += agent is null ? 1 : 0;
        escalatedCount += escalated ? 1 : 0;

        contacts
            .Field(contactId)
            .Field(customer.Id)
            .Field(agent?.Id ?? "")
            .Field(agent is null ? "" : roster.Teams[agent.TeamIndex].Name)
            .Field(channel.Code)
            .Field(reason.Code)
            .Field(planned.StartedAt)
            .Field(outcome.HandleSeconds)
            .Field(escalated)
            .Field(customer.Name)
            .Field(customer.Phone)
            .Field(customer.Email)
            .Field(customer.DoNotContact)
            .EndRow();

        if (random.Chance(channel.SurveyResponseRate))
        {
            var rated = new RatedContact(planned.Reason, planned.Channel, profile, outcome.Resolved, followedByRepeat, escalated,
                customer.WritesInEnglish);
            var contactEnd = planned.StartedAt.AddSeconds(outcome.HandleSeconds ?? 0);
            WriteResponses(contactId, rated, contactEnd, agent?.TeamIndex, date, responses);
        }
    }

    private void WriteResponses(string contactId, in RatedContact rated, DateTimeOffset contactEnd, int? teamIndex, DateOnly contactDate,
        CsvTable responses)
    {
        // Now and then a customer answers the reminder too; each response counts on its own.
        TimeSpan[] delays = random.Chance(organisation.Survey.SecondResponseShare)
            ? [.. new[] { surveys.ReceivedDelay(random), surveys.ReceivedDelay(random) }.Order()]
            : [surveys.ReceivedDelay(random)];
        foreach (var delay in delays)
        {
            var receivedAt = contactEnd + delay;
            if (receivedAt >= periodEnd)
            {
                return;
            }

            var answer = surveys.Answer(rated, random);
            responseCount++;
            responses
                .Field(string.Create(CultureInfo.InvariantCulture, $"RSP-{responseCount:D8}"))
                .Field(contactId)
                .Field(clock.ToLocal(receivedAt))
                .Field(answer.Csat)
                .Field(answer.Resolved switch { true => "yes", false => "no", null => "" })
                .Field(answer.Nps)
                .Field(answer.Comment)
                .EndRow();

            if (teamIndex is { } team)
            {
                engagement.RecordCsat(team, contactDate, answer.Csat);
            }
        }
    }

    private void ScheduleRepeat(in PlannedContact contact, bool resolved, int dayIndex)
    {
        var repeatDay = dayIndex + 1 + repeatDelayDays.Sample(random);
        if (repeatDay >= options.Days)
        {
            return;
        }

        pendingRepeatsByDay[repeatDay % pendingRepeatsByDay.Length]
            .Add(new PendingRepeat(contact.Customer, RepeatReason(contact.Reason, resolved), contact.Channel));
    }

    /// <summary>Customers mostly come back about the same thing; an unresolved issue sometimes turns into a complaint.</summary>
    private int RepeatReason(int previousReason, bool resolved)
    {
        var behaviour = organisation.Behaviour;
        if (!resolved && random.Chance(behaviour.RepeatBecomesComplaintShare))
        {
            return complaintReasonIndex;
        }

        return random.Chance(behaviour.RepeatKeepsReasonShare) ? previousReason : reasonsByShare.Sample(random);
    }

    /// <summary>Self-service that did not help sends the customer to a person; otherwise they often use the same channel.</summary>
    private int RepeatChannel(int previousChannel)
    {
        if (!organisation.Channels[previousChannel].AgentHandled)
        {
            return agentChannelsToday.Sample(random);
        }

        return random.Chance(organisation.Behaviour.RepeatKeepsChannelShare) ? previousChannel : channelsToday.Sample(random);
    }

    /// <summary>
    /// The expected share of contacts that are modelled repeats, measured on a sample of contacts drawn like the
    /// real ones (from a separate stream, so the calibration does not shift the generated rows).
    /// </summary>
    private double EstimateRepeatShare()
    {
        var calibration = DeterministicRandom.ForStream(options.Seed, "calibration");
        var total = 0.0;
        for (var i = 0; i < CalibrationSamples; i++)
        {
            var date = options.FirstDay.AddDays(calibration.NextInt(options.Days));
            var channel = new WeightedChoice(arrivals.ChannelShares(date)).Sample(calibration);
            var reason = reasonsByMonthAndChannel[date.Month - 1, channel].Sample(calibration);
            var channelSettings = organisation.Channels[channel];
            var profile = channelSettings.AgentHandled ? roster.PickAgent(calibration).ProfileOn(date) : null;
            total += outcomes.Decide(organisation.Reasons[reason], channelSettings, profile, calibration).RepeatProbability;
        }

        return total / CalibrationSamples;
    }

    private int CountSeenCustomers()
    {
        var seen = 0;
        for (var i = 0; i < customersSeen.Length; i++)
        {
            seen += customersSeen[i] ? 1 : 0;
        }

        return seen;
    }

    private readonly record struct PendingRepeat(int Customer, int Reason, int PreviousChannel);

    private readonly record struct PlannedContact(DateTimeOffset StartedAt, int Customer, int Channel, int Reason, bool IsRepeat)
    {
        public static readonly Comparison<PlannedContact> ByStart = (a, b) =>
        {
            var byInstant = a.StartedAt.UtcTicks.CompareTo(b.StartedAt.UtcTicks);
            return byInstant != 0 ? byInstant : (a.Customer, a.Channel, a.Reason).CompareTo((b.Customer, b.Channel, b.Reason));
        };
    }
}
