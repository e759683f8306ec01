using System.Globalization;
using System.Text;

namespace CxDashboard.DemoData;

internal sealed class RosterTeam(string name, DemoTeam engagementSettings)
{
    public string Name { get; } = name;
    public double EngagementParticipation { get; } = engagementSettings.EngagementParticipation;
    public double MoraleOffset { get; } = engagementSettings.MoraleOffset;
    public int Headcount { get; set; }
}

internal sealed class RosterAgent(string id, string name, string email, int teamIndex, AgentProfile profile, AgentProfile? laterProfile, DateOnly laterFrom)
{
    public string Id { get; } = id;
    public string Name { get; } = name;
    public string Email { get; } = email;
    public int TeamIndex { get; } = teamIndex;
    public double Workload { get; } = profile.Workload;

    public AgentProfile ProfileOn(DateOnly date) => laterProfile is not null && date >= laterFrom ? laterProfile : profile;
}

/// <summary>
/// The teams and agents of one generation: the configured roster, or for a <see cref="DemoScale"/> the
/// configured agents that fit plus generated ones that repeat the configured profile mix.
/// </summary>
internal sealed class Roster
{
    private readonly WeightedChoice agentByWorkload;

    private Roster(IReadOnlyList<RosterTeam> teams, IReadOnlyList<RosterAgent> agents)
    {
        Teams = teams;
        Agents = agents;
        agentByWorkload = new WeightedChoice(agents.Select(a => a.Workload));
    }

    public IReadOnlyList<RosterTeam> Teams { get; }
    public IReadOnlyList<RosterAgent> Agents { get; }

    public RosterAgent PickAgent(DeterministicRandom random) => Agents[agentByWorkload.Sample(random)];

    public static Roster Build(DemoOrganisation organisation, DemoScale? scale, DateOnly endDate, int seed)
    {
        var random = DeterministicRandom.ForStream(seed, "roster");
        var configuredTeams = organisation.Teams;
        var teamCount = scale?.Teams ?? configuredTeams.Count;
        var teams = Enumerable.Range(0, teamCount)
            .Select(i => new RosterTeam(TeamName(organisation, i), configuredTeams[i % configuredTeams.Count]))
            .ToList();

        var usedNames = organisation.Agents.Select(a => a.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var usedEmails = organisation.Agents.Select(a => a.Email).Where(e => e.Length > 0).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var agents = new List<RosterAgent>();
        var generatedCount = 0;

        for (var teamIndex = 0; teamIndex < teams.Count; teamIndex++)
        {
            var configuredMembers = organisation.Agents.Where(a => a.Team == teams[teamIndex].Name).ToList();
            var headcount = scale is null ? configuredMembers.Count : EvenShare(scale.Agents, scale.Teams, teamIndex);

            foreach (var member in configuredMembers.Take(headcount))
            {
                agents.Add(CreateAgent(organisation, agents.Count, member.Name, member.Email, teamIndex, member.Profile, endDate));
            }

            for (var i = configuredMembers.Count; i < headcount; i++)
            {
                // Cycling through the configured agents' profiles keeps their mix (a few fast-but-repeating, a few excellent).
                var profile = organisation.Agents[generatedCount++ % organisation.Agents.Count].Profile;
                var name = UniqueName(organisation.Customers, random, usedNames);
                var email = UniqueEmail(name, usedEmails);
                agents.Add(CreateAgent(organisation, agents.Count, name, email, teamIndex, profile, endDate));
            }

            teams[teamIndex].Headcount = headcount;
        }

        return new Roster(teams, agents);
    }

    /// <summary>Lower-case ASCII for email addresses: "Åsa Öberg-Ek" → "asa", "oberg-ek".</summary>
    public static string Slug(string name)
    {
        var decomposed = name.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var character in decomposed)
        {
            if (character is >= 'a' and <= 'z' or >= '0' and <= '9' or '-')
            {
                builder.Append(character);
            }
            else if (character == ' ')
            {
                builder.Append('.');
            }
        }

        return builder.ToString();
    }

    private static RosterAgent CreateAgent(DemoOrganisation organisation, int index, string name, string email, int teamIndex, string profileName, DateOnly endDate)
    {
        var profile = organisation.AgentProfiles[profileName];
        var change = profile.ChangesTo;
        var laterProfile = change is null ? null : organisation.AgentProfiles[change.Profile];
        var laterFrom = change is null ? DateOnly.MaxValue : endDate.AddDays(-change.DaysBeforeEnd);
        var id = string.Create(CultureInfo.InvariantCulture, $"AG-{index + 1:D3}");
        return new RosterAgent(id, name, email, teamIndex, profile, laterProfile, laterFrom);
    }

    private static string TeamName(DemoOrganisation organisation, int index)
    {
        var configured = organisation.Teams.Count;
        if (index < configured)
        {
            return organisation.Teams[index].Name;
        }

        var extra = index - configured;
        return extra < organisation.Scaling.ExtraTeamNames.Count
            ? organisation.Scaling.ExtraTeamNames[extra]
            : string.Format(CultureInfo.InvariantCulture, organisation.Scaling.FallbackTeamNameFormat, index + 1);
    }

    private static int EvenShare(int total, int parts, int index) => (total / parts) + (index < total % parts ? 1 : 0);

    private static string UniqueName(CustomerSettings names, DeterministicRandom random, HashSet<string> usedNames)
    {
        for (var attempt = 0; ; attempt++)
        {
            var name = $"{random.Pick(names.FirstNames)} {random.Pick(names.LastNames)}";
            if (attempt > 100)
            {
                // Only reached when the name lists are tiny compared with the roster.
                name = string.Create(CultureInfo.InvariantCulture, $"{name} {attempt}");
            }

            if (usedNames.Add(name))
            {
                return name;
            }
        }
    }

    private static string UniqueEmail(string name, HashSet<string> usedEmails)
    {
        var local = Slug(name);
        for (var suffix = 1; ; suffix++)
        {
            var email = suffix == 1 ? $"{local}@demo.local" : string.Create(CultureInfo.InvariantCulture, $"{local}{suffix}@demo.local");
            if (usedEmails.Add(email))
            {
                return email;
            }
        }
    }
}
