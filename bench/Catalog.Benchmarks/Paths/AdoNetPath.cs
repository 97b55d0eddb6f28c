using Catalog.Benchmarks.Data;
using Catalog.Benchmarks.Hosting;
using Microsoft.Data.Sqlite;

namespace Catalog.Benchmarks.Paths;

/// <summary>
/// The floor for creates: raw Microsoft.Data.Sqlite on the API's migrated database, with its settings (WAL, foreign
/// keys).
/// </summary>
internal sealed class AdoNetPath : IBenchPath
{
    public string Name => "ado.net";

    public bool Supports(Operation operation) => operation == Operation.Create;

    public bool RunsOn(string database) => database == "sqlite";

    public int Runs(BenchOptions options) => options.Runs;

    public int WarmUpSize(int largestSize) => largestSize;

    public Task WarmUpAsync(CatalogHost host, CancellationToken cancellationToken)
    {
        var ids = IdBase.NextFree(host.ConnectionString);
        AdoNetInserter.Insert(ConnectionString(host), ProductSpec.Many(1, "warm"), ids);
        return Task.CompletedTask;
    }

    public Task<TimedCall> PrepareAsync(
        CatalogHost host, Operation operation, IReadOnlyList<ProductSpec> specs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        var ids = IdBase.NextFree(host.ConnectionString);
        var connectionString = ConnectionString(host);
        return Task.FromResult<TimedCall>(_ =>
        {
            var meter = new Meter();
            var statements = AdoNetInserter.Insert(connectionString, specs, ids);
            // One row per statement, each a call into SQLite.
            return Task.FromResult(
                new Sample(meter.Stop(), 0, statements) { RoundTrips = statements, RowsWritten = statements });
        });
    }

    /// <summary>
    /// The API opens SQLite with foreign keys on and pooling; the floor pays the same foreign-key checks.
    /// </summary>
    private static string ConnectionString(CatalogHost host) =>
        new SqliteConnectionStringBuilder(host.ConnectionString) { ForeignKeys = true, Pooling = true }.ToString();
}
