using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CxDashboard.Tests.Infrastructure;

/// <summary>
/// The app as a process of its own (<c>dotnet CxDashboard.Web.dll</c>) on a real port, for what an instance in this
/// test process cannot show: being killed. It shares the given app's database and upload folder.
/// </summary>
public sealed class AppProcess : IDisposable
{
    private readonly Process _process;

    public string BaseUrl { get; }

    private AppProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public static async Task<AppProcess> StartAsync(CxAppFactory sharing)
    {
        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        var dll = Path.Combine(AppContext.BaseDirectory, "CxDashboard.Web.dll");
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.Combine(Maturity.MaturityTestData.RepositoryRoot(), "src", "CxDashboard.Web"),
        };
        foreach (var (name, value) in new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["ASPNETCORE_URLS"] = baseUrl,
            ["Database__Provider"] = sharing.Provider.ToString(),
            ["ConnectionStrings__Cx"] = sharing.ConnectionString,
            ["Demo__SeedOnStart"] = "false",
            ["Jobs__RunServer"] = "false",
            ["Imports__UploadFolder"] = sharing.UploadFolder,
            ["Reports__Directory"] = sharing.ReportsDirectory,
            ["App__PublicBaseUrl"] = "http://localhost",
            ["Localization__DefaultCulture"] = "sv-SE",
            ["Localization__DefaultUiCulture"] = "en-GB",
            ["Logging__LogLevel__Default"] = "Warning",
            ["DOTNET_hostBuilder__reloadConfigOnChange"] = "false",
        })
        {
            start.Environment[name] = value;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new AppProcess(process, baseUrl);

        // Ready when the sign-in page answers (bounded: a start takes seconds, even on a busy machine).
        using var probe = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(5) };
        var ready = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"The app process exited ({process.ExitCode}): {Tail(output)}");
            try
            {
                if ((await probe.GetAsync("/Account/Login")).StatusCode == HttpStatusCode.OK) return app;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (ready.Elapsed > TimeSpan.FromMinutes(2))
            {
                app.Dispose();
                throw new TimeoutException($"The app process did not answer within 2 minutes: {Tail(output)}");
            }
            await Task.Delay(200);
        }
    }

    /// <summary>Kills the process at once (SIGKILL): no shutdown, no rollback from the app's side; the database sees its connections drop.</summary>
    public void Kill()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Tail(System.Text.StringBuilder output)
    {
        lock (output)
        {
            var text = output.ToString();
            return text.Length > 2000 ? text[^2000..] : text;
        }
    }
}
