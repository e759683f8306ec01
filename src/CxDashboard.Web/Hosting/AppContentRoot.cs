namespace CxDashboard.Web.Hosting;

public static class AppContentRoot
{
    /// <summary>
    /// The folder relative paths (database, uploads, wwwroot) are resolved against: the current folder when it holds the
    /// app's settings (the project folder under <c>dotnet run</c>), else the app's own folder, so a published app finds
    /// its files from wherever it is started.
    /// </summary>
    public static string Resolve() => WhenStartedElsewhere() ?? Directory.GetCurrentDirectory();

    /// <summary>
    /// The app's own folder when the current folder does not hold its settings; null otherwise, so the host's default
    /// (the current folder, or what a test host sets) stays in force.
    /// </summary>
    public static string? WhenStartedElsewhere() =>
        File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json")) ? null : AppContext.BaseDirectory;
}
