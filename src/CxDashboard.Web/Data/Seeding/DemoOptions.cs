namespace CxDashboard.Web.Data.Seeding;

public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Seed the demo organisation into an empty database at start (on in Development).</summary>
    public bool SeedOnStart { get; set; }

    /// <summary>The seed-data folder; found next to the app or above it when not set.</summary>
    public string? SeedDataPath { get; set; }

    /// <summary>How many days of demo history to generate, ending yesterday.</summary>
    public int Days { get; set; } = 365;
}
