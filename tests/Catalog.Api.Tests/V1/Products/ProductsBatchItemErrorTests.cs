using System.Globalization;
using Catalog.Testing;
using FluentAssertions.Execution;

namespace Catalog.Api.Tests.V1.Products;

/// <summary>
/// Item-level bad input: the batch is answered 200 (partial policy), each bad item fails with its documented code and
/// field, and nothing of it is written. Every case runs against the same catalog: product "existing" (id {id}) with
/// options Size S/M and one variant {vid} with SKU EXISTING-SKU, and product "other" whose variant is {otherVid}
/// with SKU OTHER-SKU.
/// </summary>
public abstract class ProductsBatchItemErrorTests(CatalogApiFactory factory) : CatalogApiTest(factory)
{
    [Theory]
    [InlineData(
        "missing title on create", """{"create": [{"handle": "new-one"}]}""", "create[0]:VALIDATION_FAILED:title")]
    [InlineData("empty title on create", """{"create": [{"title": ""}]}""", "create[0]:VALIDATION_FAILED:title")]
    [InlineData(
        "null title on update", """{"update": [{"id": {id}, "title": null}]}""", "update[0]:VALIDATION_FAILED:title")]
    [InlineData(
        "handle with spaces",
        """{"create": [{"title": "A", "handle": "Not A Handle"}]}""",
        "create[0]:VALIDATION_FAILED:handle")]
    [InlineData(
        "null status", """{"create": [{"title": "A", "status": null}]}""", "create[0]:VALIDATION_FAILED:status")]
    [InlineData(
        "metadata not an object",
        """{"create": [{"title": "A", "metadata": [1, 2]}]}""",
        "create[0]:VALIDATION_FAILED:metadata")]
    [InlineData(
        "weight with five decimals",
        """{"create": [{"title": "A", "weight": 1.23456}]}""",
        "create[0]:VALIDATION_FAILED:weight")]
    [InlineData(
        "weight beyond the column's 14 integer digits",
        """{"create": [{"title": "A", "weight": 123456789012345678}]}""",
        "create[0]:VALIDATION_FAILED:weight")]
    [InlineData(
        "height beyond the column's 14 integer digits on update",
        """{"update": [{"id": {id}, "height": 123456789012345678}]}""",
        "update[0]:VALIDATION_FAILED:height")]
    [InlineData(
        "negative stock",
        """{"create": [{"title": "A", "variants": [{"title": "V", "stock_quantity": -1}]}]}""",
        "create[0]:VALIDATION_FAILED:variants[0].stock_quantity")]
    [InlineData(
        "null variant",
        """{"create": [{"title": "A", "variants": [null]}]}""",
        "create[0]:VALIDATION_FAILED:variants[0]")]
    [InlineData(
        "new variant without title",
        """{"create": [{"title": "A", "variants": [{"sku": "NEW-1"}]}]}""",
        "create[0]:VALIDATION_FAILED:variants[0].title")]
    [InlineData(
        "currency not ISO 4217",
        """
        {"create": [{
            "title": "A",
            "variants": [{"title": "V", "prices": [{"currency_code": "dollars", "amount": 1}]}]
        }]}
        """,
        "create[0]:VALIDATION_FAILED:variants[0].prices[0].currency_code")]
    [InlineData(
        "amount with five decimals",
        """
        {"create": [{
            "title": "A",
            "variants": [{"title": "V", "prices": [{"currency_code": "usd", "amount": 19.99999}]}]
        }]}
        """,
        "create[0]:VALIDATION_FAILED:variants[0].prices[0].amount")]
    [InlineData(
        "negative amount",
        """
        {"create": [{"title": "A", "variants": [{"title": "V", "prices": [{"currency_code": "usd", "amount": -1}]}]}]}
        """,
        "create[0]:VALIDATION_FAILED:variants[0].prices[0].amount")]
    [InlineData(
        "missing amount",
        """{"create": [{"title": "A", "variants": [{"title": "V", "prices": [{"currency_code": "usd"}]}]}]}""",
        "create[0]:VALIDATION_FAILED:variants[0].prices[0].amount")]
    [InlineData(
        "two plain prices in one currency",
        """
        {"create": [{
            "title": "A",
            "variants": [{
                "title": "V",
                "prices": [{"currency_code": "usd", "amount": 1}, {"currency_code": "USD", "amount": 2}]
            }]
        }]}
        """,
        "create[0]:VALIDATION_FAILED:variants[0].prices")]
    [InlineData(
        "variant of a new product names an id",
        """{"create": [{"title": "A", "variants": [{"id": {vid}, "title": "V"}]}]}""",
        "create[0]:VALIDATION_FAILED:variants[0].id")]
    [InlineData(
        "category id zero",
        """{"create": [{"title": "A", "category_ids": [0]}]}""",
        "create[0]:VALIDATION_FAILED:category_ids[0]")]
    [InlineData("update without id", """{"update": [{"title": "X"}]}""", "update[0]:VALIDATION_FAILED:id")]
    [InlineData("update of an unknown id", """{"update": [{"id": 999999, "title": "X"}]}""", "update[0]:NOT_FOUND:id")]
    [InlineData("delete of an unknown id", """{"delete": [999999]}""", "delete[0]:NOT_FOUND:id")]
    [InlineData("delete of id zero", """{"delete": [0]}""", "delete[0]:VALIDATION_FAILED:id")]
    [InlineData(
        "same SKU twice in one product",
        """
        {"create": [{"title": "A", "variants": [{"title": "V1", "sku": "TWIN"}, {"title": "V2", "sku": "TWIN"}]}]}
        """,
        "create[0]:DUPLICATE_IN_BATCH:variants[1].sku")]
    [InlineData(
        "two variants of a new product with the same options",
        """
        {"create": [{"title": "A", "options": [{"title": "Size", "values": ["S"]}],
            "variants": [{"title": "One", "options": {"Size": "S"}}, {"title": "Two", "options": {"size": "S"}}]}]}
        """,
        "create[0]:DUPLICATE_OPTIONS:variants[1].options")]
    [InlineData(
        "a variant added with a stored variant's options",
        """{"update": [{"id": {id}, "variants": [{"id": {vid}}, {"title": "Twin", "options": {"Size": "S"}}]}]}""",
        "update[0]:DUPLICATE_OPTIONS:variants[1].options")]
    [InlineData(
        "SKU taken in the database",
        """{"create": [{"title": "A", "variants": [{"title": "V", "sku": "EXISTING-SKU"}]}]}""",
        "create[0]:DUPLICATE_SKU:variants[0].sku")]
    [InlineData(
        "update takes another product's SKU",
        """{"update": [{"id": {id}, "variants": [{"id": {vid}, "sku": "OTHER-SKU"}]}]}""",
        "update[0]:DUPLICATE_SKU:variants[0].sku")]
    [InlineData(
        "handle taken in the database",
        """{"create": [{"title": "A", "handle": "existing"}]}""",
        "create[0]:DUPLICATE_HANDLE:handle")]
    [InlineData(
        "handle derived from a title is taken",
        """{"create": [{"title": "Existing"}]}""",
        "create[0]:DUPLICATE_HANDLE:handle")]
    [InlineData(
        "same id updated twice",
        """{"update": [{"id": {id}, "title": "One"}, {"id": {id}, "title": "Two"}]}""",
        "update[0]:DUPLICATE_IN_BATCH:id|update[1]:DUPLICATE_IN_BATCH:id")]
    [InlineData(
        "same id updated and deleted",
        """{"update": [{"id": {id}, "title": "One"}], "delete": [{id}]}""",
        "update[0]:DUPLICATE_IN_BATCH:id|delete[0]:DUPLICATE_IN_BATCH:id")]
    [InlineData(
        "same id deleted twice",
        """{"delete": [{id}, {id}]}""",
        "delete[0]:DUPLICATE_IN_BATCH:id|delete[1]:DUPLICATE_IN_BATCH:id")]
    [InlineData(
        "unknown category",
        """{"create": [{"title": "A", "category_ids": [999999]}]}""",
        "create[0]:REFERENCE_NOT_FOUND:category_ids[0]")]
    [InlineData(
        "unknown category on update",
        """{"update": [{"id": {id}, "category_ids": [999999]}]}""",
        "update[0]:REFERENCE_NOT_FOUND:category_ids[0]")]
    [InlineData(
        "unknown attribute value",
        """{"create": [{"title": "A", "variants": [{"title": "V", "attribute_value_ids": [999999]}]}]}""",
        "create[0]:REFERENCE_NOT_FOUND:variants[0].attribute_value_ids[0]")]
    [InlineData(
        "option the product lacks",
        """{"update": [{"id": {id}, "variants": [{"id": {vid}, "options": {"Color": "Red"}}]}]}""",
        "update[0]:VALIDATION_FAILED:variants[0].options.Color")]
    [InlineData(
        "option value the product lacks",
        """{"update": [{"id": {id}, "variants": [{"id": {vid}, "options": {"Size": "XL"}}]}]}""",
        "update[0]:VALIDATION_FAILED:variants[0].options.Size")]
    [InlineData(
        "variant id of another product",
        """{"update": [{"id": {id}, "variants": [{"id": {otherVid}, "title": "Moved"}]}]}""",
        "update[0]:VALIDATION_FAILED:variants[0].id")]
    [InlineData(
        "unknown variant id with a version inside a product update",
        """{"update": [{"id": {id}, "variants": [{"id": 987654321, "version": 1, "title": "x"}]}]}""",
        "update[0]:VALIDATION_FAILED:variants[0].id")]
    [InlineData(
        "same variant listed twice in one product update",
        """{"update": [{"id": {id}, "variants": [{"id": {vid}, "title": "One"}, {"id": {vid}, "title": "Two"}]}]}""",
        "update[0]:DUPLICATE_IN_BATCH:variants[1].id")]
    [InlineData(
        "stale product version",
        """{"update": [{"id": {id}, "version": 7, "title": "Late"}]}""",
        "update[0]:CONFLICT:version")]
    [InlineData(
        "stale variant version inside a product update",
        """{"update": [{"id": {id}, "variants": [{"id": {vid}, "version": 7, "title": "Late"}]}]}""",
        "update[0]:CONFLICT:variants[0].version")]
    public async Task Batch_BadItem_FailsWithItsCodeAndFieldAndWritesNothing(
        string scenario, string template, string expected)
    {
        var existing = await SeedProductAsync(new ProductBuilder()
            .With("title", "Existing").With("handle", "existing")
            .With("options", new[] { new { title = "Size", values = new List<string> { "S", "M" } } })
            .WithVariant(new VariantBuilder()
                .With("sku", "EXISTING-SKU")
                .With("options", new Dictionary<string, string> { ["Size"] = "S" })));
        var other = await SeedProductAsync(
            new ProductBuilder().WithVariant(new VariantBuilder().With("sku", "OTHER-SKU")));
        var before = await CountRowsAsync();
        var json = template
            .Replace("{id}", Text(existing.Num("id")), StringComparison.Ordinal)
            .Replace("{vid}", Text(existing.Num("variants[0].id")), StringComparison.Ordinal)
            .Replace("{otherVid}", Text(other.Num("variants[0].id")), StringComparison.Ordinal);
        var expectations = ItemErrors(expected).ToList();

        var (status, body) = await PostRawAsync(ProductsBatch, json);

        var after = await CountRowsAsync();
        var stored = await FindProductAsync(existing.Num("id"));
        using (new AssertionScope(scenario))
        {
            status.Should().Be(200, body.Text());
            foreach (var (item, code, field) in expectations)
            {
                body.Str($"{item}.status").Should().Be("failed", $"{item}: {body.Text()}");
                body.Str($"{item}.error.code").Should().Be(code, $"{item}: {body.Text()}");
                body.Fields($"{item}.error.details").Should().Contain(field, $"{item}: {body.Text()}");
                body.At($"{item}.error.message").Should().NotBeNull();
            }

            body.At("summary.total")?.GetValue<long>().Should().Be(expectations.Count);
            body.At("summary.failed")?.GetValue<long>().Should().Be(expectations.Count);
            body.At("summary.succeeded")?.GetValue<long>().Should().Be(0);
            after.Should().Be(before, "a failed item writes nothing");
            stored!.Title.Should().Be("Existing");
            stored.Version.Should().Be(1);
            stored.Variants.Single().Sku.Should().Be("EXISTING-SKU");
            stored.Variants.Single().Version.Should().Be(1);
        }
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}

public sealed class ProductsBatchItemErrorTestsOnSqlite(SqliteApiFactory f)
    : ProductsBatchItemErrorTests(f), IClassFixture<SqliteApiFactory>;

public sealed class ProductsBatchItemErrorTestsOnPostgres(PostgresApiFactory f)
    : ProductsBatchItemErrorTests(f), IClassFixture<PostgresApiFactory>;

public sealed class ProductsBatchItemErrorTestsOnSqlServer(SqlServerApiFactory f)
    : ProductsBatchItemErrorTests(f), IClassFixture<SqlServerApiFactory>;
