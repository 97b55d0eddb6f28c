using Catalog.Application.Common;
using Catalog.Application.Common.Batches;
using Catalog.Domain.Products;
using Catalog.Domain.Wholesale;
using Catalog.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Infrastructure.Tests.Persistence.Writing;

/// <summary>
/// What the database itself guards for wholesale rows, when the engine's checks are bypassed (as a concurrent writer
/// would bypass them): a role still named cannot be deleted, and a row cannot name a role that does not exist.
/// </summary>
public abstract class WholesaleWriterTests(CatalogApiFactory factory) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Apply_DeleteOfARoleAVariantNames_FailsWithConflictAndKeepsIt()
    {
        var (role, variant) = await SeedAsync();
        await WriteAsync(new PlannedItem(0, [new InsertRow(new WholesaleVisibility(variant.Id, role.Key))]));

        var outcome = await WriteAsync(new PlannedItem(0, [new DeleteRow(role, MustExist: true)]));

        outcome.Failures.Should().ContainKey(0).WhoseValue.Code.Should().Be(ErrorCodes.Conflict);
        (await factory.QueryAsync(db => db.Set<WholesaleRole>().CountAsync())).Should().Be(1);
    }

    [Fact]
    public async Task Apply_RowNamingAMissingRole_FailsWithReferenceNotFound()
    {
        var (_, variant) = await SeedAsync();

        var outcome = await WriteAsync(
            new PlannedItem(0, [new InsertRow(new WholesalePrice(variant.Id, "ghost", "usd", 1m, null))]),
            new PlannedItem(1, [new InsertRow(new WholesalePrice(variant.Id, "gold", "usd", 2m, null))]));

        outcome.Failures.Keys.Should().Equal(0);
        outcome.Failures[0].Code.Should().Be(ErrorCodes.ReferenceNotFound);
        var roles = await factory.QueryAsync(db => db.Set<WholesalePrice>().Select(p => p.Role).ToListAsync());
        roles.Should().Equal("gold");
    }

    [Fact]
    public async Task Apply_DeleteOfAVariant_TakesItsWholesaleRows()
    {
        var (role, variant) = await SeedAsync();
        await WriteAsync(new PlannedItem(0,
        [
            new InsertRow(new WholesalePrice(variant.Id, role.Key, "usd", 1m, null)),
            new InsertRow(new WholesaleOrderQuantity(variant.Id, role.Key, 2, 2)),
            new InsertRow(new WholesaleVisibility(variant.Id, role.Key)),
            new InsertRow(
                new WholesaleDiscountRule(variant.Id, 0, role.Key, 1, null, DiscountPriceType.Percent, 5m, null)),
        ]));

        await WriteAsync(new PlannedItem(0, [new DeleteRow(variant, MustExist: true)]));

        var left = await factory.QueryAsync(async db =>
            await db.Set<WholesalePrice>().CountAsync()
            + await db.Set<WholesaleOrderQuantity>().CountAsync()
            + await db.Set<WholesaleVisibility>().CountAsync()
            + await db.Set<WholesaleDiscountRule>().CountAsync());
        left.Should().Be(0);
    }

    private async Task<(WholesaleRole Role, Variant Variant)> SeedAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var counts = new Dictionary<Type, int>
        {
            [typeof(Product)] = 1,
            [typeof(Variant)] = 1,
            [typeof(WholesaleRole)] = 1,
        };
        var ids = await scope.ServiceProvider.GetRequiredService<IIdAllocator>()
            .AllocateAsync(counts, CancellationToken.None);
        var product = Product.Create(
            ids.Next<Product>(), new ProductDetails { Handle = "shirt", Title = "Shirt" }, Now).Value;
        var variant = Variant.Create(ids.Next<Variant>(), product.Id, new VariantDetails { Title = "S" }, Now);
        var role = WholesaleRole.Create(
            ids.Next<WholesaleRole>(), new WholesaleRoleDetails { Key = "gold", Name = "Gold" }, Now).Value;
        var outcome = await WriteAsync(
            new PlannedItem(0, [new InsertRow(product), new InsertRow(variant), new InsertRow(role)]));
        outcome.Failures.Should().BeEmpty();
        return (role, variant);
    }

    private async Task<WriteOutcome> WriteAsync(params PlannedItem[] items)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var writer = scope.ServiceProvider.GetRequiredService<IBatchWriter>();
        return await writer.ApplyAsync(new WritePlan(items, BatchPolicy.Partial), CancellationToken.None);
    }
}

public sealed class WholesaleWriterTestsOnSqlite(SqliteApiFactory factory)
    : WholesaleWriterTests(factory), IClassFixture<SqliteApiFactory>;

public sealed class WholesaleWriterTestsOnPostgres(PostgresApiFactory factory)
    : WholesaleWriterTests(factory), IClassFixture<PostgresApiFactory>;

public sealed class WholesaleWriterTestsOnSqlServer(SqlServerApiFactory factory)
    : WholesaleWriterTests(factory), IClassFixture<SqlServerApiFactory>;
