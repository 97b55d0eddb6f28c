using System.Diagnostics;
using Catalog.Application.Common.Batches;
using Catalog.Application.Products;
using Catalog.Domain.Products;
using Catalog.Infrastructure.Persistence;
using Catalog.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Infrastructure.Tests.Persistence.Stores;

/// <summary>
/// A batch's load reads a product and then its children in several queries. Inside a snapshot they must all see one
/// state, or a plan merges a list against a product version that never had it.
/// </summary>
public abstract class SnapshotReadsTests(CatalogApiFactory factory) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    private int _written;

    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task GetMany_WhileAWriterChangesProductAndVariantTogether_NeverReadsThemAtTwoVersions()
    {
        var (productId, variantId) = await SeedAsync();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var writes = Task.Run(() => KeepChangingAsync(productId, variantId, stop.Token));
        var reads = 0;
        var torn = new List<string>();

        // Until both sides have done enough, whatever the machine's load; bounded in time all the same.
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(45) && (reads < 100 || Volatile.Read(ref _written) < 20))
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var snapshots = scope.ServiceProvider.GetRequiredService<ISnapshotReads>();
            var store = scope.ServiceProvider.GetRequiredService<IProductStore>();
            Product product;
            await using (await snapshots.BeginAsync(CancellationToken.None))
            {
                product = (await store.GetManyAsync([productId], CancellationToken.None)).Single();
            }

            reads++;
            var title = product.Variants.Single().Title;
            if (title != $"v{product.Version}")
            {
                torn.Add($"product at version {product.Version} with variant titled {title}");
            }
        }

        await stop.CancelAsync();
        var written = await writes;
        written.Should().BeGreaterThan(10, "the writer must change the rows while they are read");
        reads.Should().BeGreaterThan(10);
        torn.Should().BeEmpty();
    }

    private async Task<(long ProductId, long VariantId)> SeedAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        var product = Product.Create(1, new ProductDetails { Handle = "shirt", Title = "Shirt" }, Now).Value;
        product.AddVariant(Variant.Create(1, 1, new VariantDetails { Title = "v1" }, Now), Now);
        db.Products.Add(product);
        await db.SaveChangesAsync();
        return (product.Id, product.Variants[0].Id);
    }

    /// <summary>
    /// Moves the product to the next version and renames its variant after it, both in one transaction.
    /// </summary>
    private async Task<int> KeepChangingAsync(long productId, long variantId, CancellationToken stop)
    {
        var version = 1;
        while (!stop.IsCancellationRequested)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
            version++;
            await db.Database.ExecuteSqlAsync(
                $"UPDATE products SET version = {version} WHERE id = {productId}", CancellationToken.None);
            await db.Database.ExecuteSqlAsync(
                $"UPDATE variants SET title = {"v" + version} WHERE id = {variantId}", CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
            Interlocked.Increment(ref _written);
        }

        return version - 1;
    }
}

public sealed class SnapshotReadsTestsOnSqlite(SqliteApiFactory factory)
    : SnapshotReadsTests(factory), IClassFixture<SqliteApiFactory>;

public sealed class SnapshotReadsTestsOnPostgres(PostgresApiFactory factory)
    : SnapshotReadsTests(factory), IClassFixture<PostgresApiFactory>;

public sealed class SnapshotReadsTestsOnSqlServer(SqlServerApiFactory factory)
    : SnapshotReadsTests(factory), IClassFixture<SqlServerApiFactory>;
