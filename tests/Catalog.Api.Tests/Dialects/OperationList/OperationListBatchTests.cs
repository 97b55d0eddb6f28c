using System.Globalization;
using System.Text.Json.Nodes;
using Catalog.Infrastructure.Auth;
using Catalog.Testing;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.Tests.Dialects.OperationList;

/// <summary>
/// The operation list's products and variants batches: its two examples, every field through the canonical API,
/// failed operations under their numbers (from 1), bad input that fails one operation or refuses the whole list.
/// </summary>
public abstract class OperationListBatchTests(CatalogApiFactory factory) : OperationListApiTest(factory)
{
    [Fact]
    public async Task Products_ReferenceExample_UpdatesTheQuantityAndCreatesTheProduct()
    {
        var category = (await SeedCategoriesAsync(new CategoryBuilder()))[0].Num("id");
        var existing = (await SeedProductAsync(new ProductBuilder().WithVariants(1))).Num("id");

        var id = await SubmitAsync(ProductBatches, $$$"""
            [
              {
                  "method": "PUT",
                  "body":
                  {
                      "id": {{{existing}}},
                      "variants": [
                          {
                            "quantity": 4
                          }
                      ]
                  }
              },
              {
                  "method": "POST",
                  "body":
                  {
                      "title": "New product",
                      "main_category": {{{category}}},
                      "is_enabled": true
                  }
              }
            ]
            """);
        var status = await ProcessedAsync(id);

        JsonNode.DeepEquals(status, JsonNode.Parse("""{"left": 0, "total": 2, "is_processed": true, "results": {}}"""))
            .Should().BeTrue(status.Text());
        var updated = await CanonicalAsync(existing);
        updated.Arr("variants").Select(v => v.Num("stock_quantity")).Should().Equal(4);
        var (_, list) = await GetAsync($"/api/v1/products?category_id={category}");
        var created = list.Arr("items").Should().ContainSingle().Subject!;
        created.Str("title").Should().Be("New product");
        created.Str("status").Should().Be("published");
        created.Arr("category_ids").Select(c => c!.GetValue<long>()).Should().Equal(category);
    }

    [Fact]
    public async Task Variants_ReferenceExample_CreatesUpdatesAndDeletesTheVariants()
    {
        var value = (await SeedAttributeAsync(new AttributeBuilder().WithValues("Red"))).Num("values[0].id");
        var product = await SeedProductAsync(new ProductBuilder().WithVariants(2));
        var (productId, updated, deleted) =
            (product.Num("id"), product.Num("variants[0].id"), product.Num("variants[1].id"));

        var id = await SubmitAsync(VariantBatches, $$$"""
            [
                {
                    "method": "POST",
                    "body":
                    {
                        "product": {{{productId}}},
                        "quantity": 2,
                        "attribute_values":[
                          {"attributeValue": {{{value}}}}
                        ]
                    }
                },
                {
                    "method": "PUT",
                    "body":
                    {
                        "id": {{{updated}}},
                        "quantity": 2
                    }
                },
                {
                    "method": "DELETE",
                    "body":
                    {
                        "id": {{{deleted}}}
                    }
                }
            ]
            """);
        var status = await ProcessedAsync(id);

        JsonNode.DeepEquals(status, JsonNode.Parse("""{"left": 0, "total": 3, "is_processed": true, "results": {}}"""))
            .Should().BeTrue(status.Text());
        var variants = (await CanonicalAsync(productId)).Arr("variants");
        variants.Select(v => v.Num("id")).Should().HaveCount(2).And.Contain(updated).And.NotContain(deleted);
        variants.Single(v => v.Num("id") == updated).Num("stock_quantity").Should().Be(2);
        var added = variants.Single(v => v.Num("id") != updated);
        added.Num("stock_quantity").Should().Be(2);
        added.Arr("attribute_value_ids").Select(v => v!.GetValue<long>()).Should().Equal(value);
    }

    [Fact]
    public async Task Products_MixedMethodsWithUnknownMethodAndUnknownId_FailsOnlyThoseUnderTheirNumbersFromOne()
    {
        var (kept, removed) = ((await SeedProductAsync(new ProductBuilder())).Num("id"),
            (await SeedProductAsync(new ProductBuilder())).Num("id"));

        var id = await SubmitAsync(ProductBatches, $$$"""
            [
              {"method": "POST", "body": {"title": "Made"}},
              {"method": "PATCH", "body": {"id": {{{kept}}}, "title": "Patched"}},
              {"method": "PUT", "body": {"id": 987654, "title": "Nobody"}},
              {"method": "PUT", "body": {"id": {{{kept}}}, "title": "Renamed"}},
              {"method": "DELETE", "body": {"id": {{{removed}}}}},
              {"method": "PUT", "body": {"title": "No id"}},
              {"method": "POST", "body": "not an object"}
            ]
            """);
        var status = await ProcessedAsync(id);

        status.Num("total").Should().Be(7);
        status.Num("left").Should().Be(0);
        Keys(status).Should().BeEquivalentTo("2", "3", "6", "7");
        status.Str("results.2.error").Should().Be("method must be POST, PUT or DELETE.");
        status.Str("results.2.code").Should().Be("VALIDATION_FAILED");
        status.Str("results.3.error").Should().Be("There is no product with such id");
        status.Str("results.3.code").Should().Be("NOT_FOUND");
        status.Str("results.6.details[0].field").Should().Be("body.id");
        status.Str("results.7.details[0].field").Should().Be("body");
        (await CanonicalAsync(kept)).Str("title").Should().Be("Renamed");
        (await GetAsync($"/api/v1/products/{removed}")).Status.Should().Be(404);
        var titles = await Factory.QueryAsync(db => db.Products.Select(p => p.Title).ToListAsync());
        titles.Should().Contain("Made").And.NotContain("Patched").And.NotContain("Nobody");
    }

    [Fact]
    public async Task Batch_MoreFailuresThanOnePageOfResults_AnswersEveryOneInOrder()
    {
        // The status reads failed results 1,000 at a time and writes each page as it is read.
        const int operations = 2_005;
        var body = "[" + string.Join(',', Enumerable.Repeat("""{"method": "GET", "body": {}}""", operations)) + "]";

        var status = await ProcessedAsync(await SubmitAsync(ProductBatches, body));

        status.Num("total").Should().Be(operations);
        var numbers = Enumerable.Range(1, operations).Select(n => n.ToString(CultureInfo.InvariantCulture));
        Keys(status).Should().Equal(numbers);
        status.Str("results.2005.error").Should().Be("method must be POST, PUT or DELETE.");
    }

    [Fact]
    public async Task Variants_UnknownVariantAndMissingProduct_FailUnderTheirNumbers()
    {
        var product = await SeedProductAsync(new ProductBuilder().WithVariants(1));

        var id = await SubmitAsync(VariantBatches, $$$"""
            [
              {"method": "PUT", "body": {"id": 987654, "quantity": 1}},
              {"method": "POST", "body": {"quantity": 1}},
              {"method": "POST", "body": {"product": 987654, "quantity": 1}},
              {"method": "PUT", "body": {"id": {{{product.Num("variants[0].id")}}}, "quantity": 9}}
            ]
            """);
        var status = await ProcessedAsync(id);

        Keys(status).Should().BeEquivalentTo("1", "2", "3");
        status.Str("results.1.error").Should().Be("There is no variant with such id");
        status.Str("results.2.details[0].field").Should().Be("body.product");
        status.Str("results.3.code").Should().Be("REFERENCE_NOT_FOUND");
        (await CanonicalAsync(product.Num("id"))).Num("variants[0].stock_quantity").Should().Be(9);
    }

    [Fact]
    public async Task Variants_OperationsOnSeveralProducts_ApplyEachToItsOwnProduct()
    {
        var products = await SeedProductsAsync(
            new ProductBuilder().WithVariants(2), new ProductBuilder().WithVariants(2), new ProductBuilder());
        var (a, b, c) = (products[0], products[1], products[2]);
        var operations = new JsonArray(
            Operation("POST", new { product = c.Num("id"), quantity = 3 }),
            Operation("POST", new { product = a.Num("id"), quantity = 5 }),
            Operation("PUT", new { id = a.Num("variants[0].id"), quantity = 11 }),
            Operation("PUT", new { id = b.Num("variants[1].id"), quantity = 12 }),
            Operation("DELETE", new { id = b.Num("variants[0].id") }),
            Operation("DELETE", new { id = a.Num("variants[1].id") }));

        var status = await ProcessedAsync(await SubmitAsync(VariantBatches, operations.ToJsonString()));

        Keys(status).Should().BeEmpty(status.Text());
        var (afterA, afterB, afterC) = (await CanonicalAsync(a.Num("id")), await CanonicalAsync(b.Num("id")),
            await CanonicalAsync(c.Num("id")));
        afterA.Arr("variants").Select(v => v.Num("stock_quantity")).Should().BeEquivalentTo([11L, 5L]);
        afterB.Arr("variants").Select(v => v.Num("id")).Should().Equal(b.Num("variants[1].id"));
        afterB.Num("variants[0].stock_quantity").Should().Be(12);
        afterC.Arr("variants").Select(v => v.Num("stock_quantity")).Should().Equal(3);
    }

    [Fact]
    public async Task Products_EveryField_RoundTripsThroughTheCanonicalApi()
    {
        var categories = await SeedCategoriesAsync(new CategoryBuilder(), new CategoryBuilder());
        var (first, second) = (categories[0].Num("id"), categories[1].Num("id"));
        var values = (await SeedAttributeAsync(new AttributeBuilder().WithValues("S", "M"))).Arr("values");
        var (small, medium) = (values[0].Num("id"), values[1].Num("id"));
        var status = await ProcessedAsync(await SubmitAsync(ProductBatches, $$$"""
            [{"method": "POST", "body": {"title": "Round trip", "main_category": {{{first}}}, "is_enabled": false,
              "variants": [{"quantity": 7, "attribute_values": [{"attributeValue": {{{small}}}}]}]}}]
            """));
        Keys(status).Should().BeEmpty(status.Text());
        var (_, list) = await GetAsync($"/api/v1/products?category_id={first}");
        var created = list.Arr("items").Should().ContainSingle().Subject!;
        created.Str("title").Should().Be("Round trip");
        created.Str("status").Should().Be("draft");
        created.Arr("category_ids").Select(c => c!.GetValue<long>()).Should().Equal(first);
        created.Num("variants[0].stock_quantity").Should().Be(7);
        created.Arr("variants[0].attribute_value_ids").Select(v => v!.GetValue<long>()).Should().Equal(small);

        var (productId, variantId) = (created.Num("id"), created.Num("variants[0].id"));
        status = await ProcessedAsync(await SubmitAsync(ProductBatches, $$$"""
            [{"method": "PUT", "body": {"id": {{{productId}}}, "title": "Round trip 2", "main_category": {{{second}}},
              "is_enabled": true, "variants": [{"id": {{{variantId}}}, "quantity": 0,
              "attribute_values": [{"attributeValue": {{{medium}}}}]}]}}]
            """));
        Keys(status).Should().BeEmpty(status.Text());
        var updated = await CanonicalAsync(productId);
        updated.Str("title").Should().Be("Round trip 2");
        updated.Str("status").Should().Be("published");
        updated.Arr("category_ids").Select(c => c!.GetValue<long>()).Should().Equal(second);
        updated.Arr("variants").Select(v => v.Num("id")).Should().Equal(variantId);
        updated.Num("variants[0].stock_quantity").Should().Be(0);
        updated.Arr("variants[0].attribute_value_ids").Select(v => v!.GetValue<long>()).Should().Equal(medium);

        status = await ProcessedAsync(await SubmitAsync(VariantBatches, $$$"""
            [{"method": "PUT", "body": {"id": {{{variantId}}}, "quantity": 6,
              "attribute_values": [{"attributeValue": {{{small}}}}]}}]
            """));
        Keys(status).Should().BeEmpty(status.Text());
        var variant = (await CanonicalAsync(productId)).At("variants[0]");
        variant.Num("stock_quantity").Should().Be(6);
        variant.Arr("attribute_value_ids").Select(v => v!.GetValue<long>()).Should().Equal(small);
    }

    [Fact]
    public async Task Products_MalformedJsonHalfWay_Is400AndStoresNothing()
    {
        var operations = string.Join(",", Enumerable.Range(0, 2000).Select(i =>
            $$$"""{"method": "POST", "body": {"title": "Broken {{{i}}}"}}"""));
        var before = await CountRowsAsync();

        var (status, body) = await PostRawAsync(ProductBatches, $"[{operations}, {{\"method\": \"POST\", \"bo");

        status.Should().Be(400, body.Text());
        body.Str("code").Should().Be("MALFORMED_JSON");
        body.Str("error").Should().NotBeNullOrEmpty();
        (await Factory.QueryAsync(db => db.Jobs.CountAsync())).Should().Be(0);
        (await Factory.QueryAsync(db => db.JobChunks.CountAsync())).Should().Be(0);
        (await CountRowsAsync()).Should().Be(before);
    }

    [Fact]
    public async Task Batch_AnotherKeysOrUnknownBatch_Is404InTheDialectsShape()
    {
        var id = await SubmitAsync(ProductBatches, """[{"method": "POST", "body": {"title": "Mine"}}]""");
        using var other = Factory.CreateClientWithKey(await Factory.CreateKeyAsync($"{Scopes.Read} {Scopes.Write}"));

        var (status, body) = await GetAsync(BatchUrl(id), other);
        var (unknown, unknownBody) = await GetAsync(BatchUrl(id + 1000));

        status.Should().Be(404, body.Text());
        body.Str("code").Should().Be("NOT_FOUND");
        body.Str("error").Should().Be($"Batch {id} was not found.");
        unknown.Should().Be(404, unknownBody.Text());
        unknownBody.Str("code").Should().Be("NOT_FOUND");
        (await ProcessedAsync(id)).Num("total").Should().Be(1);
    }

    [Fact]
    public async Task Batch_CanonicalJob_IsNotAnOperationListBatch()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, ProductsBatch)
        {
            Content = Body("""{"create": [{"title": "Canonical"}]}"""),
        };
        request.Headers.Add("Prefer", "respond-async");
        using var response = await Client.SendAsync(request);
        var job = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        ((int)response.StatusCode).Should().Be(202, job.Text());

        (await GetAsync(BatchUrl(job.Num("id")))).Status.Should().Be(404);

        // Let the job finish, so that the worker is idle when the next test resets the database.
        for (var polls = 0; polls < 300; polls++)
        {
            var (_, polled) = await GetAsync($"/api/v1/jobs/{job.Num("id")}");
            if (polled.Str("status") == "succeeded")
            {
                break;
            }

            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Products_NotAListOrWithoutKey_IsRefusedWhole()
    {
        var (status, body) = await PostRawAsync(ProductBatches, """{"method": "POST", "body": {}}""");
        using var anonymous = Factory.CreateClientWithKey(null);
        var (unauthorized, _) = await PostRawAsync(ProductBatches, "[]", anonymous);

        status.Should().Be(400, body.Text());
        body.Str("code").Should().Be("INVALID_BODY");
        unauthorized.Should().Be(401);
        (await Factory.QueryAsync(db => db.Jobs.CountAsync())).Should().Be(0);
    }

    private static JsonObject Operation(string method, object body) => new()
    {
        ["method"] = method,
        ["body"] = System.Text.Json.JsonSerializer.SerializeToNode(body),
    };
}

public sealed class OperationListBatchTestsOnSqlite(SqliteApiFactory f)
    : OperationListBatchTests(f), IClassFixture<SqliteApiFactory>;

public sealed class OperationListBatchTestsOnPostgres(PostgresApiFactory f)
    : OperationListBatchTests(f), IClassFixture<PostgresApiFactory>;

public sealed class OperationListBatchTestsOnSqlServer(SqlServerApiFactory f)
    : OperationListBatchTests(f), IClassFixture<SqlServerApiFactory>;
