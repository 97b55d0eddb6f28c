using Catalog.Testing;

namespace Catalog.Api.Tests.Dialects.Medusa;

/// <summary>
/// The single-item routes the JS SDK calls around the batch (<c>create</c>, <c>update</c>, <c>delete</c>,
/// <c>createVariant</c>, <c>updateVariant</c>, <c>deleteVariant</c>, <c>listVariants</c>), with Medusa's bodies and
/// status codes, through the same engine as the batch.
/// </summary>
public abstract class MedusaSingleItemTests(CatalogApiFactory factory) : MedusaApiTest(factory)
{
    [Fact]
    public async Task Create_OneProduct_Answers200WithTheProductAndStoresIt()
    {
        var product = MedusaProduct("SINGLE-1");

        var (status, body) = await MedusaPostAsync($"{MedusaProducts}?fields=id,title,*variants", product);

        status.Should().Be(200, body.Text());
        body!.AsObject().Select(p => p.Key).Should().Equal("product");
        body.Str("product.title").Should().Be((string)product["title"]!);
        body.Str("product.variants[0].sku").Should().Be("SINGLE-1");
        (await FindProductAsync(NumberOf(body.Str("product.id")!))).Should().NotBeNull();
    }

    [Fact]
    public async Task Create_BadBody_Answers400AtTheFieldAndWritesNothing()
    {
        var before = await CountRowsAsync();

        var (status, body) = await MedusaPostAsync(MedusaProducts, """{"title":42}""");

        status.Should().Be(400, body.Text());
        body.Str("type").Should().Be("invalid_data");
        body.Str("message").Should().Be("Validation error: Expected string, received number at \"title\"");
        (await CountRowsAsync()).Should().Be(before);
    }

    [Fact]
    public async Task Create_TakenSku_Answers400AtTheFieldWithoutABatchPlace()
    {
        await MedusaSeedAsync(MedusaProduct("SINGLE-TAKEN"));

        var (status, body) = await MedusaPostAsync(MedusaProducts, MedusaProduct("SINGLE-TAKEN"));

        status.Should().Be(400, body.Text());
        body.Str("message").Should().Contain("SINGLE-TAKEN").And.EndWith("at \"variants[0].sku\"");
    }

    [Fact]
    public async Task Update_KnownProduct_ChangesOnlyTheFieldsSentAndAnswersTheProduct()
    {
        var created = (await MedusaSeedAsync(MedusaProduct("SINGLE-2")))[0];
        var id = created.Str("id")!;

        var (status, body) = await MedusaPostAsync($"{MedusaProducts}/{id}", new { title = "Renamed", subtitle = "s" });

        status.Should().Be(200, body.Text());
        body.Str("product.id").Should().Be(id);
        body.Str("product.title").Should().Be("Renamed");
        body.Str("product.handle").Should().Be(created.Str("handle"));
        body.Str("product.variants[0].sku").Should().Be("SINGLE-2");
        (await FindProductAsync(NumberOf(id)))!.Title.Should().Be("Renamed");
    }

    [Fact]
    public async Task Update_BodyWithAnId_Answers400AsMedusasStrictSchema()
    {
        var id = (await MedusaSeedAsync(MedusaProduct()))[0].Str("id")!;

        var (status, body) = await MedusaPostAsync($"{MedusaProducts}/{id}", new { id, title = "x" });

        status.Should().Be(400, body.Text());
        body.Str("message").Should().Contain("Unrecognized key(s) in object: 'id'");
    }

    [Fact]
    public async Task Delete_KnownProduct_Answers200DeletedAndRemovesIt()
    {
        var id = (await MedusaSeedAsync(MedusaProduct()))[0].Str("id")!;

        var (status, body) = await MedusaDeleteAsync($"{MedusaProducts}/{id}");

        status.Should().Be(200, body.Text());
        body!.AsObject().Select(p => p.Key).Should().Equal("id", "object", "deleted");
        body.Str("id").Should().Be(id);
        body.Str("object").Should().Be("product");
        body.At("deleted")!.GetValue<bool>().Should().BeTrue();
        (await FindProductAsync(NumberOf(id))).Should().BeNull();
    }

    [Fact]
    public async Task CreateVariant_KnownProduct_AnswersTheProductWithTheNewVariant()
    {
        var id = (await MedusaSeedAsync(MedusaProduct("SINGLE-3")))[0].Str("id")!;

        var (status, body) = await MedusaPostAsync($"{MedusaProducts}/{id}/variants", MedusaVariant("SINGLE-3M", "M"));

        status.Should().Be(200, body.Text());
        body.Str("product.id").Should().Be(id);
        body.Arr("product.variants").Select(v => v.Str("sku")).Should().Equal("SINGLE-3", "SINGLE-3M");
    }

    [Fact]
    public async Task UpdateVariant_KnownVariant_ChangesItAndAnswersTheProduct()
    {
        var created = (await MedusaSeedAsync(MedusaProduct("SINGLE-4")))[0];
        var (id, variant) = (created.Str("id")!, created.Str("variants[0].id")!);

        var (status, body) = await MedusaPostAsync(
            $"{MedusaProducts}/{id}/variants/{variant}", new { title = "Renamed variant" });

        status.Should().Be(200, body.Text());
        body.Str("product.variants[0].id").Should().Be(variant);
        body.Str("product.variants[0].title").Should().Be("Renamed variant");
        body.Str("product.variants[0].sku").Should().Be("SINGLE-4");
        (await FindVariantAsync(NumberOf(variant)))!.Title.Should().Be("Renamed variant");
    }

    [Fact]
    public async Task DeleteVariant_KnownVariant_AnswersDeletedWithTheParentProduct()
    {
        var product = MedusaProduct("SINGLE-5");
        product["variants"] = new[] { MedusaVariant("SINGLE-5", "S"), MedusaVariant("SINGLE-5M", "M") };
        var created = (await MedusaSeedAsync(product))[0];
        var (id, variant) = (created.Str("id")!, created.Str("variants[1].id")!);

        var (status, body) = await MedusaDeleteAsync($"{MedusaProducts}/{id}/variants/{variant}");

        status.Should().Be(200, body.Text());
        body!.AsObject().Select(p => p.Key).Should().Equal("id", "object", "parent", "deleted");
        body.Str("id").Should().Be(variant);
        body.Str("object").Should().Be("variant");
        body.Arr("parent.variants").Select(v => v.Str("sku")).Should().Equal("SINGLE-5");
        (await FindVariantAsync(NumberOf(variant))).Should().BeNull();
    }

    [Fact]
    public async Task ListVariants_KnownProduct_AnswersAPageOfItsVariants()
    {
        var product = MedusaProduct("SINGLE-6");
        product["variants"] = new[] { MedusaVariant("SINGLE-6", "S"), MedusaVariant("SINGLE-6M", "M") };
        var id = (await MedusaSeedAsync(product))[0].Str("id")!;

        var (status, body) = await MedusaGetAsync($"{MedusaProducts}/{id}/variants?limit=1&offset=1&fields=id,sku");

        status.Should().Be(200, body.Text());
        body!.AsObject().Select(p => p.Key).Should().Equal("variants", "count", "offset", "limit");
        body.Num("count").Should().Be(2);
        body.Arr("variants").Select(v => v.Str("sku")).Should().Equal("SINGLE-6M");
        body.At("variants[0]")!.AsObject().Select(p => p.Key).Should().Equal("id", "sku");
    }

    [Fact]
    public async Task GetVariant_WithOptionObjectAsked_AnswersTheOptionValueWithItsOption()
    {
        var created = (await MedusaSeedAsync(MedusaProduct("SINGLE-7")))[0];
        var (id, variant) = (created.Str("id")!, created.Str("variants[0].id")!);

        var (status, body) = await MedusaGetAsync(
            $"{MedusaProducts}/{id}/variants/{variant}?fields=id,*options,*options.option");
        var (_, defaults) = await MedusaGetAsync($"{MedusaProducts}/{id}/variants/{variant}");

        status.Should().Be(200, body.Text());
        body.Str("variant.options[0].value").Should().Be("S");
        body.Str("variant.options[0].option.title").Should().Be("Size");
        body.Str("variant.options[0].option.id").Should().Be(body.Str("variant.options[0].option_id"));
        defaults.At("variant.options[0]")!.AsObject().Select(p => p.Key)
            .Should().NotContain("option", "Medusa's admin defaults select *options, not options.option");
    }
}

public sealed class MedusaSingleItemTestsOnSqlite(SqliteApiFactory f)
    : MedusaSingleItemTests(f), IClassFixture<SqliteApiFactory>;

public sealed class MedusaSingleItemTestsOnPostgres(PostgresApiFactory f)
    : MedusaSingleItemTests(f), IClassFixture<PostgresApiFactory>;

public sealed class MedusaSingleItemTestsOnSqlServer(SqlServerApiFactory f)
    : MedusaSingleItemTests(f), IClassFixture<SqlServerApiFactory>;
