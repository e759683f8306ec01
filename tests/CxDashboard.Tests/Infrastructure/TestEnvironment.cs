using System.Runtime.CompilerServices;

namespace CxDashboard.Tests.Infrastructure;

internal static class TestEnvironment
{
    /// <summary>
    /// Every test host watches its configuration files; dozens of hosts (each suite on two databases) would use up the
    /// machine's inotify instances (128 per user by default), so the hosts poll instead.
    /// </summary>
    [ModuleInitializer]
    internal static void PollConfigurationFiles() => Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
}
