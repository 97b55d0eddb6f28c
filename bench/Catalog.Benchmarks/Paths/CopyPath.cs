using Catalog.Benchmarks.Data;
using Catalog.Benchmarks.Hosting;

namespace Catalog.Benchmarks.Paths;

/// <summary>
/// The floor for creates on PostgreSQL: Npgsql's binary COPY on the API's migrated database
/// (<see cref="CopyInserter"/>), the rows of Medusa-shaped products, to compare with medusa and canonical-medusa.
/// </summary>
internal sealed class CopyPath : IBenchPath
{
    public string Name => "copy";

    public bool Supports(Operation operation) => operation == Operation.Create;

    public bool RunsOn(string database) => database == "postgres";

    public int Runs(BenchOptions options) => options.Runs;

    public int WarmUpSize(int largestSize) => largestSize;

    public async Task WarmUpAsync(CatalogHost host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        var ids = await IdBase.NextFreeOnPostgresAsync(host.ConnectionString, cancellationToken);
        await CopyInserter.InsertAsync(host.ConnectionString, ProductSpec.Many(1, "warm"), ids, cancellationToken);
    }

    public async Task<TimedCall> PrepareAsync(
        CatalogHost host, Operation operation, IReadOnlyList<ProductSpec> specs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        var ids = await IdBase.NextFreeOnPostgresAsync(host.ConnectionString, cancellationToken);
        return async ct =>
        {
            var meter = new Meter();
            var statements = await CopyInserter.InsertAsync(host.ConnectionString, specs, ids, ct);
            // Three COPYs, one round trip each; a product, two variants and two prices each.
            return new Sample(meter.Stop(), 0, statements) { RoundTrips = statements, RowsWritten = specs.Count * 5L };
        };
    }
}
