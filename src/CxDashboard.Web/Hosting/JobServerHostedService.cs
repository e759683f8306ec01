using Hangfire;

namespace CxDashboard.Web.Hosting;

/// <summary>
/// Runs the Hangfire job server in this instance unless Jobs:RunServer is false (e.g. a web-only instance, or
/// tests that call jobs directly). Decided at start, so any configuration source can switch it.
/// </summary>
public sealed class JobServerHostedService(IConfiguration configuration, JobStorage storage, IServiceProvider services) : IHostedService
{
    private BackgroundJobServer? _server;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Jobs:RunServer", true)) return Task.CompletedTask;
        _server = new BackgroundJobServer(new BackgroundJobServerOptions
        {
            WorkerCount = configuration.GetValue("Jobs:WorkerCount", 2),
            ServerName = $"{Environment.MachineName}:{Environment.ProcessId}",
            Activator = new Hangfire.AspNetCore.AspNetCoreJobActivator(services.GetRequiredService<IServiceScopeFactory>()),
        }, storage);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is null) return;
        _server.SendStop();
        await _server.WaitForShutdownAsync(cancellationToken);
        _server.Dispose();
    }
}
