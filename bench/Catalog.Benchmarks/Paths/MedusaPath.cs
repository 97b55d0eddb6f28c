using Catalog.Benchmarks.Data;
using Catalog.Benchmarks.Hosting;

namespace Catalog.Benchmarks.Paths;

/// <summary>
/// The Medusa dialect: all N items in one <c>POST /admin/products/batch</c> over loopback HTTP, Medusa-shaped (see
/// <see cref="MedusaPayloads"/>); canonical-medusa sends the same products through the canonical route.
/// </summary>
internal sealed class MedusaPath : IBenchPath
{
    public string Name => "medusa";

    public bool Supports(Operation operation) => true;

    public bool RunsOn(string database) => true;

    public int Runs(BenchOptions options) => options.Runs;

    public int WarmUpSize(int largestSize) => largestSize;

    public async Task WarmUpAsync(CatalogHost host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        var warm = ProductSpec.Many(1, "warm");
        var seeded = await MedusaApi.SeedAsync(host.Client, host.ApiKey, warm, cancellationToken);
        foreach (var (operation, payload) in new[]
                 {
                     (Operation.Update, MedusaPayloads.Update(seeded)),
                     (Operation.Delete, MedusaPayloads.Delete(seeded)),
                 })
        {
            var (_, answer) = await MedusaApi.PostAsync(
                host.Client, host.ApiKey, payload, operation, 1, cancellationToken);
            answer.Dispose();
        }
    }

    public async Task<TimedCall> PrepareAsync(
        CatalogHost host, Operation operation, IReadOnlyList<ProductSpec> specs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        var payload = operation == Operation.Create
            ? MedusaPayloads.Create(specs)
            : await ExistingAsync(host, operation, specs, cancellationToken);
        return async ct =>
        {
            var counter = host.Counter;
            counter.Reset();
            var (span, answer) = await MedusaApi.PostAsync(
                host.Client, host.ApiKey, payload, operation, specs.Count, ct);
            using (answer)
            {
                if (operation == Operation.Update)
                {
                    MedusaApi.CheckUpdated(answer, specs);
                }
            }

            return CounterReadings.Sample(span, counter);
        };
    }

    private static async Task<byte[]> ExistingAsync(
        CatalogHost host, Operation operation, IReadOnlyList<ProductSpec> specs, CancellationToken cancellationToken)
    {
        var seeded = await MedusaApi.SeedAsync(host.Client, host.ApiKey, specs, cancellationToken);
        return operation == Operation.Update ? MedusaPayloads.Update(seeded) : MedusaPayloads.Delete(seeded);
    }
}
