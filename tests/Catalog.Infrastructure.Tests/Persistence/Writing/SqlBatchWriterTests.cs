using Catalog.Application.Common;
using Catalog.Application.Common.Batches;
using Catalog.Domain.Products;
using Catalog.Infrastructure.Persistence;
using Catalog.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Infrastructure.Tests.Persistence.Writing;

/// <summary>
/// The writer's own guarantees, for failures only the database can find (the engine's checks are bypassed here, as a
/// concurrent writer would bypass them): a refused item fails alone under partial policy, and sinks all under atomic.
/// </summary>
public abstract class SqlBatchWriterTests(CatalogApiFactory factory) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Apply_PartialPlanWithDatabaseConflicts_WritesTheRestAndNamesEachFailure()
    {
        var ids = await ReserveAsync(products: 4, variants: 1);
        await WriteAsync(BatchPolicy.Partial, Insert(ids.Next<Product>(), "taken"));
        var orphan = Variant.Create(
            ids.Next<Variant>(), productId: 987_654, new VariantDetails { Title = "orphan" }, Now);

        var outcome = await WriteAsync(
            BatchPolicy.Partial,
            Insert(ids.Next<Product>(), "fresh"),
            Insert(ids.Next<Product>(), "taken"),
            new PlannedItem(2, [new InsertRow(orphan)]),
            Insert(ids.Next<Product>(), "also-fresh", key: 3));

        outcome.Failures.Keys.Should().BeEquivalentTo([1, 2]);
        outcome.Failures[1].Code.Should().Be(ErrorCodes.DuplicateHandle);
        outcome.Failures[2].Code.Should().Be(ErrorCodes.ReferenceNotFound);
        (await HandlesAsync()).Should().BeEquivalentTo(["taken", "fresh", "also-fresh"]);
        (await factory.QueryAsync(db => db.Variants.CountAsync())).Should().Be(0);
    }

    [Fact]
    public async Task Apply_ConflictAmongManyInsertsOfOneTable_FailsOnlyThatItem()
    {
        // Enough rows of one table that SQLite's writer inserts them several to a statement.
        var ids = await ReserveAsync(products: 41, variants: 0);
        await WriteAsync(BatchPolicy.Partial, Insert(ids.Next<Product>(), "taken"));
        var items = Enumerable.Range(0, 40)
            .Select(i => new PlannedItem(
                i, [new InsertRow(NewProduct(ids.Next<Product>(), i == 23 ? "taken" : $"p-{i}"))]))
            .ToArray();

        var outcome = await WriteAsync(BatchPolicy.Partial, items);

        outcome.Failures.Keys.Should().Equal(23);
        outcome.Failures[23].Code.Should().Be(ErrorCodes.DuplicateHandle);
        (await HandlesAsync()).Should()
            .HaveCount(40).And.Contain(["taken", "p-0", "p-22", "p-24", "p-39"]).And.NotContain("p-23");
    }

    [Fact]
    public async Task Apply_AtomicPlanWithOneConflict_WritesNothing()
    {
        var ids = await ReserveAsync(products: 3, variants: 0);
        await WriteAsync(BatchPolicy.Partial, Insert(ids.Next<Product>(), "taken"));

        var outcome = await WriteAsync(
            BatchPolicy.Atomic, Insert(ids.Next<Product>(), "fresh"), Insert(ids.Next<Product>(), "taken"));

        outcome.Failures.Should().ContainKey(1).WhoseValue.Code.Should().Be(ErrorCodes.DuplicateHandle);
        (await HandlesAsync()).Should().BeEquivalentTo(["taken"]);
    }

    [Fact]
    public async Task Apply_UpdateWithStaleVersion_FailsWithConflictAndLeavesTheRow()
    {
        var ids = await ReserveAsync(products: 1, variants: 0);
        var id = ids.Next<Product>();
        await WriteAsync(BatchPolicy.Partial, Insert(id, "shirt"));
        var stale = NewProduct(id, "shirt", title: "Renamed");
        stale.Update(stale.Details, Now);

        var outcome = await WriteAsync(
            BatchPolicy.Partial, new PlannedItem(0, [new UpdateRow(stale, ExpectedVersion: 41)]));

        outcome.Failures[0].Code.Should().Be(ErrorCodes.Conflict);
        (await factory.QueryAsync(db => db.Products.Select(p => p.Title).SingleAsync())).Should().Be("Shirt");
    }

    [Fact]
    public async Task Apply_StaleVersionAmongManyUpdatesOfOneTable_FailsOnlyThatItem()
    {
        // PostgreSQL writes the five updates as one statement; the one that finds no row at its version fails alone.
        var ids = await ReserveAsync(products: 5, variants: 0);
        var stored = Enumerable.Range(0, 5).Select(i => NewProduct(ids.Next<Product>(), $"p-{i}")).ToList();
        await WriteAsync(BatchPolicy.Partial, [.. stored.Select((p, i) => new PlannedItem(i, [new InsertRow(p)]))]);
        var items = stored.Select((p, i) =>
        {
            var renamed = NewProduct(p.Id, p.Handle, title: $"Renamed {i}");
            var expected = i == 3 ? 41 : renamed.Version;
            renamed.Update(renamed.Details, Now);
            return new PlannedItem(i, [new UpdateRow(renamed, expected)]);
        }).ToArray();

        var outcome = await WriteAsync(BatchPolicy.Partial, items);

        outcome.Failures.Keys.Should().Equal(3);
        outcome.Failures[3].Code.Should().Be(ErrorCodes.Conflict);
        (await factory.QueryAsync(db => db.Products.OrderBy(p => p.Id).Select(p => p.Title).ToListAsync()))
            .Should().Equal("Renamed 0", "Renamed 1", "Renamed 2", "Shirt", "Renamed 4");
    }

    [Fact]
    public async Task Apply_MissingRowAmongManyDeletesThatMustExist_FailsOnlyThatItem()
    {
        var ids = await ReserveAsync(products: 4, variants: 0);
        var stored = Enumerable.Range(0, 3).Select(i => NewProduct(ids.Next<Product>(), $"p-{i}")).ToList();
        await WriteAsync(BatchPolicy.Partial, [.. stored.Select((p, i) => new PlannedItem(i, [new InsertRow(p)]))]);
        var ghost = NewProduct(ids.Next<Product>(), "ghost");

        var deletes = stored.Take(2).Append(ghost)
            .Select((p, i) => new PlannedItem(i, [new DeleteRow(p, MustExist: true)]));

        var outcome = await WriteAsync(BatchPolicy.Partial, [.. deletes]);

        outcome.Failures.Keys.Should().Equal(2);
        outcome.Failures[2].Code.Should().Be(ErrorCodes.NotFound);
        (await HandlesAsync()).Should().Equal("p-2");
    }

    [Fact]
    public async Task Apply_DeleteOfMissingRowThatMustExist_FailsWithNotFound()
    {
        var ids = await ReserveAsync(products: 1, variants: 0);
        var ghost = NewProduct(ids.Next<Product>(), "ghost", title: "Ghost");

        var outcome = await WriteAsync(
            BatchPolicy.Partial, new PlannedItem(0, [new DeleteRow(ghost, MustExist: true)]));

        outcome.Failures[0].Code.Should().Be(ErrorCodes.NotFound);
    }

    [Fact]
    public async Task Apply_WhileAnotherTransactionHoldsTheWriteLock_WaitsForItAndWrites()
    {
        var ids = await ReserveAsync(products: 2, variants: 0);
        await WriteAsync(BatchPolicy.Partial, Insert(ids.Next<Product>(), "taken"));
        await using var scope = factory.Services.CreateAsyncScope();
        var other = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        await using var holding = await other.Database.BeginTransactionAsync();
        await other.Database.ExecuteSqlAsync($"UPDATE products SET title = 'Held' WHERE handle = 'taken'");

        var fresh = Insert(ids.Next<Product>(), "fresh");
        var write = Task.Run(() => WriteAsync(BatchPolicy.Partial, fresh));
        await Task.WhenAny(write, Task.Delay(TimeSpan.FromMilliseconds(500)));
        if (factory.Provider == "Sqlite")
        {
            // SQLite has one writer at a time: the batch waits for the lock (busy handling), it does not fail.
            write.IsCompleted.Should().BeFalse();
        }

        await holding.CommitAsync();
        (await write).Failures.Should().BeEmpty();
        (await HandlesAsync()).Should().BeEquivalentTo(["taken", "fresh"]);
    }

    [Fact]
    public async Task Allocate_TwoRequests_NeverShareAnId()
    {
        var first = await ReserveAsync(products: 50, variants: 0);
        var second = await ReserveAsync(products: 50, variants: 0);

        var ids = Enumerable.Range(0, 50).Select(_ => first.Next<Product>())
            .Concat(Enumerable.Range(0, 50).Select(_ => second.Next<Product>()))
            .ToList();

        ids.Should().OnlyHaveUniqueItems().And.OnlyContain(id => id > 0);
    }

    private static PlannedItem Insert(long id, string handle, int? key = null) =>
        new(key ?? (handle == "fresh" ? 0 : 1), [new InsertRow(NewProduct(id, handle))]);

    private static Product NewProduct(long id, string handle, string title = "Shirt") =>
        Product.Create(id, new ProductDetails { Handle = handle, Title = title }, Now).Value;

    private async Task<IdPool> ReserveAsync(int products, int variants)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var allocator = scope.ServiceProvider.GetRequiredService<IIdAllocator>();
        var counts = new Dictionary<Type, int> { [typeof(Product)] = products, [typeof(Variant)] = variants };
        return await allocator.AllocateAsync(counts, CancellationToken.None);
    }

    private async Task<WriteOutcome> WriteAsync(BatchPolicy policy, params PlannedItem[] items)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var writer = scope.ServiceProvider.GetRequiredService<IBatchWriter>();
        return await writer.ApplyAsync(new WritePlan(items, policy), CancellationToken.None);
    }

    private Task<List<string>> HandlesAsync() =>
        factory.QueryAsync(db => db.Products.Select(p => p.Handle).ToListAsync());
}

public sealed class SqlBatchWriterTestsOnSqlite(SqliteApiFactory factory)
    : SqlBatchWriterTests(factory), IClassFixture<SqliteApiFactory>;

public sealed class SqlBatchWriterTestsOnPostgres(PostgresApiFactory factory)
    : SqlBatchWriterTests(factory), IClassFixture<PostgresApiFactory>;

public sealed class SqlBatchWriterTestsOnSqlServer(SqlServerApiFactory factory)
    : SqlBatchWriterTests(factory), IClassFixture<SqlServerApiFactory>;
