using Catalog.Benchmarks.Data;

namespace Catalog.Benchmarks.Paths;

/// <summary>
/// What the naive path's timed call works on: new products to create, or products already stored to update or delete.
/// </summary>
internal sealed record Workload(IReadOnlyList<ProductSpec> New, IReadOnlyList<SeededProduct> Existing);
