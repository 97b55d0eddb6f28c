using Catalog.Benchmarks.Hosting;

namespace Catalog.Benchmarks.Paths;

/// <summary>One way of writing the same products: the batch endpoint, EF one item at a time, or raw ADO.NET.</summary>
internal interface IBenchPath
{
    string Name { get; }

    bool Supports(Operation operation);

    int Runs(BenchOptions options);

    /// <summary>
    /// How many items the process-wide warm-up pass sends through this path, given the largest size measured.
    /// </summary>
    int WarmUpSize(int largestSize);

    /// <summary>
    /// Untimed: one item of each supported operation on rows of its own, so the timed call meets JIT-compiled code,
    /// this host's compiled EF queries and an open pooled connection, as a long-running API would.
    /// </summary>
    Task WarmUpAsync(CatalogHost host, CancellationToken cancellationToken);

    Task<Sample> MeasureAsync(
        CatalogHost host, Operation operation, Workload workload, CancellationToken cancellationToken);
}
