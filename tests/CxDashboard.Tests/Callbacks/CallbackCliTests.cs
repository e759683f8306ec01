using CxDashboard.Tests.Infrastructure;

namespace CxDashboard.Tests.Callbacks;

public sealed class CallbackCliTestsOnSqlite : CallbackCliTests<OnSqlite>;

public sealed class CallbackCliTestsOnPostgres : CallbackCliTests<OnPostgres>, IRunsOnPostgres;

/// <summary>The run-job and callbacks verbs against a database holding <see cref="CallbackDataset"/>.</summary>
public abstract class CallbackCliTests<TDb> : IAsyncLifetime where TDb : ITestDatabase
{
    private readonly JobDrivenAppFactory _app = new(TDb.Provider);

    public Task InitializeAsync() => CallbackDataset.LoadAsync(_app);

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    private Task<CliRun> Cli(params string[] args) => CliRunner.RunAsync(_app.ConnectionString, CallbackDataset.Now, args);

    [DbFact]
    public async Task Flagging_and_escalation_run_as_of_a_given_time()
    {
        var early = await Cli("run-job", "flag-callbacks", "--as-of", "2026-05-05T16:30:00+02:00");
        Assert.Equal(0, early.ExitCode);
        Assert.StartsWith("flag-callbacks: 1 case(s) opened, 0 trigger(s) joined open cases", early.Out);

        var list = await Cli("callbacks", "list", "--status", "open", "--format", "json");
        Assert.Equal(0, list.ExitCode);
        var only = Assert.Single(list.Json.EnumerateArray());
        Assert.Equal("CU1", only.GetProperty("customerId").GetString());
        Assert.Equal("open", only.GetProperty("status").GetString());
        Assert.Equal(new DateTime(2026, 5, 5, 14, 30, 0, DateTimeKind.Utc), only.GetProperty("createdAt").GetDateTime().ToUniversalTime());
        Assert.Equal(new DateTime(2026, 5, 6, 14, 0, 0, DateTimeKind.Utc), only.GetProperty("dueAt").GetDateTime().ToUniversalTime());
        Assert.Equal(50, only.GetProperty("priority").GetInt32());
        Assert.True(only.GetProperty("caseId").GetInt64() > 0);
        var trigger = Assert.Single(only.GetProperty("triggers").EnumerateArray());
        Assert.Equal(("low-csat", "survey-response", "R101"),
            (trigger.GetProperty("kind").GetString(), trigger.GetProperty("sourceType").GetString(), trigger.GetProperty("sourceId").GetString()));

        var escalated = await Cli("run-job", "escalate-overdue", "--as-of", "2026-05-06T16:01:00+02:00", "--format", "json");
        Assert.Equal(0, escalated.ExitCode);
        Assert.Equal(1, escalated.Json.GetProperty("escalated").GetInt32());

        var rest = await Cli("run-job", "flag-callbacks", "--format", "json"); // as of now
        Assert.Equal(4, rest.Json.GetProperty("casesOpened").GetInt32());
        await Cli("run-job", "escalate-overdue"); // also brings the age part of older cases' priority up to now
        var all = await Cli("callbacks", "list", "--status", "all", "--format", "json");
        Assert.Equal(["CU9", "CU1", "CU3", "CU2", "CU6"], all.Json.EnumerateArray().Select(c => c.GetProperty("customerId").GetString()));
        var repeat = all.Json.EnumerateArray().Last().GetProperty("triggers")[0];
        Assert.Equal(("repeat-contacts", "contact", "K106c", 3),
            (repeat.GetProperty("kind").GetString(), repeat.GetProperty("sourceType").GetString(), repeat.GetProperty("sourceId").GetString(), repeat.GetProperty("contactsInWindow").GetInt32()));
        Assert.Empty((await Cli("callbacks", "list", "--status", "closed", "--format", "json")).Json.EnumerateArray());
    }

    [DbFact]
    public async Task The_table_is_for_people()
    {
        await Cli("run-job", "flag-callbacks");
        var table = await Cli("callbacks", "list", "--format", "table");
        var lines = table.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("  case customer", lines[0]);
        Assert.Equal(["CU9", "open", "85", "2026-05-08", "12:00", "0", "low-csat", "R109a,", "low-csat", "R109b"],
            lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1));
        Assert.Equal("5 case(s)", lines[^1].Trim());
    }

    [DbTheory]
    [InlineData("run-job", "flag-callbacks", "--as-of", "yesterday")]
    [InlineData("callbacks", "list", "--status", "pending")]
    [InlineData("run-job", "no-such-job")]
    public async Task Bad_arguments_exit_with_2_and_a_reason(params string[] args)
    {
        var run = await Cli(args);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: ", run.Error);
    }
}
