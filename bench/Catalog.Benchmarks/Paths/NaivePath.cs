using Catalog.Benchmarks.Data;
using Catalog.Benchmarks.Hosting;

namespace Catalog.Benchmarks.Paths;

/// <summary>
/// The baseline: the same N items in-process, each in its own DbContext and SaveChanges (no HTTP at all).
/// </summary>
internal sealed class NaivePath : IBenchPath
{
    public string Name => "naive";

    public bool Supports(Operation operation) => true;

    /// <summary>SQLite only: its hand-assigned ids are read with SQLite's client (<see cref="IdBase"/>).</summary>
    public bool RunsOn(string database) => database == "sqlite";

    public int Runs(BenchOptions options) => options.NaiveRuns;

    /// <summary>
    /// Its code runs once per item, so 100 items call every method often enough to be fully optimised.
    /// </summary>
    public int WarmUpSize(int largestSize) => Math.Min(largestSize, 100);

    public async Task WarmUpAsync(CatalogHost host, CancellationToken cancellationToken)
    {
        var spec = new ProductSpec(0, "warm");
        var ids = IdBase.NextFree(host.ConnectionString);
        await NaiveEf.CreateAsync(host.Services, spec, ids, cancellationToken);
        var stored = new SeededProduct(spec, ids.ProductId(spec), [ids.VariantId(spec, 0), ids.VariantId(spec, 1)]);
        await NaiveEf.UpdateAsync(host.Services, stored, cancellationToken);
        await NaiveEf.DeleteAsync(host.Services, stored.Id, cancellationToken);
    }

    public async Task<TimedCall> PrepareAsync(
        CatalogHost host, Operation operation, IReadOnlyList<ProductSpec> specs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        var existing = operation == Operation.Create
            ? []
            : await BatchApi.SeedAsync(host.Client, specs, ProductShape.Canonical, cancellationToken);
        var workload = new Workload(operation == Operation.Create ? specs : [], existing);
        return ct => MeasureAsync(host, operation, workload, ct);
    }

    private static async Task<Sample> MeasureAsync(
        CatalogHost host, Operation operation, Workload workload, CancellationToken cancellationToken)
    {
        var ids = IdBase.NextFree(host.ConnectionString);
        var counter = host.Counter;
        counter.Reset();
        var meter = new Meter();
        switch (operation)
        {
            case Operation.Create:
                foreach (var spec in workload.New)
                {
                    await NaiveEf.CreateAsync(host.Services, spec, ids, cancellationToken);
                }

                break;
            case Operation.Update:
                foreach (var product in workload.Existing)
                {
                    await NaiveEf.UpdateAsync(host.Services, product, cancellationToken);
                }

                break;
            default:
                foreach (var product in workload.Existing)
                {
                    await NaiveEf.DeleteAsync(host.Services, product.Id, cancellationToken);
                }

                break;
        }

        return CounterReadings.Sample(meter.Stop(), counter);
    }
}
