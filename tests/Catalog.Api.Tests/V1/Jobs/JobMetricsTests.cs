using System.Diagnostics.Metrics;
using Catalog.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Api.Tests.V1.Jobs;

/// <summary>
/// The <c>Catalog.Jobs</c> meter of this host (matched by its meter factory, so other hosts' jobs are not counted):
/// items processed, chunk durations, jobs running here.
/// </summary>
public sealed class JobMetricsTests(JobsSqliteFactory factory) : JobsApiTest(factory), IClassFixture<JobsSqliteFactory>
{
    [Fact]
    public async Task Job_Applied_CountsItemsAndChunksOnTheJobsMeter()
    {
        var scope = Factory.Services.GetRequiredService<IMeterFactory>();
        var measured = new Dictionary<string, double>();
        var events = new Dictionary<string, int>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "Catalog.Jobs" && ReferenceEquals(instrument.Meter.Scope, scope))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, value, _, _) => Add(i.Name, value));
        listener.SetMeasurementEventCallback<int>((i, value, _, _) => Add(i.Name, value));
        listener.SetMeasurementEventCallback<double>((i, _, _, _) => Add(i.Name, 1));
        listener.Start();

        var id = await SubmitAcceptedAsync(ProductsBatch, Batch.Of(create: Products(1_200)));
        var job = await WaitForJobAsync(id);

        job.Str("status").Should().Be("succeeded");
        lock (measured)
        {
            measured.GetValueOrDefault("catalog.jobs.items.processed").Should().Be(1_200);
            measured.GetValueOrDefault("catalog.jobs.chunk.duration").Should().Be(3, "three chunks were timed");
            events.GetValueOrDefault("catalog.jobs.running.local").Should().Be(2, "the job started and stopped here");
            measured.GetValueOrDefault("catalog.jobs.running.local").Should().Be(0, "it runs no more");
        }

        void Add(string name, double value)
        {
            lock (measured)
            {
                measured[name] = measured.GetValueOrDefault(name) + value;
                events[name] = events.GetValueOrDefault(name) + 1;
            }
        }
    }
}
