using System.Globalization;
using Catalog.Testing;
using FluentAssertions.Execution;

namespace Catalog.Api.Tests.V1.Products;

/// <summary>
/// Every rule the domain guards, broken on purpose through the API: whatever catches it first (a validator, the engine,
/// the domain itself), the answer is the item's failure with a code, never a 500, and nothing of the item is written.
/// The catalog holds product {id} with options Size S/M, variant {vid}, role "gold", category {cat}, attribute {attr}.
/// </summary>
public abstract class DomainRuleViolationTests(CatalogApiFactory factory) : CatalogApiTest(factory)
{
    private const string WholesaleVariant = """{"title": "V", "wholesale": WHOLESALE}""";

    [Theory]
    [InlineData("products", "blank title", """{"create": [{"title": "   "}]}""")]
    [InlineData("products", "title past its column", """{"create": [{"title": "LONG256"}]}""")]
    [InlineData("products", "negative weight", """{"create": [{"title": "A", "weight": -1}]}""")]
    [InlineData(
        "products",
        "option titles alike but for case",
        """
        {"create": [{
            "title": "A",
            "options": [{"title": "Size", "values": ["S"]}, {"title": "size", "values": ["M"]}]
        }]}
        """)]
    [InlineData(
        "products",
        "one attribute behind two options",
        """
        {"create": [{
            "title": "A",
            "options": [
                {"title": "Size", "values": ["S"], "attribute_id": {attr}},
                {"title": "Fit", "values": ["M"], "attribute_id": {attr}}
            ]
        }]}
        """)]
    [InlineData(
        "products",
        "negative price",
        """
        {"create": [{"title": "A", "variants": [{"title": "V", "prices": [{"currency_code": "usd", "amount": -1}]}]}]}
        """)]
    [InlineData(
        "products",
        "quantity range from zero",
        """
        {"create": [{
            "title": "A",
            "variants": [{"title": "V", "prices": [{"currency_code": "usd", "amount": 1, "min_quantity": 0}]}]
        }]}
        """)]
    [InlineData(
        "products",
        "quantity range ending before it starts",
        """
        {"create": [{
            "title": "A",
            "variants": [{
                "title": "V",
                "prices": [{"currency_code": "usd", "amount": 1, "min_quantity": 10, "max_quantity": 5}]
            }]
        }]}
        """)]
    [InlineData(
        "products",
        "overlapping tiers",
        """
        {"create": [{
            "title": "A",
            "variants": [{
                "title": "V",
                "prices": [
                    {"currency_code": "usd", "amount": 2, "min_quantity": 1, "max_quantity": 10},
                    {"currency_code": "usd", "amount": 1, "min_quantity": 5}
                ]
            }]
        }]}
        """)]
    [InlineData(
        "products",
        "more variants than a product may have",
        """{"create": [{"title": "A", "variants": VARIANTS101}]}""")]
    [InlineData(
        "products",
        "a variant of another product in the list",
        """{"update": [{"id": {id}, "variants": [{"id": 987654321, "version": 1, "title": "x"}]}]}""")]
    [InlineData(
        "products",
        "negative wholesale price",
        """{"create": [{"title": "A", "variants": [WHOLESALE_VARIANT]}]}""",
        """{"prices": [{"role": "gold", "currency_code": "usd", "amount": -1}]}""")]
    [InlineData(
        "products",
        "minimum order quantity of zero",
        """{"create": [{"title": "A", "variants": [WHOLESALE_VARIANT]}]}""",
        """{"minimum_order_quantities": [{"role": "gold", "quantity": 0}]}""")]
    [InlineData(
        "products",
        "two wholesale prices for one role and currency",
        """{"create": [{"title": "A", "variants": [WHOLESALE_VARIANT]}]}""",
        """
        {"prices": [
            {"role": "gold", "currency_code": "usd", "amount": 1},
            {"role": "gold", "currency_code": "usd", "amount": 2}
        ]}
        """)]
    [InlineData(
        "products",
        "percent rule over 100",
        """{"create": [{"title": "A", "variants": [WHOLESALE_VARIANT]}]}""",
        """
        {"quantity_discount_rules": [{
            "role": "gold",
            "start_qty": 1,
            "end_qty": null,
            "price_type": "percent",
            "value": 150
        }]}
        """)]
    [InlineData(
        "products",
        "fixed rule without a currency",
        """{"create": [{"title": "A", "variants": [WHOLESALE_VARIANT]}]}""",
        """
        {"quantity_discount_rules": [{
            "role": "gold",
            "start_qty": 1,
            "end_qty": null,
            "price_type": "fixed",
            "value": 5
        }]}
        """)]
    [InlineData(
        "products",
        "discount rule ending before it starts",
        """{"create": [{"title": "A", "variants": [WHOLESALE_VARIANT]}]}""",
        """
        {"quantity_discount_rules": [{
            "role": "gold",
            "start_qty": 10,
            "end_qty": 2,
            "price_type": "percent",
            "value": 5
        }]}
        """)]
    [InlineData(
        "products",
        "overlapping discount rules",
        """{"create": [{"title": "A", "variants": [WHOLESALE_VARIANT]}]}""",
        """
        {"quantity_discount_rules": [
            {"role": "gold", "start_qty": 1, "end_qty": 10, "price_type": "percent", "value": 5},
            {"role": "gold", "start_qty": 5, "end_qty": null, "price_type": "percent", "value": 9}
        ]}
        """)]
    [InlineData("variants", "a variant more than the product may have", """{"create": VARIANTS100}""")]
    [InlineData(
        "variants",
        "overlapping tiers on a variant",
        """
        {"update": [{
            "id": {vid},
            "prices": [{"currency_code": "usd", "amount": 1}, {"currency_code": "usd", "amount": 2}]
        }]}
        """)]
    [InlineData("roles", "a role's key changed", """{"update": [{"id": {role}, "key": "silver"}]}""")]
    [InlineData("roles", "the reserved key 'all'", """{"create": [{"key": "all", "name": "All"}]}""")]
    [InlineData("categories", "a category its own parent", """{"update": [{"id": {cat}, "parent_id": {cat}}]}""")]
    [InlineData(
        "attributes",
        "two values with one slug",
        """
        {"create": [{"name": "Colour", "values": [{"name": "Red", "slug": "red"}, {"name": "Rouge", "slug": "red"}]}]}
        """)]
    public async Task Batch_DomainRuleBroken_FailsTheItemWithACodeNever500(
        string resource, string scenario, string template, string? wholesale = null)
    {
        var product = await SeedProductAsync(new ProductBuilder()
            .With("options", new[] { new { title = "Size", values = new List<string> { "S", "M" } } })
            .WithVariant(new VariantBuilder().With("options", new Dictionary<string, string> { ["Size"] = "S" })));
        var (_, role) = await PostAsync(
            "/api/v1/wholesale-roles/batch", Batch.Of(create: [Batch.Item(("key", "gold"), ("name", "Gold"))]));
        var (_, category) = await PostAsync(CategoriesBatch, Batch.Of(create: [Batch.Item(("name", "Shirts"))]));
        var (_, attribute) = await PostAsync(AttributesBatch, Batch.Of(create: [Batch.Item(("name", "Size"))]));
        var before = await CountRowsAsync();
        var json = template
            .Replace(
                "WHOLESALE_VARIANT",
                WholesaleVariant.Replace("WHOLESALE", wholesale, StringComparison.Ordinal),
                StringComparison.Ordinal)
            .Replace("LONG256", new string('x', 256), StringComparison.Ordinal)
            .Replace("VARIANTS101", Variants(101), StringComparison.Ordinal)
            .Replace("VARIANTS100", Variants(100), StringComparison.Ordinal)
            .Replace("{id}", Text(product.Num("id")), StringComparison.Ordinal)
            .Replace("{vid}", Text(product.Num("variants[0].id")), StringComparison.Ordinal)
            .Replace("{role}", Text(role.Num("create[0].id")), StringComparison.Ordinal)
            .Replace("{cat}", Text(category.Num("create[0].id")), StringComparison.Ordinal)
            .Replace("{attr}", Text(attribute.Num("create[0].id")), StringComparison.Ordinal);
        var url = resource switch
        {
            "variants" => VariantsBatch(product.Num("id")),
            "roles" => "/api/v1/wholesale-roles/batch",
            "categories" => CategoriesBatch,
            "attributes" => AttributesBatch,
            _ => ProductsBatch,
        };

        var (status, body) = await PostRawAsync(url, json);

        using (new AssertionScope(scenario))
        {
            status.Should().BeLessThan(500, body.Text());
            if (status == 200)
            {
                var results = new[] { "create", "update", "delete" }.SelectMany(op => body.Arr(op)).ToList();
                results.Should().Contain(r => r.Str("status") == "failed", body.Text());
                results.Where(r => r.Str("status") == "failed")
                    .Should().OnlyContain(r => !string.IsNullOrEmpty(r.Str("error.code")));
                var added = resource == "variants" ? Succeeded(body) : 0;
                (await CountRowsAsync()).Should().Be(before with { Variants = before.Variants + added });
            }
            else
            {
                body.Str("code").Should().NotBeNullOrEmpty(body.Text());
            }
        }
    }

    private static int Succeeded(System.Text.Json.Nodes.JsonNode? body) =>
        body.Arr("create").Count(r => r.Str("status") == "succeeded");

    private static string Variants(int count) =>
        "[" + string.Join(", ", Enumerable.Range(0, count).Select(i => $$"""{"title": "V{{i}}"}""")) + "]";

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}

public sealed class DomainRuleViolationTestsOnSqlite(SqliteApiFactory f)
    : DomainRuleViolationTests(f), IClassFixture<SqliteApiFactory>;

public sealed class DomainRuleViolationTestsOnPostgres(PostgresApiFactory f)
    : DomainRuleViolationTests(f), IClassFixture<PostgresApiFactory>;

public sealed class DomainRuleViolationTestsOnSqlServer(SqlServerApiFactory f)
    : DomainRuleViolationTests(f), IClassFixture<SqlServerApiFactory>;
