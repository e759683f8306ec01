using Xunit.Abstractions;
using Xunit.Sdk;

namespace CxDashboard.Tests.Infrastructure;

/// <summary>A test class whose tests run against the test PostgreSQL server (see <see cref="TestPostgres"/>).</summary>
public interface IRunsOnPostgres;

/// <summary>A fact that is skipped, with the reason, when its class runs on PostgreSQL and no server can be had here.</summary>
[XunitTestCaseDiscoverer("CxDashboard.Tests.Infrastructure.DbFactDiscoverer", "CxDashboard.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class DbFactAttribute : FactAttribute;

/// <summary>A theory that is skipped, with the reason, when its class runs on PostgreSQL and no server can be had here.</summary>
[XunitTestCaseDiscoverer("CxDashboard.Tests.Infrastructure.DbTheoryDiscoverer", "CxDashboard.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class DbTheoryAttribute : TheoryAttribute;

internal static class PostgresSkip
{
    public static string? For(ITestMethod method) =>
        typeof(IRunsOnPostgres).IsAssignableFrom(method.TestClass.Class.ToRuntimeType()) ? TestPostgres.SkipReason : null;

    public static IXunitTestCase Skipped(IMessageSink sink, ITestFrameworkDiscoveryOptions options, ITestMethod method, string reason) =>
        new XunitSkippedDataRowTestCase(sink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), method, reason);
}

public sealed class DbFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        PostgresSkip.For(testMethod) is { } reason
            ? [PostgresSkip.Skipped(DiagnosticMessageSink, discoveryOptions, testMethod, reason)]
            : base.Discover(discoveryOptions, testMethod, factAttribute);
}

public sealed class DbTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute) =>
        PostgresSkip.For(testMethod) is { } reason
            ? [PostgresSkip.Skipped(DiagnosticMessageSink, discoveryOptions, testMethod, reason)]
            : base.Discover(discoveryOptions, testMethod, theoryAttribute);
}
