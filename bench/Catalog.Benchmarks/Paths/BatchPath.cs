using Catalog.Benchmarks.Data;
using Catalog.Benchmarks.Hosting;

namespace Catalog.Benchmarks.Paths;

/// <summary>The product under test: all N items in one <c>POST /api/v1/products/batch</c> over loopback HTTP.</summary>
internal sealed class BatchPath : IBenchPath
{
    public string Name => "batch";

    public bool Supports(Operation operation) => true;

    public int Runs(BenchOptions options) => options.Runs;

    public int WarmUpSize(int largestSize) => largestSize;

    public async Task WarmUpAsync(CatalogHost host, CancellationToken cancellationToken)
    {
        var seeded = await BatchApi.SeedAsync(host.Client, ProductSpec.Many(1, "warm"), cancellationToken);
        (await BatchApi.PostAsync(host.Client, BatchPayloads.Update(seeded), 1, cancellationToken)).Answer.Dispose();
        (await BatchApi.PostAsync(host.Client, BatchPayloads.Delete(seeded), 1, cancellationToken)).Answer.Dispose();
    }

    public async Task<Sample> MeasureAsync(
        CatalogHost host, Operation operation, Workload workload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workload);
        var payload = operation switch
        {
            Operation.Create => BatchPayloads.Create(workload.New),
            Operation.Update => BatchPayloads.Update(workload.Existing),
            _ => BatchPayloads.Delete(workload.Existing),
        };

        var counter = host.Counter;
        counter.Reset();
        var (span, answer) = await BatchApi.PostAsync(host.Client, payload, workload.Size, cancellationToken);
        answer.Dispose();
        return new Sample(span, counter.Reads, counter.Writes);
    }
}
