using System.Reflection;
using Catalog.Testing.Logs;
using Catalog.Testing.SqlServer;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Catalog.Testing;

/// <summary>
/// xunit's own framework, except that without a SQL Server (<see cref="SqlServerTestServer"/>) every test of a class
/// named <c>...OnSqlServer</c> is discovered as skipped with the reason why, so a run shows them as not run. A test
/// assembly opts in with <c>[assembly: TestFramework("Catalog.Testing.ProviderTestFramework", "Catalog.Testing")]</c>.
/// When the assembly's run ends, it also checks every log line the API wrote during the run for the secrets the tests
/// used (<see cref="LogCapture"/>): a leak fails the run as an assembly cleanup failure, whichever test caused it.
/// </summary>
public sealed class ProviderTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    public const string SqlServerClassSuffix = "OnSqlServer";

    protected override ITestFrameworkDiscoverer CreateDiscoverer(IAssemblyInfo assemblyInfo) =>
        new Discoverer(assemblyInfo, SourceInformationProvider, DiagnosticMessageSink);

    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new Executor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Executor(AssemblyName assembly, ISourceInformationProvider source, IMessageSink sink)
        : XunitTestFrameworkExecutor(assembly, source, sink)
    {
        protected override async void RunTestCases(
            IEnumerable<IXunitTestCase> testCases,
            IMessageSink executionMessageSink,
            ITestFrameworkExecutionOptions executionOptions)
        {
            using var runner = new LogCheckingRunner(
                TestAssembly, testCases, DiagnosticMessageSink, executionMessageSink, executionOptions);
            await runner.RunAsync();
        }
    }

    private sealed class LogCheckingRunner(
        ITestAssembly assembly,
        IEnumerable<IXunitTestCase> testCases,
        IMessageSink diagnosticSink,
        IMessageSink executionSink,
        ITestFrameworkExecutionOptions options)
        : XunitTestAssemblyRunner(assembly, testCases, diagnosticSink, executionSink, options)
    {
        protected override Task BeforeTestAssemblyFinishedAsync()
        {
            Aggregator.Run(LogCapture.AssertNoLeaks);
            return base.BeforeTestAssemblyFinishedAsync();
        }
    }

    private sealed class Discoverer(IAssemblyInfo assembly, ISourceInformationProvider source, IMessageSink sink)
        : XunitTestFrameworkDiscoverer(assembly, source, sink)
    {
        protected override bool FindTestsForMethod(
            ITestMethod testMethod,
            bool includeSourceInformation,
            IMessageBus messageBus,
            ITestFrameworkDiscoveryOptions discoveryOptions)
        {
            if (SqlServerTestServer.IsConfigured
                || !testMethod.TestClass.Class.Name.EndsWith(SqlServerClassSuffix, StringComparison.Ordinal)
                || !testMethod.Method.GetCustomAttributes(typeof(FactAttribute)).Any())
            {
                return base.FindTestsForMethod(testMethod, includeSourceInformation, messageBus, discoveryOptions);
            }

            var notRun = new NotRunTestCase(
                DiagnosticMessageSink,
                discoveryOptions.MethodDisplayOrDefault(),
                discoveryOptions.MethodDisplayOptionsOrDefault(),
                testMethod);
            return ReportDiscoveredTestCase(notRun, includeSourceInformation, messageBus);
        }
    }
}

/// <summary>A test that cannot run here: reported as skipped, with the reason.</summary>
public sealed class NotRunTestCase : XunitTestCase
{
    [Obsolete("For deserialization only.")]
    public NotRunTestCase()
    {
    }

    public NotRunTestCase(
        IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod method)
        : base(sink, display, options, method)
    {
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute) => SqlServerTestServer.NotRun;
}
