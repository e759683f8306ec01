namespace CxDashboard.DemoData;

/// <summary>
/// The anonymous monthly engagement pulse. Each team-month's level follows that team's CSAT in the same
/// month (engaged teams serve customers better), so the dashboard can show the two side by side.
/// </summary>
internal sealed class EngagementModel
{
    private readonly EngagementSettings settings;
    private readonly Roster roster;
    private readonly int firstMonthKey;
    private readonly double[,] csatSum;
    private readonly int[,] csatCount;

    public EngagementModel(EngagementSettings settings, Roster roster, DateOnly firstDay, DateOnly lastDay)
    {
        this.settings = settings;
        this.roster = roster;
        firstMonthKey = MonthKey(firstDay);
        var months = MonthKey(lastDay) - firstMonthKey + 1;
        csatSum = new double[roster.Teams.Count, months];
        csatCount = new int[roster.Teams.Count, months];
    }

    public int Questions => settings.Items.Count;

    /// <summary>Collects the team's CSAT per month of the rated contact, as the dashboard attributes it.</summary>
    public void RecordCsat(int teamIndex, DateOnly contactDate, int csat)
    {
        var month = MonthKey(contactDate) - firstMonthKey;
        csatSum[teamIndex, month] += csat;
        csatCount[teamIndex, month]++;
    }

    /// <summary>Writes one pulse per team and month; returns the number of answers.</summary>
    public int Write(CsvTable table, DeterministicRandom random)
    {
        var organisationMean = Total(csatSum) / Math.Max(1, Total(csatCount));
        var answers = 0;
        for (var month = 0; month < csatSum.GetLength(1); month++)
        {
            var period = PeriodName(firstMonthKey + month);
            for (var teamIndex = 0; teamIndex < roster.Teams.Count; teamIndex++)
            {
                var team = roster.Teams[teamIndex];
                var teamMean = csatCount[teamIndex, month] > 0 ? csatSum[teamIndex, month] / csatCount[teamIndex, month] : organisationMean;
                var level = settings.BaseLevel + (settings.CsatWeight * (teamMean - organisationMean)) + team.MoraleOffset;

                // Everyone in the team may answer; a small team can fall below the anonymity threshold of 5.
                var respondents = random.NextBinomial(team.Headcount, team.EngagementParticipation);
                for (var i = 0; i < respondents; i++)
                {
                    WriteAnswer(table, team.Name, period, level + (settings.PersonNoise * random.NextGaussian()), random);
                }

                answers += respondents;
            }
        }

        return answers;
    }

    private void WriteAnswer(CsvTable table, string team, string period, double personalLevel, DeterministicRandom random)
    {
        var enpsLevel = settings.EnpsAtBaseLevel + (settings.EnpsPerLevelPoint * (personalLevel - settings.BaseLevel))
            + (settings.EnpsNoise * random.NextGaussian());
        table.Field(team).Field(period).Field(Math.Clamp((int)Math.Round(enpsLevel), 0, 10));
        foreach (var statement in settings.Items)
        {
            var item = personalLevel + statement.Offset + (settings.ItemNoise * random.NextGaussian());
            table.Field(random.Chance(settings.ItemSkipShare) ? null : Math.Clamp((int)Math.Round(item), 1, 5));
        }

        table.EndRow();
    }

    private static int MonthKey(DateOnly date) => (date.Year * 12) + date.Month - 1;

    private static string PeriodName(int monthKey) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{monthKey / 12:D4}-{(monthKey % 12) + 1:D2}");

    private static double Total(double[,] values) => values.Cast<double>().Sum();

    private static int Total(int[,] values) => values.Cast<int>().Sum();
}
