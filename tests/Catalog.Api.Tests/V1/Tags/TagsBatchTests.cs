using System.Text.Json.Nodes;
using Catalog.Testing;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.Tests.V1.Tags;

/// <summary><c>/api/v1/tags</c>: the tag registry, its batch, and how renames and deletes reach products.</summary>
public abstract class TagsBatchTests(CatalogApiFactory factory) : CatalogApiTest(factory)
{
    private const string TagsBatch = "/api/v1/tags/batch";

    [Fact]
    public async Task Batch_Create_DerivesSlugsAndCountsTheProductsCarryingTheName()
    {
        await SeedProductsAsync(
            new ProductBuilder().With("tags", new[] { "Summer Sale" }),
            new ProductBuilder().With("tags", new[] { "x" }));

        var (status, body) = await PostAsync(TagsBatch, Batch.Of(create: [
            Batch.Item(("name", "Summer Sale"), ("description", "Hot")),
            Batch.Item(("name", "Linen"), ("slug", "linen-cloth"))]));

        status.Should().Be(200, body.Text());
        body.Num("summary.succeeded").Should().Be(2, body.Text());
        body.Str("create[0].tag.slug").Should().Be("summer-sale");
        body.Num("create[0].tag.product_count").Should().Be(1);
        body.Num("create[0].tag.version").Should().Be(1);
        body.Str("create[1].tag.slug").Should().Be("linen-cloth");
        var (_, list) = await GetAsync("/api/v1/tags?limit=1&offset=0");
        list.Num("total").Should().Be(2);
        list.Arr("items").Select(t => t.Str("name")).Should().Equal("Summer Sale");
        list.Num("items[0].product_count").Should().Be(1);
        var (_, bySlug) = await GetAsync("/api/v1/tags?slug=linen-cloth");
        bySlug.Arr("items").Select(t => t.Str("name")).Should().Equal("Linen");
        var (getStatus, one) = await GetAsync($"/api/v1/tags/{body.Num("create[0].id")}");
        getStatus.Should().Be(200, one.Text());
        one.Str("description").Should().Be("Hot");
        var (missing, _) = await GetAsync("/api/v1/tags/424242");
        missing.Should().Be(404);
    }

    [Fact]
    public async Task Batch_TakenNameOrSlug_FailsWithDuplicateHandleOnThatField()
    {
        var existing = await SeedTagAsync("Summer");

        var (status, body) = await PostAsync(TagsBatch, Batch.Of(create: [
            Batch.Item(("name", "Summer"), ("slug", "other")),
            Batch.Item(("name", "Other"), ("slug", "summer")),
            Batch.Item(("name", "Twice")),
            Batch.Item(("name", "Twice"), ("slug", "twice-again"))]));

        status.Should().Be(200, body.Text());
        body.Str("create[0].error.code").Should().Be("DUPLICATE_HANDLE");
        body.Fields("create[0].error.details").Should().Equal("name");
        body.Str("create[0].error.message").Should().Contain($"tag {existing}");
        body.Str("create[1].error.code").Should().Be("DUPLICATE_HANDLE");
        body.Fields("create[1].error.details").Should().Equal("slug");
        body.Str("create[2].status").Should().Be("succeeded", "the first claim of a name in a batch keeps it");
        body.Str("create[3].error.code").Should().Be("DUPLICATE_IN_BATCH");
        (await CountTagsAsync()).Should().Be(2);
    }

    [Fact]
    public async Task Batch_Rename_RewritesTheNameOnEveryProductCarryingIt()
    {
        var category = (await SeedCategoriesAsync(new CategoryBuilder()))[0].Num("id");
        var carrying = await SeedProductsAsync(
            new ProductBuilder().With("tags", new[] { "summer", "linen" }).WithVariants(2).InCategories(category),
            new ProductBuilder().With("tags", new[] { "summer" }));
        var other = await SeedProductAsync(new ProductBuilder().With("tags", new[] { "winter" }));
        var tag = await SeedTagAsync("summer");

        var (status, body) = await PostAsync(TagsBatch, Batch.Update(
            Batch.Item(("id", tag), ("name", "Summer 2026"), ("version", 1))));

        status.Should().Be(200, body.Text());
        body.Str("update[0].tag.name").Should().Be("Summer 2026", body.Text());
        body.Str("update[0].tag.slug").Should().Be("summer", "an update keeps the slug it does not send");
        body.Num("update[0].tag.product_count").Should().Be(2);
        var first = await FindProductAsync(carrying[0].Num("id"));
        first!.Tags.Should().Equal("Summer 2026", "linen");
        first.Version.Should().Be(carrying[0].Num("version") + 1);
        first.Variants.Should().HaveCount(2, "only the product's own row is written");
        first.Categories.Select(c => c.CategoryId).Should().Equal(category);
        (await FindProductAsync(carrying[1].Num("id")))!.Tags.Should().Equal("Summer 2026");
        var untouched = await FindProductAsync(other.Num("id"));
        untouched!.Tags.Should().Equal("winter");
        untouched.Version.Should().Be(other.Num("version"));
    }

    [Fact]
    public async Task Batch_RenameAndDeleteOnOneProduct_BothReachIt()
    {
        var product = await SeedProductAsync(new ProductBuilder().With("tags", new[] { "a", "b", "c" }));
        var a = await SeedTagAsync("a");
        var b = await SeedTagAsync("b");

        var (status, body) = await PostAsync(TagsBatch, Batch.Of(
            update: [Batch.Item(("id", a), ("name", "c"))], delete: [b]));

        status.Should().Be(200, body.Text());
        body.Num("summary.succeeded").Should().Be(2, body.Text());
        body.Num("delete[0].tag.product_count").Should().Be(1, "a deleted tag answers as it was");
        var stored = await FindProductAsync(product.Num("id"));
        stored!.Tags.Should().Equal("c");
        stored.Version.Should().Be(product.Num("version") + 2);
        (await CountTagsAsync()).Should().Be(1);
    }

    [Fact]
    public async Task Batch_StaleVersionOrUnknownId_FailsAndLeavesProducts()
    {
        var product = await SeedProductAsync(new ProductBuilder().With("tags", new[] { "a" }));
        var a = await SeedTagAsync("a");

        var (status, body) = await PostAsync(TagsBatch, Batch.Of(
            update: [Batch.Item(("id", a), ("name", "z"), ("version", 7))], delete: [424242]));

        status.Should().Be(200, body.Text());
        body.Str("update[0].error.code").Should().Be("CONFLICT");
        body.Str("delete[0].error.code").Should().Be("NOT_FOUND");
        (await FindProductAsync(product.Num("id")))!.Tags.Should().Equal("a");
    }

    [Fact]
    public async Task ProductsBatch_TagIds_AddTheTagsNamesAfterTheSentNames()
    {
        var summer = await SeedTagAsync("Summer");
        var linen = await SeedTagAsync("Linen");

        var (status, body) = await PostAsync(ProductsBatch, Batch.Of(create: [
            new ProductBuilder().With("tags", new[] { "custom", "Linen" }).With("tag_ids", new[] { summer, linen })
                .Build(),
            new ProductBuilder().With("tag_ids", new[] { summer, 424242 }).Build()]));

        status.Should().Be(200, body.Text());
        body.Arr("create[0].product.tags").Select(t => t!.GetValue<string>()).Should()
            .Equal("custom", "Linen", "Summer");
        body.Str("create[1].error.code").Should().Be("REFERENCE_NOT_FOUND");
        body.Fields("create[1].error.details").Should().Equal("tag_ids[1]");
        var id = body.Num("create[0].id");

        (status, body) = await UpdateProductAsync(id, ("tag_ids", new[] { linen }));

        status.Should().Be(200, body.Text());
        (await FindProductAsync(id))!.Tags.Should().Equal("Linen");
    }

    [Fact]
    public async Task ProductsBatch_TagsAndTagIdsOverTheLimitTogether_FailOnTags()
    {
        var names = Enumerable.Range(0, 50).Select(i => $"name-{i}").ToArray();
        var tag = await SeedTagAsync("One more");

        var (status, body) = await PostAsync(ProductsBatch, Batch.Of(create: [
            new ProductBuilder().With("tags", names).With("tag_ids", new[] { tag }).Build()]));

        status.Should().Be(200, body.Text());
        body.Str("create[0].error.code").Should().Be("VALIDATION_FAILED", body.Text());
        body.Fields("create[0].error.details").Should().Equal("tags");
        (await CountRowsAsync()).Products.Should().Be(0);
    }

    [Fact]
    public async Task Batch_10Or100ItemsWithProducts_ReadTheSameNumberOfTimes()
    {
        var small = await ReadsAsync(10);
        var large = await ReadsAsync(100);

        large.Should().Equal(small);
    }

    /// <summary>Reads of a create of <paramref name="count"/> tags that products carry, a rename of them all, and a
    /// delete of them all; every product is rewritten twice.</summary>
    private async Task<long[]> ReadsAsync(int count)
    {
        var names = Enumerable.Range(0, count).Select(i => $"tag {count}-{i}").ToList();
        await SeedProductsAsync([.. names.Select(n => new ProductBuilder().With("tags", new[] { n, "kept" }))]);

        Factory.Statements.Reset();
        var (_, body) = await PostAsync(TagsBatch, Batch.Of(create: names.Select(n => Batch.Item(("name", n)))));
        var createReads = Factory.Statements.Reads;
        body.Num("summary.succeeded").Should().Be(count, body.Text());
        var ids = body.Arr("create").Select(r => r.Num("id")).ToList();

        Factory.Statements.Reset();
        (_, body) = await PostAsync(TagsBatch, Batch.Update([
            .. ids.Select((id, i) => Batch.Item(("id", id), ("name", $"renamed {count}-{i}")))]));
        var updateReads = Factory.Statements.Reads;
        body.Num("summary.succeeded").Should().Be(count, body.Text());
        body.Arr("update").Should().OnlyContain(r => r.Num("tag.product_count") == 1);

        Factory.Statements.Reset();
        (_, body) = await PostAsync(TagsBatch, Batch.Delete([.. ids]));
        var deleteReads = Factory.Statements.Reads;
        body.Num("summary.succeeded").Should().Be(count, body.Text());
        var tagged = await Factory.QueryAsync(db => db.Products.AsNoTracking().Select(p => p.Tags).ToListAsync());
        tagged.Where(t => t.Any(n => n.StartsWith($"renamed {count}-", StringComparison.Ordinal))).Should().BeEmpty();

        return [createReads, updateReads, deleteReads];
    }

    private async Task<long> SeedTagAsync(string name)
    {
        var (status, body) = await PostAsync(TagsBatch, Batch.Of(create: [Batch.Item(("name", name))]));
        status.Should().Be(200, body.Text());
        body.Str("create[0].status").Should().Be("succeeded", body.Text());
        return body.Num("create[0].id");
    }

    private Task<int> CountTagsAsync() => Factory.QueryAsync(db => db.Tags.CountAsync());
}

public sealed class TagsBatchTestsOnSqlite(SqliteApiFactory f) : TagsBatchTests(f), IClassFixture<SqliteApiFactory>;

public sealed class TagsBatchTestsOnPostgres(PostgresApiFactory f)
    : TagsBatchTests(f), IClassFixture<PostgresApiFactory>;

public sealed class TagsBatchTestsOnSqlServer(SqlServerApiFactory f)
    : TagsBatchTests(f), IClassFixture<SqlServerApiFactory>;
