using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using CxDashboard.Web.Data.Seeding;
using CxDashboard.Web.Hosting;

namespace CxDashboard.Web.Cli;

/// <summary>
/// The administration and automation verbs of the same executable as the web app. They read configuration as
/// the web app does (appsettings.json, then environment variables such as ConnectionStrings__Cx).
/// Exit codes: 0 success, 1 bad data (e.g. an import with errors), 2 bad arguments.
/// </summary>
public static class CliApp
{
    public const int Success = 0;
    public const int DataError = 1;
    public const int UsageError = 2;

    private static RootCommand BuildRoot(CliContext context) => new("CxDashboard: customer-experience measurement and coaching. Without a verb, runs the web app.")
    {
        AdminVerbs.Migrate(context),
        AdminVerbs.SeedDemo(context),
        AdminVerbs.GenerateDemo(context),
        AdminVerbs.CreateUser(context),
        AdminVerbs.CreateApiKey(context),
        ImportVerb.Create(context),
        KpiVerbs.Kpis(context),
        KpiVerbs.Engagement(context),
        SurveyLinksVerb.Create(context),
        MaturityVerbs.Maturity(context),
        CallbackVerbs.RunJob(context),
        CallbackVerbs.Callbacks(context),
        ExportVerbs.Export(context),
        ReportVerbs.Report(context),
    };

    public static bool IsVerb(string[] args) =>
        args.Length > 0 && (args[0] is "--help" or "-h" or "help" || BuildRoot(new CliContext()).Subcommands.Any(c => c.Name == args[0]));

    public static async Task<int> RunAsync(string[] args, CliContext? context = null)
    {
        context ??= new CliContext();
        var root = BuildRoot(context);
        if (args.Length > 0 && args[0] == "help") args = ["--help"];
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            await context.Error.WriteLineAsync($"error: {parsed.Errors[0].Message} (see '{string.Join(' ', args.Take(1))} --help')");
            return UsageError;
        }
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = context.Out, Error = context.Error });
    }
}

/// <summary>
/// Where a CLI run writes and how it builds its services. The defaults are the console and the app's own
/// configuration; tests give writers, configuration overrides and a clock of their own.
/// </summary>
public sealed class CliContext
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public TextWriter Out { get; init; } = Console.Out;
    public TextWriter Error { get; init; } = Console.Error;
    public IReadOnlyDictionary<string, string?> ConfigurationOverrides { get; init; } = new Dictionary<string, string?>();
    public TimeProvider? Clock { get; init; }

    public void WriteJson<T>(T value) => Out.WriteLine(JsonSerializer.Serialize(value, Json));

    /// <summary>
    /// Runs a verb's body in a DI scope of a host configured like the web app, on a migrated database (see
    /// <see cref="DatabaseInitializer.PrepareForVerbAsync"/>), turning
    /// failures into one-line errors on stderr.
    /// </summary>
    public async Task<int> WithServicesAsync(Func<IServiceProvider, CancellationToken, Task<int>> body, CancellationToken ct, bool needsDatabase = true)
    {
        using var host = BuildHost();
        using var scope = host.Services.CreateScope();
        try
        {
            if (needsDatabase) await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().PrepareForVerbAsync(ct);
            return await body(scope.ServiceProvider, ct);
        }
        catch (CliException e)
        {
            await Error.WriteLineAsync($"error: {e.Message}");
            return e.ExitCode;
        }
        catch (Features.Requests.RequestRefusedException e)
        {
            // A period out of bounds, an unknown filter: the same refusal the web answers with 400.
            await Error.WriteLineAsync($"error: {e.Message}");
            return CliApp.UsageError;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await Error.WriteLineAsync($"error: {e.GetBaseException().Message}");
            return CliApp.DataError;
        }
    }

    public IHost BuildHost()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContentRoot.Resolve(),
            EnvironmentName = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
                              ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? "Production",
        });
        builder.Configuration.AddInMemoryCollection(ConfigurationOverrides);
        builder.Logging.ClearProviders();
        // Verbs report their own outcome; logs would only repeat it (EF logs every failed command).
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).AddFilter((category, level) =>
            level >= LogLevel.Warning && !category!.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
            && !category.StartsWith("Microsoft.AspNetCore.DataProtection", StringComparison.Ordinal));
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddCxCore(builder.Configuration, builder.Environment.ContentRootPath);
        if (Clock is not null) builder.Services.AddSingleton(Clock);
        return builder.Build();
    }
}

/// <summary>A failure to report as one line on stderr with an exit code.</summary>
public sealed class CliException(string message, int exitCode = CliApp.DataError) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
