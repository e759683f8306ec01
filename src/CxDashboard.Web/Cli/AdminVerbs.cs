using System.CommandLine;
using CxDashboard.DemoData;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Entities;
using CxDashboard.Web.Data.Seeding;
using CxDashboard.Web.Features.Accounts;
using CxDashboard.Web.Features.Api;
using CxDashboard.Web.Features.Metrics;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Cli;

public static class AdminVerbs
{
    public static Command Migrate(CliContext context)
    {
        var command = new Command("migrate", "Apply database migrations and create roles, settings and default targets");
        command.SetAction((_, ct) => context.WithServicesAsync(async (services, token) =>
        {
            // The whole start's work, also on a database that has every migration (other verbs skip it there).
            await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(token);
            var applied = (await services.GetRequiredService<CxDbContext>().Database.GetAppliedMigrationsAsync(token)).Count();
            context.Out.WriteLine($"The database is up to date ({applied} migrations applied).");
            return CliApp.Success;
        }, ct, needsDatabase: false));
        return command;
    }

    public static Command SeedDemo(CliContext context)
    {
        var command = new Command("seed-demo", "Seed the demo organisation (a year of data ending yesterday, and the demo logins) into an empty database");
        command.SetAction((_, ct) => context.WithServicesAsync(async (services, token) =>
        {
            if (!await services.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(token))
                throw new CliException("The database has data already; seed-demo only seeds an empty database.");
            context.Out.WriteLine($"Demo organisation seeded. Logins (password {DemoSeeder.DemoPassword}): {string.Join(", ", DemoSeeder.Logins.Select(l => l.Email))}");
            return CliApp.Success;
        }, ct));
        return command;
    }

    public static Command GenerateDemo(CliContext context)
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder to write agents.csv, contacts.csv, survey_responses.csv and engagement.csv", Required = true };
        var end = new Option<DateOnly?>("--end") { Description = "Last day (YYYY-MM-DD); default yesterday" };
        var days = new Option<int>("--days") { Description = "Days of history", DefaultValueFactory = _ => 365 };
        var teams = new Option<int?>("--teams") { Description = "Number of teams (with --agents: a scaled organisation, e.g. 25 teams / 250 agents for the reference load)" };
        var agents = new Option<int?>("--agents") { Description = "Number of agents" };
        var command = new Command("generate-demo", "Write the demo organisation's files (deterministic) without importing them")
        {
            output, end, days, teams, agents,
        };
        command.SetAction((parse, ct) => context.WithServicesAsync((services, token) =>
        {
            var environment = services.GetRequiredService<IHostEnvironment>();
            var seedData = SeedDataLocator.Find(null, environment.ContentRootPath);
            var organisation = DemoOrganisation.Load(Path.Combine(seedData, DemoSeeder.DemoOrganisationFile));
            var scale = parse.GetValue(teams) is { } t && parse.GetValue(agents) is { } a ? new DemoScale(t, a) : null;
            var directory = parse.GetValue(output)!;
            directory.Create();
            var started = System.Diagnostics.Stopwatch.StartNew();
            var summary = DemoDataGenerator.Generate(organisation, new DemoGenerationOptions
            {
                EndDate = parse.GetValue(end) ?? DateOnly.FromDateTime(services.GetRequiredService<TimeProvider>().GetLocalNow().DateTime).AddDays(-1),
                Days = parse.GetValue(days),
                Scale = scale,
            }, directory.FullName);
            context.Out.WriteLine($"Wrote {summary.Contacts} contacts and {summary.SurveyResponses} responses ({summary.FirstDay:yyyy-MM-dd} – {summary.LastDay:yyyy-MM-dd}) to {directory.FullName} in {started.Elapsed.TotalSeconds:0.0} s.");
            return Task.FromResult(CliApp.Success);
        }, ct, needsDatabase: false));
        return command;
    }

    public static Command CreateUser(CliContext context)
    {
        var email = new Option<string>("--email") { Description = "E-mail, also the login name", Required = true };
        var password = new Option<string>("--password") { Description = "At least 8 characters with upper and lower case and a digit", Required = true };
        var role = new Option<string[]>("--role") { Description = $"One or more of: {string.Join(", ", Roles.All)}", Required = true, AllowMultipleArgumentsPerToken = true };
        var team = new Option<string[]>("--team") { Description = "Limit a manager to these teams (name or id; repeatable)", AllowMultipleArgumentsPerToken = true };
        var name = new Option<string?>("--name") { Description = "Display name" };
        var command = new Command("create-user", "Create a login") { email, password, role, team, name };
        command.SetAction((parse, ct) => context.WithServicesAsync(async (services, token) =>
        {
            var reports = services.GetRequiredService<KpiReportService>();
            var teamIds = new List<int>();
            foreach (var teamText in parse.GetValue(team) ?? [])
            {
                try { teamIds.Add(await reports.FindTeamAsync(teamText, token)); }
                catch (KpiRequestException e) { throw new CliException(e.Message, CliApp.UsageError); }
            }
            var roles = (parse.GetValue(role) ?? []).Select(r => Roles.All.FirstOrDefault(known => known.Equals(r, StringComparison.OrdinalIgnoreCase)) ?? r).ToList();
            var address = parse.GetValue(email)!;
            var result = await services.GetRequiredService<UserAdminService>().CreateAsync(
                address, parse.GetValue(password)!, parse.GetValue(name) ?? address, roles, teamIds);
            if (!result.Succeeded) throw new CliException(string.Join(" ", result.Errors), CliApp.UsageError);
            context.Out.WriteLine($"Created {address} ({string.Join(", ", roles)}){(teamIds.Count > 0 ? $" limited to {teamIds.Count} team(s)" : "")}.");
            return CliApp.Success;
        }, ct));
        return command;
    }

    public static Command CreateApiKey(CliContext context)
    {
        var name = new Option<string>("--name") { Description = "What the key is for, e.g. the system that uses it", Required = true };
        var scope = new Option<string>("--scope") { Description = "read or write (write includes read)", DefaultValueFactory = _ => "read" };
        scope.AcceptOnlyFromAmong("read", "write");
        var command = new Command("create-api-key", "Create an API key for /api/v1; it is shown once and stored hashed") { name, scope };
        command.SetAction((parse, ct) => context.WithServicesAsync(async (services, token) =>
        {
            var keyScope = parse.GetValue(scope) == "write" ? ApiKeyScope.Write : ApiKeyScope.Read;
            var created = await services.GetRequiredService<ApiKeyService>().CreateAsync(parse.GetValue(name)!, keyScope, token);
            context.Out.WriteLine(created.Secret);
            await context.Error.WriteLineAsync($"API key '{created.Key.Name}' ({keyScope.ToString().ToLowerInvariant()}) created. Send it as the X-Api-Key header; it is not shown again.");
            return CliApp.Success;
        }, ct));
        return command;
    }
}
