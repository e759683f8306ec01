namespace CxDashboard.Web.Hosting;

public static class AppContentRoot
{
    /// <summary>
    /// The folder relative paths (database, uploads, wwwroot) are resolved against: the current folder when it holds the
    /// app's settings (the project folder under <c>dotnet run</c>), else the app's own folder, so a published app finds
    /// its files from wherever it is started.
    /// </summary>
    public static string Resolve()
    {
        var current = Directory.GetCurrentDirectory();
        return File.Exists(Path.Combine(current, "appsettings.json")) ? current : AppContext.BaseDirectory;
    }
}
