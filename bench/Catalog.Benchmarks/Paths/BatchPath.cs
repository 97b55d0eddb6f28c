using Catalog.Benchmarks.Data;
using Catalog.Benchmarks.Hosting;

namespace Catalog.Benchmarks.Paths;

/// <summary>
/// The product under test: all N items in one <c>POST /api/v1/products/batch</c> over loopback HTTP. Its shape is
/// the canonical one (2 prices a variant, updates change the first variant's prices), or with <see cref="Shape"/>
/// Medusa's (canonical-medusa: one usd price a variant, updates change every variant's price), to compare like for
/// like with the Medusa dialect.
/// </summary>
internal sealed class BatchPath(ProductShape shape) : IBenchPath
{
    public string Name => shape == ProductShape.Canonical ? "batch" : "canonical-medusa";

    public ProductShape Shape => shape;

    public bool Supports(Operation operation) => true;

    public bool RunsOn(string database) => true;

    public int Runs(BenchOptions options) => options.Runs;

    public int WarmUpSize(int largestSize) => largestSize;

    public async Task WarmUpAsync(CatalogHost host, CancellationToken cancellationToken)
    {
        var seeded = await BatchApi.SeedAsync(host.Client, ProductSpec.Many(1, "warm"), shape, cancellationToken);
        var update = BatchPayloads.Update(seeded, shape);
        (await BatchApi.PostAsync(host.Client, update, 1, cancellationToken)).Answer.Dispose();
        (await BatchApi.PostAsync(host.Client, BatchPayloads.Delete(seeded), 1, cancellationToken)).Answer.Dispose();
    }

    public async Task<TimedCall> PrepareAsync(
        CatalogHost host, Operation operation, IReadOnlyList<ProductSpec> specs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        var payload = operation == Operation.Create
            ? BatchPayloads.Create(specs, shape)
            : await ExistingAsync(host, operation, specs, cancellationToken);
        return async ct =>
        {
            var counter = host.Counter;
            counter.Reset();
            var (span, answer) = await BatchApi.PostAsync(host.Client, payload, specs.Count, ct);
            answer.Dispose();
            return CounterReadings.Sample(span, counter);
        };
    }

    private async Task<byte[]> ExistingAsync(
        CatalogHost host, Operation operation, IReadOnlyList<ProductSpec> specs, CancellationToken cancellationToken)
    {
        var seeded = await BatchApi.SeedAsync(host.Client, specs, shape, cancellationToken);
        return operation == Operation.Update ? BatchPayloads.Update(seeded, shape) : BatchPayloads.Delete(seeded);
    }
}
