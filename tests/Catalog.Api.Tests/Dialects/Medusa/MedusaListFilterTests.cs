using Catalog.Testing;

namespace Catalog.Api.Tests.Dialects.Medusa;

/// <summary>
/// <c>GET /admin/products</c> with the filters Medusa's admin list takes, in the query-string forms the JS SDK writes
/// (<c>qs</c>: <c>id[0]=...</c>, <c>variants[sku]=...</c>, <c>created_at[$gte]=...</c>), applied by the database.
/// </summary>
public abstract class MedusaListFilterTests(CatalogApiFactory factory) : MedusaApiTest(factory)
{
    [Fact]
    public async Task List_ByHandle_AnswersThatProduct()
    {
        var created = await MedusaSeedAsync(MedusaProduct(), MedusaProduct());

        var (status, body) = await MedusaGetAsync($"{MedusaProducts}?handle={created[1].Str("handle")}");

        status.Should().Be(200, body.Text());
        body.Arr("products").Select(p => p.Str("id")).Should().Equal(created[1].Str("id"));
        body.Num("count").Should().Be(1);
    }

    [Fact]
    public async Task List_BySkuThroughVariants_AnswersTheProductOwningIt()
    {
        var created = await MedusaSeedAsync(MedusaProduct("FILTER-SKU-1"), MedusaProduct("FILTER-SKU-2"));

        var (status, body) = await MedusaGetAsync($"{MedusaProducts}?variants%5Bsku%5D=FILTER-SKU-2");

        status.Should().Be(200, body.Text());
        body.Arr("products").Select(p => p.Str("id")).Should().Equal(created[1].Str("id"));
    }

    [Fact]
    public async Task List_ByIdsOneUnknown_AnswersTheKnownOnesAndRefusesNothing()
    {
        var created = await MedusaSeedAsync(MedusaProduct(), MedusaProduct(), MedusaProduct());

        var (status, body) = await MedusaGetAsync(
            $"{MedusaProducts}?id%5B0%5D={created[0].Str("id")}&id%5B1%5D=prod_ABC&id%5B2%5D={created[2].Str("id")}");
        var (unknownStatus, unknown) = await MedusaGetAsync($"{MedusaProducts}?id=prod_ABC");

        status.Should().Be(200, body.Text());
        body.Arr("products").Select(p => p.Str("id")).Should().Equal(created[0].Str("id"), created[2].Str("id"));
        unknownStatus.Should().Be(200, unknown.Text());
        unknown.Arr("products").Should().BeEmpty("an id Catalog did not issue names no product");
        unknown.Num("count").Should().Be(0);
    }

    [Fact]
    public async Task List_ByQTitleAndStatuses_AnswersTheMatchingProducts()
    {
        var shirt = MedusaProduct();
        shirt["title"] = "Linen shirt";
        shirt["status"] = "published";
        var coat = MedusaProduct();
        coat["title"] = "Wool coat";
        coat["status"] = "proposed";
        var created = await MedusaSeedAsync(shirt, coat, MedusaProduct());

        var (status, byQ) = await MedusaGetAsync($"{MedusaProducts}?q=linen");
        var (_, byTitle) = await MedusaGetAsync($"{MedusaProducts}?title=Wool%20coat");
        var (_, byStatuses) = await MedusaGetAsync($"{MedusaProducts}?status%5B0%5D=published&status%5B1%5D=proposed");

        status.Should().Be(200, byQ.Text());
        byQ.Arr("products").Select(p => p.Str("id")).Should().Equal(created[0].Str("id"));
        byTitle.Arr("products").Select(p => p.Str("id")).Should().Equal(created[1].Str("id"));
        byStatuses.Arr("products").Select(p => p.Str("id")).Should().Equal(created[0].Str("id"), created[1].Str("id"));
    }

    [Fact]
    public async Task List_ByTagsAndCategories_AnswersTheMatchingProducts()
    {
        var category = (await SeedCategoriesAsync(new CategoryBuilder()))[0].Num("id");
        var tagged = MedusaProduct();
        tagged["tags"] = new[] { new Dictionary<string, object?> { ["id"] = "summer" } };
        var filed = MedusaProduct();
        filed["categories"] = new[] { new Dictionary<string, object?> { ["id"] = $"pcat_{category}" } };
        var created = await MedusaSeedAsync(tagged, filed, MedusaProduct());

        var (status, byTag) = await MedusaGetAsync($"{MedusaProducts}?tag_id=summer");
        var (_, byTagValue) = await MedusaGetAsync($"{MedusaProducts}?tags%5Bvalue%5D%5B0%5D=summer");
        var (_, byCategories) = await MedusaGetAsync(
            $"{MedusaProducts}?category_id%5B0%5D=pcat_{category}&category_id%5B1%5D=pcat_x");

        status.Should().Be(200, byTag.Text());
        byTag.Arr("products").Select(p => p.Str("id")).Should().Equal(created[0].Str("id"));
        byTagValue.Arr("products").Select(p => p.Str("id")).Should().Equal(created[0].Str("id"));
        byCategories.Arr("products").Select(p => p.Str("id")).Should().Equal(created[1].Str("id"));
    }

    [Fact]
    public async Task List_ByCreationRangeNewestFirst_AnswersThoseInTheRangeInThatOrder()
    {
        var older = (await MedusaSeedAsync(MedusaProduct()))[0];
        var newer = (await MedusaSeedAsync(MedusaProduct()))[0];
        var newest = (await MedusaSeedAsync(MedusaProduct()))[0];
        var from = Uri.EscapeDataString(newer.Str("created_at")!);
        var to = Uri.EscapeDataString(newest.Str("created_at")!);

        var (status, body) = await MedusaGetAsync(
            $"{MedusaProducts}?created_at%5B%24gte%5D={from}&created_at%5B%24lte%5D={to}&order=-created_at");
        var (_, before) = await MedusaGetAsync($"{MedusaProducts}?created_at%5B%24lt%5D={from}");
        var (_, updated) = await MedusaGetAsync($"{MedusaProducts}?updated_at%5B%24gt%5D={to}");

        status.Should().Be(200, body.Text());
        body.Arr("products").Select(p => p.Str("id")).Should().Equal(newest.Str("id"), newer.Str("id"));
        before.Arr("products").Select(p => p.Str("id")).Should().Equal(older.Str("id"));
        updated.Arr("products").Should().BeEmpty();
    }
}

public sealed class MedusaListFilterTestsOnSqlite(SqliteApiFactory f)
    : MedusaListFilterTests(f), IClassFixture<SqliteApiFactory>;

public sealed class MedusaListFilterTestsOnPostgres(PostgresApiFactory f)
    : MedusaListFilterTests(f), IClassFixture<PostgresApiFactory>;

public sealed class MedusaListFilterTestsOnSqlServer(SqlServerApiFactory f)
    : MedusaListFilterTests(f), IClassFixture<SqlServerApiFactory>;
