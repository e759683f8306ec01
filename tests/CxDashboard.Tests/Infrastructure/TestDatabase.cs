using CxDashboard.Web.Data;

namespace CxDashboard.Tests.Infrastructure;

/// <summary>
/// The database a test class runs on, as a type argument: a suite written once as <c>Suite&lt;TDb&gt;</c> runs on both
/// providers through two one-line classes (<c>SuiteOnSqlite : Suite&lt;OnSqlite&gt;</c>, <c>SuiteOnPostgres : Suite&lt;OnPostgres&gt;,
/// IRunsOnPostgres</c>), and both must pass the same assertions.
/// </summary>
public interface ITestDatabase
{
    static abstract DatabaseProvider Provider { get; }
}

public sealed class OnSqlite : ITestDatabase
{
    public static DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class OnPostgres : ITestDatabase
{
    public static DatabaseProvider Provider => DatabaseProvider.Postgres;
}
