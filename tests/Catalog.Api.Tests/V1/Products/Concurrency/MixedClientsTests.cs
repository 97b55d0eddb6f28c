using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Catalog.Infrastructure.Auth;
using Catalog.Testing;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Catalog.Api.Tests.V1.Products.Concurrency;

/// <summary>
/// Many clients at once over the same products, on PostgreSQL: each sends mixed batches (creates, updates with and
/// without <c>version</c>, deletes, variant batches) through the canonical API, WooCommerce and Medusa, over one pool
/// of product ids, SKUs and handles. Afterwards the database agrees exactly with what was acknowledged: every
/// acknowledged create is there unless an acknowledged delete removed it, nothing is there that no answer created, and
/// each row's value is the one of an acknowledged write that no other acknowledged write of it provably followed (a
/// higher <c>version</c>, or a request sent after its answer came); no answer was a 5xx.
/// </summary>
public sealed class MixedClientsTests(PostgresApiFactory factory, ITestOutputHelper output)
    : CatalogApiTest(factory), IClassFixture<PostgresApiFactory>
{
    private const int Clients = 12;
    private const int Rounds = 14;
    private const int Seeded = 16;
    private const int Pool = 8;

    private readonly Ledger _ledger = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    [Fact]
    public async Task Batches_FromTwelveClientsOverTheSameProducts_LeaveExactlyWhatWasAcknowledged()
    {
        await SeedAsync();
        var clients = new List<Task>();
        for (var c = 0; c < Clients; c++)
        {
            var key = await Factory.CreateKeyAsync(Scopes.Read + " " + Scopes.Write);
            clients.Add(RunClientAsync(c, key));
        }

        await Task.WhenAll(clients);

        output.WriteLine(_ledger.Summary());
        _ledger.ServerErrors.Should().BeEmpty("no answer is a 5xx");
        _ledger.Acknowledged.Should().BeGreaterThan(Clients * Rounds / 2, "most requests were acknowledged");
        await AssertDatabaseAgreesAsync();
    }

    private async Task SeedAsync()
    {
        var create = Enumerable.Range(0, Seeded).Select(p => new
        {
            title = $"seed {p}",
            handle = $"conc-seed-{p}",
            variants = Enumerable.Range(0, 2)
                .Select(v => new { title = $"v{v}", sku = $"CS-{p}-{v}", stock_quantity = 0 }),
        });
        var (status, body) = await PostAsync(ProductsBatch, new { create });
        status.Should().Be(200, body.Text());
        Record(body!, "create", 0, 0);
    }

    private async Task RunClientAsync(int client, string key)
    {
        var random = new Random(client * 7919);
        var pair = Factory.Credentials(key);
        using var canonical = Factory.CreateClientWithKey(key);
        using var woo = Factory.CreateClientWithKey(null);
        woo.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{pair.ConsumerKey}:{pair.ConsumerSecret}")));
        using var medusa = Factory.CreateClientWithKey(null);
        medusa.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(key + ":")));

        for (var round = 0; round < Rounds; round++)
        {
            var tag = $"c{client}r{round}";
            var target = _ledger.AnyProduct(random);
            switch (random.Next(7))
            {
                case 0:
                    await CanonicalProductBatchAsync(canonical, random, tag, target);
                    break;
                case 1:
                    await SendAsync(canonical, HttpMethod.Patch, ProductsBatch, new
                    {
                        updates = new[] { new { id = target, title = $"patch {tag}" } },
                    }, (body, start, end) => Record(body, "results", start, end));
                    break;
                case 2:
                    await CanonicalVariantsBatchAsync(canonical, random, tag, target);
                    break;
                case 3:
                    await WooProductBatchAsync(woo, random, tag, target);
                    break;
                case 4:
                    await WooVariationsBatchAsync(woo, canonical, random, tag, target);
                    break;
                case 5:
                    await SendAsync(
                        medusa,
                        HttpMethod.Post,
                        $"/admin/products/prod_{target}",
                        new { title = $"medusa {tag}" },
                        (body, start, end) => _ledger.Title(target, body.Str("product.title")!, null, start, end));
                    break;
                default:
                    await MedusaCreateOrDeleteAsync(medusa, random, tag, target);
                    break;
            }
        }
    }

    private async Task CanonicalProductBatchAsync(HttpClient client, Random random, string tag, long target)
    {
        // A version read now may be stale by the time the batch runs: a CONFLICT then, which writes nothing.
        var (_, read) = await SendRawAsync(client, HttpMethod.Get, $"/api/v1/products/{target}", null);
        var version = read?["version"]?.GetValue<long>();
        var other = _ledger.AnyProduct(random);
        var k = random.Next(Pool);
        var body = new Dictionary<string, object?>
        {
            ["create"] = new[]
            {
                new
                {
                    title = $"created {tag}",
                    handle = $"conc-new-{k}",
                    variants = new[] { new { title = "v", sku = $"CN-{k}", stock_quantity = 1 } },
                },
            },
            ["update"] = other == target
                ? new object[] { new { id = target, version, title = $"versioned {tag}" } }
                :
                [
                    new { id = target, version, title = $"versioned {tag}" },
                    new { id = other, title = $"unversioned {tag}" },
                ],
            ["delete"] = random.Next(6) == 0 ? new[] { _ledger.AnyProduct(random) } : Array.Empty<long>(),
        };
        await SendAsync(client, HttpMethod.Post, ProductsBatch, body, (answer, start, end) =>
        {
            Record(answer, "create", start, end);
            Record(answer, "update", start, end);
            foreach (var result in Succeeded(answer["delete"]))
            {
                _ledger.ProductDeleted(result.Num("id"));
            }
        });
    }

    private async Task CanonicalVariantsBatchAsync(HttpClient client, Random random, string tag, long target)
    {
        var variants = _ledger.VariantsOf(target);
        var k = random.Next(Pool);
        var update = variants.Count == 0
            ? []
            : new[] { new { id = variants[random.Next(variants.Count)], stock_quantity = random.Next(1000) } };
        var delete = variants.Count > 1 && random.Next(4) == 0 ? new[] { variants[random.Next(variants.Count)] } : [];
        var body = new
        {
            create = new[] { new { title = $"v {tag}", sku = $"CV-{k}", stock_quantity = 2 } },
            update,
            delete = delete.Except(update.Select(u => u.id)).ToArray(),
        };
        await SendAsync(client, HttpMethod.Post, VariantsBatch(target), body, (answer, start, end) =>
        {
            foreach (var result in Succeeded(answer["create"]))
            {
                _ledger.VariantCreated(target, result.Num("id"), result.Str("variant.sku"), 2, start);
            }

            foreach (var result in Succeeded(answer["update"]))
            {
                _ledger.Stock(result.Num("id"), result.Num("variant.stock_quantity"), result.Num("variant.version"),
                    start, end);
            }

            foreach (var result in Succeeded(answer["delete"]))
            {
                _ledger.VariantDeleted(result.Num("id"));
            }
        });
    }

    private async Task WooProductBatchAsync(HttpClient client, Random random, string tag, long target)
    {
        var k = random.Next(Pool);
        var body = new
        {
            create = new[] { new { name = $"woo {tag}", type = "simple", sku = $"CW-{k}", regular_price = "5.00" } },
            update = new[] { new { id = target, name = $"woo {tag}" } },
            delete = random.Next(6) == 0 ? new[] { _ledger.AnyProduct(random) } : [],
        };
        await SendAsync(client, HttpMethod.Post, "/wp-json/wc/v3/products/batch", body, (answer, start, end) =>
        {
            foreach (var created in WooSucceeded(answer["create"]))
            {
                _ledger.ProductCreated(created.Num("id"), created.Str("name")!, null, start);

                // A simple product's one variant carries its SKU.
                _ledger.SimpleVariantCreated(created.Num("id"), created.Str("sku"), start);
            }

            foreach (var updated in WooSucceeded(answer["update"]))
            {
                _ledger.Title(updated.Num("id"), updated.Str("name")!, null, start, end);
            }

            foreach (var deleted in WooSucceeded(answer["delete"]))
            {
                _ledger.ProductDeleted(deleted.Num("id"));
            }
        });
    }

    private async Task WooVariationsBatchAsync(
        HttpClient woo, HttpClient canonical, Random random, string tag, long target)
    {
        var variants = _ledger.VariantsOf(target);
        if (variants.Count == 0)
        {
            await CanonicalVariantsBatchAsync(canonical, random, tag, target);
            return;
        }

        var variant = variants[random.Next(variants.Count)];
        var stock = random.Next(1000);
        var body = new { update = new[] { new { id = variant, manage_stock = true, stock_quantity = stock } } };
        await SendAsync(woo, HttpMethod.Post, $"/wp-json/wc/v3/products/{target}/variations/batch", body,
            (answer, start, end) =>
            {
                foreach (var updated in WooSucceeded(answer["update"]))
                {
                    _ledger.Stock(updated.Num("id"), updated.Num("stock_quantity"), null, start, end);
                }
            });
    }

    private async Task MedusaCreateOrDeleteAsync(HttpClient client, Random random, string tag, long target)
    {
        if (random.Next(3) == 0)
        {
            await SendAsync(client, HttpMethod.Delete, $"/admin/products/prod_{target}", null,
                (answer, _, _) => _ledger.ProductDeleted(target));
            return;
        }

        var k = random.Next(Pool);
        var body = new { title = $"medusa {tag}", handle = $"conc-medusa-{k}" };
        await SendAsync(client, HttpMethod.Post, "/admin/products", body, (answer, start, _) =>
        {
            var id = long.Parse(
                answer.Str("product.id")!["prod_".Length..], System.Globalization.CultureInfo.InvariantCulture);
            _ledger.ProductCreated(id, answer.Str("product.title")!, null, start);
        });
    }

    /// <summary>Sends; on a 2xx hands the body to <paramref name="acknowledged"/> with the request's start and end.
    /// </summary>
    private async Task SendAsync(
        HttpClient client, HttpMethod method, string url, object? body, Action<JsonNode, double, double> acknowledged)
    {
        var start = _clock.Elapsed.TotalMilliseconds;
        var (status, answer) = await SendRawAsync(client, method, url, body);
        var end = _clock.Elapsed.TotalMilliseconds;
        _ledger.Answered(method, url, status, answer);
        if (status is >= 200 and < 300 && answer is not null)
        {
            lock (_ledger)
            {
                acknowledged(answer, start, end);
            }
        }
    }

    private static async Task<(int Status, JsonNode? Body)> SendRawAsync(
        HttpClient client, HttpMethod method, string url, object? body)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : Body(body) };
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    private void Record(JsonNode answer, string list, double start, double end)
    {
        foreach (var result in Succeeded(answer[list]))
        {
            var product = result["product"]!;
            var id = product.Num("id");
            if (list == "create")
            {
                _ledger.ProductCreated(id, product.Str("title")!, product.Num("version"), start);
                foreach (var variant in product["variants"]!.AsArray())
                {
                    _ledger.VariantCreated(
                        id, variant.Num("id"), variant.Str("sku"), variant.Num("stock_quantity"), start);
                }
            }
            else
            {
                _ledger.Title(id, product.Str("title")!, product.Num("version"), start, end);
            }
        }
    }

    private static IEnumerable<JsonNode> Succeeded(JsonNode? results) =>
        (results?.AsArray() ?? []).OfType<JsonNode>().Where(r => r.Str("status") == "succeeded");

    private static IEnumerable<JsonNode> WooSucceeded(JsonNode? results) =>
        (results?.AsArray() ?? []).OfType<JsonNode>().Where(r => r["error"] is null);

    private async Task AssertDatabaseAgreesAsync()
    {
        var products = await Factory.QueryAsync(db => db.Products.AsNoTracking()
            .Select(p => new { p.Id, p.Title }).ToListAsync());
        var variants = await Factory.QueryAsync(db => db.Variants.AsNoTracking()
            .Select(v => new { v.Id, v.ProductId, v.Sku, v.StockQuantity }).ToListAsync());

        products.Select(p => p.Id).Should().BeEquivalentTo(_ledger.LiveProducts(),
            "the products are exactly those acknowledged as created and not acknowledged as deleted");
        foreach (var product in products)
        {
            _ledger.PossibleTitles(product.Id).Should().Contain(product.Title,
                $"product {product.Id}'s title is its last acknowledged one");
        }

        var simple = _ledger.SimpleVariants;
        var named = variants.Where(v => !simple.ContainsKey(v.ProductId) || _ledger.LiveVariants().Contains(v.Id));
        named.Select(v => v.Id).Should().BeEquivalentTo(_ledger.LiveVariants(),
            "the variants are exactly those acknowledged as created, not deleted, of products not deleted");
        foreach (var (productId, sku) in simple)
        {
            variants.Where(v => v.ProductId == productId && !_ledger.LiveVariants().Contains(v.Id))
                .Select(v => v.Sku)
                .Should().Equal([sku], $"WooCommerce simple product {productId} has its one variant");
        }

        foreach (var variant in named)
        {
            var known = _ledger.Variant(variant.Id);
            (variant.ProductId, variant.Sku).Should().Be((known.ProductId, known.Sku), $"variant {variant.Id}");
            _ledger.PossibleStocks(variant.Id).Should().Contain(variant.StockQuantity ?? 0,
                $"variant {variant.Id}'s stock is its last acknowledged one");
        }
    }
}
