using System.Collections.Generic;
using System.Reflection;
using System.Threading.Tasks;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: Xunit.TestFramework("GptImage.Tests.Infrastructure.CleanupTestFramework", "GptImage.Core.Tests")]

namespace GptImage.Tests.Infrastructure
{
    /// <summary>
    /// xunit's own framework plus one step before the first test (the fallback cache goes into the run's temp folder)
    /// and one after the last test of the assembly: <see cref="TestTemp"/>'s folder
    /// is deleted. It runs before the run reports "finished"; later hooks (framework disposal,
    /// AppDomain.ProcessExit) race with the runner ending the test host, which left the folders behind.
    /// </summary>
    public sealed class CleanupTestFramework : XunitTestFramework
    {
        public CleanupTestFramework(IMessageSink messageSink) : base(messageSink)
        {
            // A paid answer the cache cannot store goes to a fallback cache in the user's profile: a test run (and the
            // fault runner's child processes, which inherit this) keeps its own, in its temp folder, deleted at the end.
            System.Environment.SetEnvironmentVariable(GptImage.Orchestration.FallbackCacheLocation.EnvironmentVariable,
                System.IO.Path.Combine(TestTemp.NewDirectory(), "fallback-cache"));
        }

        protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
            new Executor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

        private sealed class Executor : XunitTestFrameworkExecutor
        {
            public Executor(AssemblyName assemblyName, ISourceInformationProvider sourceInformationProvider, IMessageSink diagnosticMessageSink)
                : base(assemblyName, sourceInformationProvider, diagnosticMessageSink) { }

            protected override async void RunTestCases(IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
            {
                using var runner = new Runner(TestAssembly, testCases, DiagnosticMessageSink, executionMessageSink, executionOptions);
                await runner.RunAsync();
            }
        }

        private sealed class Runner : XunitTestAssemblyRunner
        {
            public Runner(ITestAssembly testAssembly, IEnumerable<IXunitTestCase> testCases, IMessageSink diagnosticMessageSink,
                IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
                : base(testAssembly, testCases, diagnosticMessageSink, executionMessageSink, executionOptions) { }

            protected override async Task BeforeTestAssemblyFinishedAsync()
            {
                await base.BeforeTestAssemblyFinishedAsync();
                TestTemp.DeleteRun();
            }
        }
    }
}
