using System.Text.Json.Nodes;
using Catalog.Domain.Products;
using Catalog.Testing;

namespace Catalog.Api.Tests.Dialects.Medusa;

/// <summary>
/// The request example of Medusa's <c>POST /admin/products/batch</c> document (shared/reference/002), its "string"
/// placeholders replaced by real values (a real handle, a category created first, an existing product to update and
/// one to delete): every field sent comes back with the same value, through the batch answer, Medusa's GET and the
/// canonical GET.
/// </summary>
public abstract class MedusaReferenceRequestTests(CatalogApiFactory factory) : MedusaApiTest(factory)
{
    private const string AllFields = "fields=*categories,*variants.inventory_items,*variants.options.option";

    [Fact]
    public async Task Batch_ReferenceRequest_EveryFieldRoundTripsThroughMedusaAndCanonicalReads()
    {
        var category = (await SeedCategoriesAsync(new CategoryBuilder()))[0].Num("id");
        var seeded = await MedusaSeedAsync(MedusaProduct(), MedusaProduct());
        var toUpdate = seeded[0].Str("id")!;
        var toDelete = seeded[1].Str("id")!;
        var n = Unique.Next();
        var create = Product(n, "create", $"pcat_{category}");
        var update = Product(n, "update", $"pcat_{category}");
        update["id"] = toUpdate;
        var body = new JsonObject
        {
            ["create"] = new JsonArray(create),
            ["update"] = new JsonArray(update),
            ["delete"] = new JsonArray(toDelete),
        };

        var (status, answer) = await MedusaPostAsync($"{MedusaProductsBatch}?{AllFields}", body.ToJsonString());

        status.Should().Be(200, answer.Text());
        answer.Str("deleted.object").Should().Be("product");
        answer.At("deleted.deleted")!.GetValue<bool>().Should().BeTrue();
        answer.Arr("deleted.ids").Select(i => i!.GetValue<string>()).Should().Equal(toDelete);
        var createdId = answer.Str("created[0].id")!;
        createdId.Should().MatchRegex("^prod_[1-9][0-9]*$");
        answer.Str("updated[0].id").Should().Be(toUpdate);
        JsonSubset.Differences(AsAnswered(create), answer.At("created[0]")).Should().BeEmpty();
        JsonSubset.Differences(AsAnswered(update), answer.At("updated[0]")).Should().BeEmpty();

        foreach (var (sent, id) in new[] { (create, createdId), (update, toUpdate) })
        {
            var (readStatus, read) = await MedusaGetAsync($"{MedusaProducts}/{id}?{AllFields}");
            readStatus.Should().Be(200, read.Text());
            JsonSubset.Differences(AsAnswered(sent), read.At("product")).Should().BeEmpty();

            var (canonicalStatus, canonical) = await GetAsync($"/api/v1/products/{id["prod_".Length..]}");
            canonicalStatus.Should().Be(200, canonical.Text());
            JsonSubset.Differences(AsCanonical(sent, category), canonical).Should().BeEmpty();
        }

        var (goneStatus, gone) = await MedusaGetAsync($"{MedusaProducts}/{toDelete}");
        goneStatus.Should().Be(404, gone.Text());
        var stored = await FindProductAsync(
            long.Parse(createdId["prod_".Length..], System.Globalization.CultureInfo.InvariantCulture));
        stored!.Status.Should().Be(ProductStatus.Draft);
        stored.Categories.Select(c => c.CategoryId).Should().Equal(category);
        stored.Variants.Single().Prices.Single().MinQuantity
            .Should().BeNull("Medusa's 0 is no bound in Catalog, and is answered 0 again through Medusa");
        (await CountRowsAsync()).Products.Should().Be(2);
    }

    [Fact]
    public async Task Batch_QuantityBoundsOfZero_AreNoBoundInCatalogAndAnsweredAsZeroThroughMedusa()
    {
        var create = Product(Unique.Next(), "zero", null);
        create["variants"]![0]!["prices"]![0]!["min_quantity"] = 0;
        create["variants"]![0]!["prices"]![0]!["max_quantity"] = 0;

        var (status, body) = await MedusaPostAsync(
            $"{MedusaProductsBatch}?{AllFields}", new JsonObject { ["create"] = new JsonArray(create) }.ToJsonString());

        status.Should().Be(200, body.Text());
        body.Num("created[0].variants[0].prices[0].min_quantity").Should().Be(0);
        body.Num("created[0].variants[0].prices[0].max_quantity").Should().Be(0);
        var id = body.Str("created[0].id")!;
        var (_, read) = await MedusaGetAsync($"{MedusaProducts}/{id}?{AllFields}");
        (read.Num("product.variants[0].prices[0].min_quantity"), read.Num("product.variants[0].prices[0].max_quantity"))
            .Should().Be((0L, 0L));
        var stored = await FindProductAsync(
            long.Parse(id["prod_".Length..], System.Globalization.CultureInfo.InvariantCulture));
        var price = stored!.Variants.Single().Prices.Single();
        (price.MinQuantity, price.MaxQuantity)
            .Should().Be(((long?)null, (long?)null), "a range from 0 to 0 is no range: the plain price");
    }

    /// <summary>The reference item with every "string" replaced by a value of that field's kind.</summary>
    private static JsonObject Product(int n, string kind, string? category) => JsonNode.Parse($$"""
        {
          "title": "Linen Shirt {{kind}} {{n}}",
          "subtitle": "Breathable summer linen",
          "description": "A shirt woven from pure linen.",
          "is_giftcard": true,
          "discountable": true,
          "thumbnail": "https://cdn.example.com/linen-{{n}}/thumb.jpg",
          "handle": "linen-shirt-{{kind}}-{{n}}",
          "type_id": "ptyp_01SHIRTS",
          "collection_id": "pcol_01SUMMER",
          "options": [ { "title": "Color", "values": [ "Black" ] } ],
          "variants": [
            {
              "title": "Linen Shirt / Black",
              "sku": "LINEN-{{kind}}-{{n}}",
              "ean": "4006381333931",
              "upc": "036000291452",
              "barcode": "BC-{{kind}}-{{n}}",
              "hs_code": "620520",
              "mid_code": "PTLINMIL123LIS",
              "allow_backorder": true,
              "manage_inventory": true,
              "variant_rank": 0,
              "weight": 0,
              "length": 0,
              "height": 0,
              "width": 0,
              "origin_country": "pt",
              "material": "linen",
              "metadata": {},
              "prices": [
                {
                  "currency_code": "usd", "amount": 0, "min_quantity": 0, "max_quantity": 0,
                  "rules": { "region_id": "reg_123" }
                }
              ],
              "inventory_items": [ { "inventory_item_id": "iitem_01LINEN{{n}}", "required_quantity": 0 } ],
              "options": { "Color": "Black" }
            }
          ],
          "weight": 0,
          "length": 0,
          "height": 0,
          "width": 0,
          "hs_code": "620520",
          "mid_code": "PTLINMIL123LIS",
          "origin_country": "pt",
          "material": "linen",
          "metadata": {},
          "external_id": "erp-{{kind}}-{{n}}",
          "shipping_profile_id": "sp_01DEFAULT",
          "status": "draft",
          "images": [ { "url": "https://cdn.example.com/linen-{{n}}/front.jpg" } ],
          "categories": [ {{(category is null ? string.Empty : $$"""{ "id": "{{category}}" }""")}} ],
          "tags": [ { "id": "ptag_01SUMMER" } ],
          "sales_channels": [ { "id": "sc_01WEBSHOP" } ]
        }
        """)!.AsObject();

    /// <summary>
    /// The item as Medusa answers it: the same, but option values come back as objects, a variant's with their option.
    /// </summary>
    private static JsonObject AsAnswered(JsonObject sent)
    {
        var expected = sent.DeepClone().AsObject();
        foreach (var option in expected["options"]!.AsArray())
        {
            option!["values"] = new JsonArray(
                [.. option["values"]!.AsArray().Select(v => (JsonNode)new JsonObject { ["value"] = v!.DeepClone() })]);
        }

        foreach (var variant in expected["variants"]!.AsArray())
        {
            var options = variant!["options"]!.AsObject();
            variant["options"] = new JsonArray([.. options.Select(o => (JsonNode)new JsonObject
            {
                ["value"] = o.Value!.DeepClone(),
                ["option"] = new JsonObject { ["title"] = o.Key },
            })]);
        }

        return expected;
    }

    /// <summary>
    /// The item as the canonical API answers it: canonical fields by their names, Medusa's others under
    /// <c>extensions.medusa</c>.
    /// </summary>
    private static JsonObject AsCanonical(JsonObject sent, long category)
    {
        var variant = sent["variants"]![0]!;
        var price = variant["prices"]![0]!;
        return new JsonObject
        {
            ["title"] = sent["title"]!.DeepClone(),
            ["subtitle"] = sent["subtitle"]!.DeepClone(),
            ["description"] = sent["description"]!.DeepClone(),
            ["handle"] = sent["handle"]!.DeepClone(),
            ["status"] = "draft",
            ["thumbnail"] = sent["thumbnail"]!.DeepClone(),
            ["images"] = sent["images"]!.DeepClone(),
            ["tags"] = new JsonArray("ptag_01SUMMER"),
            ["options"] = new JsonArray(new JsonObject { ["title"] = "Color", ["values"] = new JsonArray("Black") }),
            ["metadata"] = new JsonObject(),
            ["weight"] = 0,
            ["length"] = 0,
            ["height"] = 0,
            ["width"] = 0,
            ["external_id"] = sent["external_id"]!.DeepClone(),
            ["category_ids"] = new JsonArray(category),
            ["extensions"] = new JsonObject
            {
                ["medusa"] = new JsonObject
                {
                    ["is_giftcard"] = true,
                    ["discountable"] = true,
                    ["type_id"] = "ptyp_01SHIRTS",
                    ["collection_id"] = "pcol_01SUMMER",
                    ["shipping_profile_id"] = "sp_01DEFAULT",
                    ["hs_code"] = "620520",
                    ["mid_code"] = "PTLINMIL123LIS",
                    ["origin_country"] = "pt",
                    ["material"] = "linen",
                    ["sales_channels"] = new JsonArray(new JsonObject { ["id"] = "sc_01WEBSHOP" }),
                },
            },
            ["variants"] = new JsonArray(new JsonObject
            {
                ["title"] = variant["title"]!.DeepClone(),
                ["sku"] = variant["sku"]!.DeepClone(),
                ["barcode"] = variant["barcode"]!.DeepClone(),
                ["ean"] = variant["ean"]!.DeepClone(),
                ["upc"] = variant["upc"]!.DeepClone(),
                ["manage_inventory"] = true,
                ["allow_backorder"] = true,
                ["options"] = new JsonObject { ["Color"] = "Black" },
                ["prices"] = new JsonArray(new JsonObject
                {
                    ["currency_code"] = "usd",
                    ["amount"] = 0,
                    ["min_quantity"] = null,
                    ["max_quantity"] = null,
                }),
                ["rank"] = 0,
                ["metadata"] = new JsonObject(),
                ["extensions"] = new JsonObject
                {
                    ["medusa"] = new JsonObject
                    {
                        ["hs_code"] = "620520",
                        ["mid_code"] = "PTLINMIL123LIS",
                        ["origin_country"] = "pt",
                        ["material"] = "linen",
                        ["weight"] = 0,
                        ["length"] = 0,
                        ["height"] = 0,
                        ["width"] = 0,
                        ["inventory_items"] = variant["inventory_items"]!.DeepClone(),
                        ["price_rules"] = new JsonArray(new JsonObject
                        {
                            ["currency_code"] = "usd",
                            ["rules"] = price["rules"]!.DeepClone(),
                            ["zero_min"] = true,
                            ["zero_max"] = true,
                        }),
                    },
                },
            }),
        };
    }
}

public sealed class MedusaReferenceRequestTestsOnSqlite(SqliteApiFactory f)
    : MedusaReferenceRequestTests(f), IClassFixture<SqliteApiFactory>;

public sealed class MedusaReferenceRequestTestsOnPostgres(PostgresApiFactory f)
    : MedusaReferenceRequestTests(f), IClassFixture<PostgresApiFactory>;

public sealed class MedusaReferenceRequestTestsOnSqlServer(SqlServerApiFactory f)
    : MedusaReferenceRequestTests(f), IClassFixture<SqlServerApiFactory>;
