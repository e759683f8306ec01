namespace CxDashboard.Web.Features.Coaching;

/// <summary>Settings under "Coaching" (documented in appsettings.example.json).</summary>
public sealed class CoachingOptions
{
    public const string Section = "Coaching";

    public CoachingAlertOptions Alerts { get; set; } = new();
    public RepeatPatternOptions Patterns { get; set; } = new();

    /// <summary>How many of an agent's lowest-rated responses a scorecard and a pack show.</summary>
    public int LowestRatedResponses { get; set; } = 10;
}

/// <summary>When an agent's results count as significantly worse (see <see cref="CoachingAlertRules"/>).</summary>
public sealed class CoachingAlertOptions
{
    /// <summary>The recent window: the last N days up to yesterday.</summary>
    public int RecentDays { get; set; } = 28;

    /// <summary>The agent's own earlier period it is compared with: the N days before the recent window.</summary>
    public int BaselineDays { get; set; } = 84;

    /// <summary>Neither window is judged with fewer responses (CSAT), contacts (repeat rate) or decidable contacts (FCR) than this.</summary>
    public int MinSample { get; set; } = 30;

    /// <summary>The one-sided p-value below which a change counts as significant.</summary>
    public double MaxPValue { get; set; } = 0.01;

    /// <summary>The one-sided p-value below which the agent's change must also differ from the rest of the team's change.</summary>
    public double MaxTeamPValue { get; set; } = 0.05;

    /// <summary>A CSAT drop smaller than this (percentage points) is not worth an alert however certain it is.</summary>
    public double MinCsatDropPoints { get; set; } = 5;

    /// <summary>A repeat-rate rise smaller than this (percentage points) is not worth an alert.</summary>
    public double MinRepeatRisePoints { get; set; } = 3;

    /// <summary>A contact-based FCR drop smaller than this (percentage points) is not worth an alert.</summary>
    public double MinFcrDropPoints { get; set; } = 5;
}

/// <summary>When an agent's calls are "short with many repeats" (see <see cref="RepeatPatternRules"/>).</summary>
public sealed class RepeatPatternOptions
{
    /// <summary>Short: the agent's average handle time is at most this share of the rest of the team's.</summary>
    public double ShortHandleRatio { get; set; } = 0.85;

    /// <summary>Many repeats: the agent's repeat rate is significantly higher than the rest of the team's at this one-sided p-value.</summary>
    public double MaxPValue { get; set; } = 0.05;

    /// <summary>No pattern is judged on fewer contacts than this (agent and rest of team alike).</summary>
    public int MinContacts { get; set; } = 30;
}
