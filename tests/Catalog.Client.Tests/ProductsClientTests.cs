using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Catalog.Testing;

namespace Catalog.Client.Tests;

/// <summary>
/// The generated SDK against the API on a loopback port, as an external user runs it: their own HttpClient, its
/// BaseAddress and the Bearer key; no hand-written JSON anywhere.
/// </summary>
public sealed class ProductsClientTests : IAsyncLifetime, IDisposable
{
    private readonly SqliteApiFactory _factory = new() { KestrelPort = TestEnvironment.FreePort() };
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        await _factory.InitializeAsync();
        _http = Http(CatalogApiFactory.WriteKey);
    }

    public Task DisposeAsync() => _factory.DisposeAsync();

    public void Dispose()
    {
        _http.Dispose();
        _factory.Dispose();
    }

    [Fact]
    public async Task BatchAsync_CreateUpdateDelete_RoundTripsThroughTheSdk()
    {
        var products = new ProductsClient(_http);

        var created = await products.BatchAsync(new ProductBatchRequest
        {
            Create = [Product("Linen shirt", "LINEN-M", 39.90m, ProductStatus.Published)],
        });
        var item = created.Create.Single();
        item.Status.Should().Be(ItemStatus.Succeeded);
        item.Product!.Status.Should().Be(ProductStatus.Published);
        item.Product.Variants.Single().Prices.Single().Amount.Should().Be(39.90m);

        var updated = await products.BatchAsync(new ProductBatchRequest
        {
            Update = [new ProductUpdate { Id = item.Id, Subtitle = "Washed linen" }],
        });
        updated.Update.Single().Status.Should().Be(ItemStatus.Succeeded);

        var read = await products.GetAsync(item.Id!.Value);
        read.Subtitle.Should().Be("Washed linen");
        read.Status.Should().Be(ProductStatus.Published, "an update naming only the subtitle changes nothing else");
        read.Title.Should().Be("Linen shirt");

        var deleted = await products.BatchAsync(new ProductBatchRequest { Delete = [item.Id.Value] });
        deleted.Summary.Succeeded.Should().Be(1);
        (await products.ListAsync(sku: "LINEN-M")).Total.Should().Be(0);
    }

    [Fact]
    public async Task BatchAsync_TakenHandlesSuffix_GivesTheSecondProductOfATitleAFreeHandle()
    {
        var products = new ProductsClient(_http);
        var request = new ProductBatchRequest
        {
            Create =
            [
                new ProductCreate { Title = "Gift card" },
                new ProductCreate { Title = "Gift card" },
            ],
        };

        var suffixed = await products.BatchAsync(request, takenHandles: TakenHandles.Suffix);
        var refused = await products.BatchAsync(request);

        suffixed.Create.Select(r => r.Product!.Handle).Should().Equal("gift-card", "gift-card-2");
        refused.Create.Select(r => r.Error?.Code)
            .Should().Equal(ErrorCode.DUPLICATE_HANDLE, ErrorCode.DUPLICATE_HANDLE);
    }

    [Fact]
    public async Task BatchAsync_SameIdempotencyKeyTwice_AppliedOnceWithTheSameAnswer()
    {
        var products = new ProductsClient(_http);
        var request = new ProductBatchRequest
        {
            Create =
            [
                new ProductCreate { Title = "Retried shirt", Variants = [new ProductVariantWrite { Title = "M" }] },
            ],
        };
        var key = Guid.NewGuid().ToString();

        var first = await products.BatchAsync(request, idempotency_Key: key);
        var retried = await products.BatchAsync(request, idempotency_Key: key);

        retried.Create.Single().Id.Should().Be(first.Create.Single().Id);
        retried.Create.Single().Product!.Variants.Single().Id
            .Should().Be(first.Create.Single().Product!.Variants.Single().Id);
        (await products.ListAsync()).Items.Count(p => p.Title == "Retried shirt")
            .Should().Be(1, "the retry is answered, not applied again");
    }

    [Fact]
    public async Task BatchAsync_PartialFailure_TypesTheItemErrorCode()
    {
        var products = new ProductsClient(_http);

        var answer = await products.BatchAsync(new ProductBatchRequest
        {
            Create = [Product("Wool scarf", "SCARF-1", 25m), Product(string.Empty, "SCARF-2", 25m)],
        });

        answer.Summary.Succeeded.Should().Be(1);
        answer.Summary.Failed.Should().Be(1);
        answer.Create.Select(i => i.Error?.Code).Should().Equal(null, ErrorCode.VALIDATION_FAILED);
        answer.Create.Last().Error!.Details.Select(d => d.Field).Should().Contain(f => f.EndsWith("title"));
    }

    [Fact]
    public async Task BatchAsync_AtomicFailure_Throws422WithTheTypedBody()
    {
        var products = new ProductsClient(_http);

        var act = () => products.BatchAsync(
            new ProductBatchRequest { Create = [Product("Cap", "CAP-1", 12m), Product(string.Empty, "CAP-2", 12m)] },
            BatchPolicy.Atomic);

        var thrown = await act.Should().ThrowAsync<CatalogApiException<BatchResponseOfProductItemResult>>();
        thrown.Which.StatusCode.Should().Be(422);
        thrown.Which.Result.Create.Select(i => i.Status)
            .Should().BeEquivalentTo([ItemStatus.NotApplied, ItemStatus.Failed]);
        (await products.ListAsync(sku: "CAP-1")).Total.Should().Be(0);
    }

    [Fact]
    public async Task BatchAsync_WithoutKey_Throws401WithTheProblemCode()
    {
        using var anonymous = Http(key: null);

        var act = () => new ProductsClient(anonymous).ListAsync();

        var thrown = await act.Should().ThrowAsync<CatalogApiException<ProblemResponse>>();
        thrown.Which.StatusCode.Should().Be(401);
        thrown.Which.Result.Code.Should().Be(ErrorCode.UNAUTHORIZED);
        thrown.Which.Result.Trace_id.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task BatchAsync_OversizeBatch_Throws400WithCodeAndFieldErrors()
    {
        var products = new ProductsClient(_http);
        var request = new ProductBatchRequest
        {
            Create = [.. Enumerable.Range(0, 1001).Select(i => Product($"Item {i}", $"BULK-{i}", 1m))],
        };

        var act = () => products.BatchAsync(request);

        var thrown = await act.Should().ThrowAsync<CatalogApiException<ProblemResponse>>();
        thrown.Which.StatusCode.Should().Be(400);
        thrown.Which.Result.Code.Should().Be(ErrorCode.BATCH_TOO_LARGE);
    }

    [Fact]
    public async Task ListAsync_LimitOutOfRange_Throws400WithTheFieldErrors()
    {
        var act = () => new ProductsClient(_http).ListAsync(limit: 0);

        var thrown = await act.Should().ThrowAsync<CatalogApiException<ProblemResponse>>();
        thrown.Which.StatusCode.Should().Be(400);
        thrown.Which.Result.Code.Should().Be(ErrorCode.VALIDATION_FAILED);
        thrown.Which.Result.Errors.Should().ContainSingle().Which.Field.Should().Be("limit");
    }

    [Fact]
    public async Task MedusaProductsClient_ListAfterCanonicalCreate_ReadsTheSameProduct()
    {
        await new ProductsClient(_http).BatchAsync(
            new ProductBatchRequest { Create = [Product("Denim jacket", "DENIM-L", 89m, ProductStatus.Published)] });
        using var medusa = new HttpClient { BaseAddress = _http.BaseAddress };
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(CatalogApiFactory.WriteKey + ":"));
        medusa.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", basic);

        var list = await new MedusaProductsClient(medusa).ListAsync();

        list.Products!.Select(p => p.Title).Should().Contain("Denim jacket");
    }

    [Fact]
    public async Task BatchAsync_DryRun_DeserializesTheAnswerWithUnassignedIdsAndWritesNothing()
    {
        var products = new ProductsClient(_http);
        var kept = (await products.BatchAsync(new ProductBatchRequest
        {
            Create = [Product("Canvas tote", "TOTE-1", 15m)],
        })).Create.Single();

        var answer = await products.BatchAsync(
            new ProductBatchRequest
            {
                Create = [Product("Linen shirt", "LINEN-DRY", 39.90m)],
                Update = [new ProductUpdate { Id = kept.Id, Title = "Canvas bag" }],
            },
            dryRun: true);

        var created = answer.Create.Single();
        created.Status.Should().Be(ItemStatus.Succeeded);
        created.Id.Should().BeNull();
        created.Product!.Id.Should().Be(AssignedIdConverter.Unassigned);
        var variant = created.Product.Variants.Single();
        (variant.Id, variant.Product_id, variant.Prices.Single().Id).Should().Be((0L, 0L, 0L));
        variant.Sku.Should().Be("LINEN-DRY");
        var updated = answer.Update.Single();
        (updated.Id, updated.Product!.Id, updated.Product.Title).Should().Be((kept.Id, kept.Id!.Value, "Canvas bag"));
        answer.Summary.Succeeded.Should().Be(2);
        (await products.ListAsync(sku: "LINEN-DRY")).Total.Should().Be(0);
        (await products.GetAsync(kept.Id.Value)).Title.Should().Be("Canvas tote");
    }

    private static ProductCreate Product(string title, string sku, decimal eur, ProductStatus? status = null) => new()
    {
        Title = title,
        Status = status,
        Variants =
        [
            new ProductVariantWrite
            {
                Title = "Default",
                Sku = sku,
                Prices = [new PriceInput { Currency_code = "eur", Amount = eur }],
            },
        ],
    };

    private HttpClient Http(string? key)
    {
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_factory.KestrelPort}/") };
        if (key is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return http;
    }
}
