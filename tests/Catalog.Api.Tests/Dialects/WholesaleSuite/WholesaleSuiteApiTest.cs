using System.Text.Json.Nodes;
using Catalog.Api.Tests.Dialects.WooCommerce;
using Catalog.Testing;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.Tests.Dialects.WholesaleSuite;

/// <summary>
/// <see cref="WooCommerceApiTest"/> speaking Wholesale Suite: its routes (same consumer key and secret), wholesale
/// roles through the canonical API, and a way to choose the next variant id, so that a reference body naming ids runs
/// as it is.
/// </summary>
public abstract class WholesaleSuiteApiTest(CatalogApiFactory factory) : WooCommerceApiTest(factory)
{
    protected const string WwsProductsBatch = "/wp-json/wholesale/v1/products/batch";

    /// <summary>The description the plugin answers beside the rules.</summary>
    protected const string RulesDescription =
        "Quantity based discounts available based on how many items are in your cart.";

    protected static string WwsProduct(long id) => $"/wp-json/wholesale/v1/products/{id}";

    protected static string WwsVariationsBatch(long variableId) => $"/wp-json/wholesale/v1/products/{variableId}/batch";

    protected static string WwsVariations(long variableId) => $"/wp-json/wholesale/v1/products/{variableId}/variations";

    protected static string WwsVariation(long variableId, long id) =>
        $"/wp-json/wholesale/v1/products/{variableId}/variations/{id}";

    protected async Task SeedRolesAsync(params string[] keys)
    {
        var (status, body) = await PostAsync(
            "/api/v1/wholesale-roles/batch",
            Batch.Of(create: keys.Select(k => Batch.Item(("key", k), ("name", $"Role {k}")))));
        status.Should().Be(200, body.Text());
        body.Num("summary.succeeded").Should().Be(keys.Length, body.Text());
    }

    /// <summary>
    /// Makes the next variant created get <paramref name="next"/> as its id (ids are never reused, so only forward):
    /// variants draw their ids from the products' sequence, which products share.
    /// </summary>
    protected Task SetNextVariantIdAsync(long next) => Factory.QueryAsync(async db =>
    {
        var last = next - 1;
        if (Factory.Provider == "Postgres")
        {
            return await db.Database.ExecuteSqlAsync(
                $"SELECT setval(pg_get_serial_sequence('products', 'id'), {last})");
        }

        if (Factory.Provider == "SqlServer")
        {
            // ALTER SEQUENCE takes no parameters: the number is written into the statement.
            var restart = "ALTER SEQUENCE products_id_seq RESTART WITH "
                + next.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return await db.Database.ExecuteSqlRawAsync(restart);
        }

        await db.Database.ExecuteSqlAsync($"DELETE FROM sqlite_sequence WHERE name = 'products'");
        return await db.Database.ExecuteSqlAsync(
            $"INSERT INTO sqlite_sequence (name, seq) VALUES ('products', {last})");
    });

    /// <summary>
    /// A variable product (through WooCommerce) whose variations are told apart by the global attribute <paramref
    /// name="attributeId"/>.
    /// </summary>
    protected async Task<long> SeedVariableProductAsync(long attributeId, params string[] options)
    {
        var product = await SeedWooAsync(new Dictionary<string, object?>
        {
            ["name"] = $"Variable Test {Unique.Next()}",
            ["type"] = "variable",
            ["attributes"] = new[]
            {
                new { id = attributeId, position = 0, visible = true, variation = true, options },
            },
        });
        return product.Num("id");
    }

    /// <summary>Posts a Wholesale Suite body as it is written, and answers the status and body.</summary>
    protected Task<(int Status, JsonNode? Body)> WwsPostRawAsync(string url, string json) =>
        SendAsync(HttpMethod.Post, url, Body(json), Woo);

    protected static void ShouldEqualJson(JsonNode? actual, string expected, string because = "") =>
        JsonNode.DeepEquals(actual, JsonNode.Parse(expected)).Should().BeTrue(
            $"{because}: expected {JsonNode.Parse(expected)!.ToJsonString()}\n but found {actual.Text()}");

    /// <summary>
    /// The item error at <paramref name="path"/> must be WordPress's <c>rest_invalid_param</c> naming exactly <paramref
    /// name="fields"/>.
    /// </summary>
    protected static void ShouldBeInvalidParams(JsonNode? body, string path, params string[] fields)
    {
        var error = body.At($"{path}.error");
        error.Should().NotBeNull(body.Text());
        error.Str("code").Should().Be("rest_invalid_param", body.Text());
        error.Num("data.status").Should().Be(400);
        (error.At("data.params") as JsonObject).Should().NotBeNull(body.Text());
        error.At("data.params")!.AsObject().Select(p => p.Key).Should().BeEquivalentTo(fields, body.Text());
    }
}
