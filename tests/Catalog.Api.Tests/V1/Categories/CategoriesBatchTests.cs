using Catalog.Testing;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.Tests.V1.Categories;

/// <summary><c>POST /api/v1/categories/batch</c> and the category reads.</summary>
public abstract class CategoriesBatchTests(CatalogApiFactory factory) : CatalogApiTest(factory)
{
    [Fact]
    public async Task Batch_CreateUnderAParent_StoresTheTree()
    {
        var root = (await SeedCategoriesAsync(new CategoryBuilder()))[0];
        var child = new CategoryBuilder().Under(root.Num("id")).With("description", "Shirts").With("rank", 2);

        var (status, body) = await PostAsync(CategoriesBatch, Batch.Of(create: [child.Build()]));

        status.Should().Be(200, body.Text());
        body.Str("create[0].status").Should().Be("succeeded", body.Text());
        body.Num("create[0].category.parent_id").Should().Be(root.Num("id"));
        var stored = await FindCategoryAsync(body.Num("create[0].id"));
        stored!.ParentId.Should().Be(root.Num("id"));
        stored.Description.Should().Be("Shirts");
        stored.Rank.Should().Be(2);
    }

    [Fact]
    public async Task Batch_CreateWithoutHandle_DerivesItFromTheName()
    {
        var category = new CategoryBuilder().Without("handle").With("name", "Summer Sale").Build();

        var (status, body) = await PostAsync(CategoriesBatch, Batch.Of(create: [category]));

        status.Should().Be(200, body.Text());
        body.Str("create[0].category.handle").Should().Be("summer-sale");
    }

    [Fact]
    public async Task Batch_UnknownParent_FailsWithReferenceNotFoundOnParentId()
    {
        var batch = Batch.Of(create: [new CategoryBuilder().Under(424242).Build(), new CategoryBuilder().Build()]);

        var (status, body) = await PostAsync(CategoriesBatch, batch);

        status.Should().Be(200, body.Text());
        body.Str("create[0].status").Should().Be("failed");
        body.Str("create[0].error.code").Should().Be("REFERENCE_NOT_FOUND");
        body.Fields("create[0].error.details").Should().Equal("parent_id");
        body.Str("create[1].status").Should().Be("succeeded");
        (await CountRowsAsync()).Categories.Should().Be(1);
    }

    [Fact]
    public async Task Batch_ParentDeletedInTheSameBatch_FailsTheChildWithReferenceNotFound()
    {
        var parent = (await SeedCategoriesAsync(new CategoryBuilder()))[0];

        var (status, body) = await PostAsync(CategoriesBatch, Batch.Of(
            create: [new CategoryBuilder().Under(parent.Num("id")).Build()], delete: [parent.Num("id")]));

        status.Should().Be(200, body.Text());
        body.Str("create[0].error.code").Should().Be("REFERENCE_NOT_FOUND");
        body.Fields("create[0].error.details").Should().Equal("parent_id");
        body.Str("delete[0].status").Should().Be("succeeded");
        (await CountRowsAsync()).Categories.Should().Be(0);
    }

    [Fact]
    public async Task Batch_MoveUnderItsOwnDescendant_FailsWithValidationFailedOnParentId()
    {
        var root = (await SeedCategoriesAsync(new CategoryBuilder()))[0];
        var child = (await SeedCategoriesAsync(new CategoryBuilder().Under(root.Num("id"))))[0];
        var grandchild = (await SeedCategoriesAsync(new CategoryBuilder().Under(child.Num("id"))))[0];

        var (status, body) = await PostAsync(CategoriesBatch, Batch.Update(
            Batch.Item(("id", root.Num("id")), ("parent_id", grandchild.Num("id"))),
            Batch.Item(("id", child.Num("id")), ("parent_id", child.Num("id")))));

        status.Should().Be(200, body.Text());
        body.Str("update[0].error.code").Should().Be("VALIDATION_FAILED");
        body.Fields("update[0].error.details").Should().Equal("parent_id");
        body.Str("update[1].error.code").Should().Be("VALIDATION_FAILED");
        body.Fields("update[1].error.details").Should().Equal("parent_id");
        (await FindCategoryAsync(root.Num("id")))!.ParentId.Should().BeNull();
        (await FindCategoryAsync(child.Num("id")))!.ParentId.Should().Be(root.Num("id"));
    }

    [Fact]
    public async Task Batch_Delete_DetachesChildrenAndUnlinksProducts()
    {
        var parent = (await SeedCategoriesAsync(new CategoryBuilder()))[0];
        var child = (await SeedCategoriesAsync(new CategoryBuilder().Under(parent.Num("id"))))[0];
        var product = await SeedProductAsync(new ProductBuilder().InCategories(parent.Num("id"), child.Num("id")));

        var (status, body) = await PostAsync(CategoriesBatch, Batch.Delete(parent.Num("id")));

        status.Should().Be(200, body.Text());
        body.Str("delete[0].status").Should().Be("succeeded");
        body.Str("delete[0].category.name").Should().Be(parent.Str("name"));
        (await FindCategoryAsync(parent.Num("id"))).Should().BeNull();
        (await FindCategoryAsync(child.Num("id")))!.ParentId.Should().BeNull();
        var stored = await FindProductAsync(product.Num("id"));
        stored!.Categories.Select(c => c.CategoryId).Should().Equal(child.Num("id"));
    }

    [Fact]
    public async Task Batch_UpdateWithNulls_ClearsOnlyThoseFields()
    {
        var parent = (await SeedCategoriesAsync(new CategoryBuilder()))[0];
        var child = new CategoryBuilder().Under(parent.Num("id")).With("description", "D").With("rank", 3);
        var category = (await SeedCategoriesAsync(child))[0];
        var update = Batch.Item(("id", category.Num("id")), ("description", null), ("parent_id", null));

        var (status, body) = await PostAsync(CategoriesBatch, Batch.Update(update));

        status.Should().Be(200, body.Text());
        body.Str("update[0].status").Should().Be("succeeded", body.Text());
        var stored = await FindCategoryAsync(category.Num("id"));
        stored!.Description.Should().BeNull();
        stored.ParentId.Should().BeNull();
        stored.Name.Should().Be(category.Str("name"));
        stored.Rank.Should().Be(3);
        stored.Version.Should().Be(2);
    }

    [Theory]
    [InlineData(
        "handle taken in the database",
        """{"create": [{"name": "X", "handle": "taken"}]}""",
        "create[0]:DUPLICATE_HANDLE:handle")]
    [InlineData("missing name", """{"create": [{"handle": "nameless"}]}""", "create[0]:VALIDATION_FAILED:name")]
    [InlineData("unknown id", """{"update": [{"id": 999999, "name": "X"}]}""", "update[0]:NOT_FOUND:id")]
    [InlineData(
        "stale version", """{"update": [{"id": {id}, "version": 5, "name": "X"}]}""", "update[0]:CONFLICT:version")]
    [InlineData(
        "same id updated and deleted",
        """{"update": [{"id": {id}, "name": "X"}], "delete": [{id}]}""",
        "update[0]:DUPLICATE_IN_BATCH:id|delete[0]:DUPLICATE_IN_BATCH:id")]
    [InlineData("negative rank", """{"create": [{"name": "X", "rank": -1}]}""", "create[0]:VALIDATION_FAILED:rank")]
    public async Task Batch_BadItem_FailsWithItsCodeAndFieldAndWritesNothing(
        string scenario, string template, string expected)
    {
        var existing = (await SeedCategoriesAsync(new CategoryBuilder().With("handle", "taken")))[0];
        var before = await CountRowsAsync();
        var id = existing.Num("id").ToString(System.Globalization.CultureInfo.InvariantCulture);
        var json = template.Replace("{id}", id, StringComparison.Ordinal);

        var (status, body) = await PostRawAsync(CategoriesBatch, json);

        status.Should().Be(200, $"{scenario}: {body.Text()}");
        foreach (var (item, code, field) in ItemErrors(expected))
        {
            body.Str($"{item}.status").Should().Be("failed", $"{scenario}: {body.Text()}");
            body.Str($"{item}.error.code").Should().Be(code, $"{scenario}: {body.Text()}");
            body.Fields($"{item}.error.details").Should().Contain(field, $"{scenario}: {body.Text()}");
        }

        (await CountRowsAsync()).Should().Be(before, scenario);
        var stored = await FindCategoryAsync(existing.Num("id"));
        stored!.Version.Should().Be(1, scenario);
        stored.Name.Should().Be(existing.Str("name"), scenario);
    }

    [Fact]
    public async Task Batch_AtomicPolicyWithOneBadItem_Answers422AndWritesNothing()
    {
        var batch = Batch.Of(create: [new CategoryBuilder().Build(), new CategoryBuilder().Under(424242).Build()]);

        var (status, body) = await PostAsync(CategoriesBatch + "?policy=atomic", batch);

        status.Should().Be(422, body.Text());
        body.Str("create[0].status").Should().Be("not_applied");
        body.Str("create[1].error.code").Should().Be("REFERENCE_NOT_FOUND");
        body.Num("summary.succeeded").Should().Be(0);
        (await CountRowsAsync()).Categories.Should().Be(0);
    }

    [Fact]
    public async Task List_ByParent_AnswersTheChildrenInAPage()
    {
        var parent = (await SeedCategoriesAsync(new CategoryBuilder()))[0];
        var children = await SeedCategoriesAsync(
            new CategoryBuilder().Under(parent.Num("id")), new CategoryBuilder().Under(parent.Num("id")));
        await SeedCategoriesAsync(new CategoryBuilder());

        var (status, body) = await GetAsync($"/api/v1/categories?parent_id={parent.Num("id")}");

        status.Should().Be(200, body.Text());
        body.Arr("items").Select(i => i.Num("id")).Should().BeEquivalentTo(children.Select(c => c.Num("id")));
        body.Num("total").Should().Be(2);
        body.Num("limit").Should().Be(50);
        body.Num("offset").Should().Be(0);
        (await Factory.QueryAsync(db => db.Categories.CountAsync())).Should().Be(4);
    }

    [Fact]
    public async Task Get_Unknown_Answers404NotFound()
    {
        var (status, body) = await GetAsync("/api/v1/categories/424242");

        status.Should().Be(404, body.Text());
        body.Str("code").Should().Be("NOT_FOUND");
    }

    [Fact]
    public async Task BatchCategories_WithUpsert_Answers400InvalidBodyAndWritesNothing()
    {
        // Only products and variants take upserts; elsewhere the list is an unknown property like any other.
        var (status, body) = await PostRawAsync(CategoriesBatch, """{"upsert": [{"name": "Shoes"}]}""");

        status.Should().Be(400, body.Text());
        body.Str("code").Should().Be("INVALID_BODY");
        body.Fields("errors").Should().Contain("upsert");
        (await CountRowsAsync()).Categories.Should().Be(0);
    }
}

public sealed class CategoriesBatchTestsOnSqlite(SqliteApiFactory f)
    : CategoriesBatchTests(f), IClassFixture<SqliteApiFactory>;

public sealed class CategoriesBatchTestsOnPostgres(PostgresApiFactory f)
    : CategoriesBatchTests(f), IClassFixture<PostgresApiFactory>;

public sealed class CategoriesBatchTestsOnSqlServer(SqlServerApiFactory f)
    : CategoriesBatchTests(f), IClassFixture<SqlServerApiFactory>;
