using System.Text.Json.Nodes;
using Catalog.Domain.Wholesale;
using Catalog.Testing;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.Tests.V1.Wholesale;

/// <summary>How many rows each wholesale table holds.</summary>
public sealed record WholesaleRowCounts(int Roles, int Prices, int OrderQuantities, int Visibility, int Rules);

/// <summary><see cref="CatalogApiTest"/> with wholesale roles, wholesale bodies and the wholesale tables.</summary>
public abstract class WholesaleApiTest(CatalogApiFactory factory) : CatalogApiTest(factory)
{
    protected const string RolesBatch = "/api/v1/wholesale-roles/batch";

    protected static string Quote(long variantId, string query) => $"/api/v1/variants/{variantId}/price?{query}";

    protected async Task<IReadOnlyList<JsonNode>> SeedRolesAsync(params string[] keys)
    {
        var roles = keys.Select(k => Batch.Item(("key", k), ("name", $"Role {k}")));
        var (status, body) = await PostAsync(RolesBatch, Batch.Of(create: roles));
        status.Should().Be(200, body.Text());
        body.Num("summary.succeeded").Should().Be(keys.Length, body.Text());
        return [.. body.Arr("create").Select(r => r!["wholesale_role"]!)];
    }

    /// <summary>
    /// Creates one product with one variant (USD 19 and EUR 17 plain prices) carrying <paramref name="wholesale"/>;
    /// answers the variant.
    /// </summary>
    protected async Task<JsonNode> SeedVariantAsync(object? wholesale)
    {
        var variant = new VariantBuilder()
            .WithPrices(VariantBuilder.Price("usd", 19m), VariantBuilder.Price("eur", 17m));
        if (wholesale is not null)
        {
            variant.With("wholesale", wholesale);
        }

        var product = await SeedProductAsync(new ProductBuilder().WithVariant(variant));
        return product.At("variants[0]")!;
    }

    protected Task<WholesaleRowCounts> CountWholesaleRowsAsync() =>
        Factory.QueryAsync(async db => new WholesaleRowCounts(
            await db.Set<WholesaleRole>().CountAsync(),
            await db.Set<WholesalePrice>().CountAsync(),
            await db.Set<WholesaleOrderQuantity>().CountAsync(),
            await db.Set<WholesaleVisibility>().CountAsync(),
            await db.Set<WholesaleDiscountRule>().CountAsync()));

    /// <summary>
    /// Every wholesale field, for one role: two prices (one on sale), a minimum and step, visibility, a percent and a
    /// fixed rule.
    /// </summary>
    protected static Dictionary<string, object?> FullWholesale(string role) => new(StringComparer.Ordinal)
    {
        ["prices"] = new object[]
        {
            new { role, currency_code = "usd", amount = 12m, sale_amount = 11.5m },
            new { role, currency_code = "EUR", amount = 11m },
        },
        ["minimum_order_quantities"] = new[] { new { role, quantity = 5 } },
        ["order_quantity_steps"] = new[] { new { role, step = 3 } },
        ["visibility"] = new[] { role },
        ["quantity_discount_rules"] = new object[]
        {
            new { role, start_qty = 11, end_qty = 20, price_type = "percent", value = 20m },
            new
            {
                role,
                start_qty = 21,
                end_qty = (long?)null,
                price_type = "fixed",
                value = 8m,
                currency_code = "usd",
            },
        },
    };

    /// <summary>
    /// <see cref="FullWholesale"/> as every answer shows it: prices by role and currency, codes lower case, nulls
    /// explicit.
    /// </summary>
    protected static JsonNode FullWholesaleAnswer(string role) => JsonNode.Parse(
        $$"""
        {
          "prices": [
            {"role": "{{role}}", "currency_code": "eur", "amount": 11, "sale_amount": null},
            {"role": "{{role}}", "currency_code": "usd", "amount": 12, "sale_amount": 11.5}
          ],
          "minimum_order_quantities": [{"role": "{{role}}", "quantity": 5}],
          "order_quantity_steps": [{"role": "{{role}}", "step": 3}],
          "visibility": ["{{role}}"],
          "quantity_discount_rules": [
            {
              "role": "{{role}}", "start_qty": 11, "end_qty": 20,
              "price_type": "percent", "value": 20, "currency_code": null
            },
            {
              "role": "{{role}}", "start_qty": 21, "end_qty": null,
              "price_type": "fixed", "value": 8, "currency_code": "usd"
            }
          ]
        }
        """)!;

    protected static void ShouldEqualJson(JsonNode? actual, JsonNode expected) =>
        JsonNode.DeepEquals(actual, expected)
            .Should().BeTrue($"expected {expected.ToJsonString()}\n but found {actual.Text()}");
}
