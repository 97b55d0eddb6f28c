using Catalog.Benchmarks.Data;
using Catalog.Benchmarks.Hosting;

namespace Catalog.Benchmarks.Paths;

/// <summary>The timed part of one run, set up and ready: it measures exactly one call.</summary>
internal delegate Task<Sample> TimedCall(CancellationToken cancellationToken);

/// <summary>
/// One way of writing the same products: the canonical batch endpoint, the Medusa dialect, EF one item at a time, or
/// the raw floors (ADO.NET on SQLite, binary COPY on PostgreSQL).
/// </summary>
internal interface IBenchPath
{
    string Name { get; }

    bool Supports(Operation operation);

    /// <summary>Whether the path runs on this database (sqlite, postgres).</summary>
    bool RunsOn(string database);

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

    /// <summary>
    /// Untimed: stores what an update or a delete needs (through the path's own API, so it knows the ids as its
    /// clients would) and writes the request body; answers the call to time. The tables are empty when it starts.
    /// </summary>
    Task<TimedCall> PrepareAsync(
        CatalogHost host, Operation operation, IReadOnlyList<ProductSpec> specs, CancellationToken cancellationToken);
}
