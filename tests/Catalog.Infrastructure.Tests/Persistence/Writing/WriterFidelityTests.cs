using System.Data.Common;
using Catalog.Application.Common.Batches;
using Catalog.Domain.Categories;
using Catalog.Domain.Products;
using Catalog.Domain.Wholesale;
using Catalog.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StoredRow = System.Collections.Generic.Dictionary<string, (System.Type Type, object Value)>;

namespace Catalog.Infrastructure.Tests.Persistence.Writing;

/// <summary>
/// The batch writer binds values itself (on SQLite straight through SQLite's own API), so it must store every column
/// exactly as EF Core's SaveChanges stores it: same storage type, same text for decimals, dates, enums and JSON.
/// Otherwise EF would read back something else, or a filter on a column would miss rows the writer wrote.
/// </summary>
public abstract class WriterFidelityTests(CatalogApiFactory factory) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now =
        new DateTimeOffset(2026, 12, 1, 9, 30, 15, 123, TimeSpan.Zero).AddTicks(4567);

    /// <summary>
    /// Columns that must differ between the two copies: keys, the links between them, and unique values.
    /// </summary>
    private static readonly HashSet<string> Distinct = ["id", "product_id", "variant_id", "handle", "sku"];

    private static readonly string[] Tables =
    [
        "products", "product_categories", "variants", "variant_prices", "variant_wholesale_prices",
        "variant_wholesale_order_quantities", "variant_wholesale_visibility", "variant_wholesale_discount_rules",
    ];

    /// <summary>
    /// Enough rows (about 400 statements) that the SQLite writer converts values on several threads, as it does for
    /// large batches.
    /// </summary>
    private const int WriterCopies = 40;

    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Apply_EveryColumnType_StoresWhatSaveChangesStores()
    {
        var ids = await ReserveAsync();
        var category = Category.Create(
            ids.Next<Category>(), new CategoryDetails { Name = "Shirts", Handle = "shirts" }, Now);
        var role = WholesaleRole.Create(
            ids.Next<WholesaleRole>(), new WholesaleRoleDetails { Key = "gold", Name = "Gold" }, Now).Value;
        await factory.QueryAsync(async db =>
        {
            db.AddRange(category, role);
            return await db.SaveChangesAsync();
        });

        var byEf = Graph(ids, "ef", category.Id, role.Key);
        await factory.QueryAsync(async db =>
        {
            db.AddRange(byEf);
            return await db.SaveChangesAsync();
        });
        // Enough copies that the writer also groups inserts (several rows a statement on SQLite), not only single ones.
        var byWriter = Enumerable.Range(0, WriterCopies)
            .SelectMany(i => Graph(ids, $"writer-{i}", category.Id, role.Key))
            .ToList();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var item = new PlannedItem(0, [.. byWriter.Select(row => new InsertRow(row))]);
            var outcome = await scope.ServiceProvider.GetRequiredService<IBatchWriter>()
                .ApplyAsync(new WritePlan([item], BatchPolicy.Atomic), CancellationToken.None);
            outcome.Failures.Should().BeEmpty();
        }

        foreach (var table in Tables)
        {
            var rows = await RowsAsync(table);
            var perCopy = rows.Count / (WriterCopies + 1);
            rows.Should().NotBeEmpty()
                .And.HaveCount(perCopy * (WriterCopies + 1), $"{table} holds the same rows from each copy");
            for (var i = perCopy; i < rows.Count; i++)
            {
                var (ef, writer) = (rows[i % perCopy], rows[i]);
                foreach (var column in ef.Keys.Where(c => !Distinct.Contains(c)))
                {
                    writer[column].Should()
                        .Be(ef[column], $"{table}.{column} (row {i}) is stored as SaveChanges stores it");
                }
            }
        }
    }

    /// <summary>
    /// A product holding every kind of value a column can take, and its children; "ef" and "writer" differ only in keys
    /// and unique values.
    /// </summary>
    private static List<object> Graph(IdPool ids, string name, long categoryId, string role)
    {
        var product = Product.Create(ids.Next<Product>(), new ProductDetails
        {
            Handle = $"shirt-{name}",
            Title = "Shirt",
            Subtitle = "Cotton",
            Description = "A shirt, ünïcode included.",
            Status = ProductStatus.Published,
            Thumbnail = "https://example.com/t.png",
            Images = [new ProductImage("https://example.com/1.png")],
            Tags = ["summer", "cotton"],
            Options = [new ProductOption("Size", ["S", "M"], AttributeId: null, Visible: false, Variation: true)],
            Metadata = """{"a": 1.50, "b": [true, null]}""",
            Extensions = """{"woocommerce": {"type": "variable"}}""",
            Weight = 1.50m,
            Length = 0.001m,
            Width = 12m,
            Height = 123456.789m,
            ExternalId = "ext-1",
        }, Now).Value;
        var (_, links) = product.SetCategories([categoryId]);
        var variant = Variant.Create(ids.Next<Variant>(), product.Id, new VariantDetails
        {
            Title = "S",
            Sku = $"SHIRT-{name}",
            Barcode = string.Empty,
            Ean = "4006381333931",
            Upc = "036000291452",
            StockQuantity = 0,
            ManageInventory = true,
            AllowBackorder = false,
            Options = new Dictionary<string, string> { ["Size"] = "S" },
            Rank = 2,
            Metadata = "{}",
            Extensions = """{"medusa": {"x": "y"}}""",
        }, Now);
        return
        [
            product, .. links, variant,
            new VariantPrice(ids.Next<VariantPrice>(), variant.Id, "usd", 19.00m, null, null, saleAmount: 17.5m),
            new VariantPrice(ids.Next<VariantPrice>(), variant.Id, "usd", 0.0001m, 10, 99),
            new WholesalePrice(variant.Id, role, "usd", 12.345m, 11m),
            new WholesaleOrderQuantity(variant.Id, role, 5, 5),
            new WholesaleVisibility(variant.Id, role),
            new WholesaleDiscountRule(variant.Id, 0, role, 10, 20, DiscountPriceType.Fixed, 1.25m, "usd"),
        ];
    }

    private async Task<IdPool> ReserveAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IIdAllocator>().AllocateAsync(
            new Dictionary<Type, int>
            {
                [typeof(Category)] = 1,
                [typeof(WholesaleRole)] = 1,
                [typeof(Product)] = WriterCopies + 1,
                [typeof(Variant)] = WriterCopies + 1,
                [typeof(VariantPrice)] = 2 * (WriterCopies + 1),
            },
            CancellationToken.None);
    }

    /// <summary>
    /// Every row of a table as stored, each value with its own type (on SQLite, the type the value is stored as).
    /// </summary>
    private Task<List<StoredRow>> RowsAsync(string table) => factory.QueryAsync(async db =>
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        // Rows in insertion order: the SaveChanges copy went in first.
        var order = db.Database.IsSqlite() ? "rowid" : "ctid";
        command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY {order}";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<StoredRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => Stored(reader, i)));
        }

        return rows;
    });

    private static (Type, object) Stored(DbDataReader reader, int column)
    {
        var value = reader.GetValue(column);
        return (value.GetType(), value);
    }
}

public sealed class WriterFidelityTestsOnSqlite(SqliteApiFactory factory)
    : WriterFidelityTests(factory), IClassFixture<SqliteApiFactory>;

public sealed class WriterFidelityTestsOnPostgres(PostgresApiFactory factory)
    : WriterFidelityTests(factory), IClassFixture<PostgresApiFactory>;

public sealed class WriterFidelityTestsOnSqlServer(SqlServerApiFactory factory)
    : WriterFidelityTests(factory), IClassFixture<SqlServerApiFactory>;
