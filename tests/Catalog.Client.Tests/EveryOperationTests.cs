using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Catalog.Infrastructure.Auth;
using Catalog.Testing;
using FluentAssertions.Execution;

namespace Catalog.Client.Tests;

/// <summary>
/// Every method of every generated client, called once against the running API in an order that lets each succeed:
/// the canonical resources first, then reads and a price quote, each dialect's batches, single-item routes and reads
/// through its own client and credentials, and deletes last. Afterwards every client method and every operation
/// documented in <c>docs/openapi.json</c> must have been called. The WooCommerce and Medusa calls are in
/// <c>EveryOperationTests.WooCommerce.cs</c> and <c>EveryOperationTests.Medusa.cs</c>.
/// </summary>
public sealed partial class EveryOperationTests : IAsyncLifetime, IDisposable
{
    private const string Gold = "gold";

    private readonly SqliteApiFactory _factory = new() { KestrelPort = TestEnvironment.FreePort() };
    private readonly SdkCallRecorder _recorder = new();
    private readonly List<HttpClient> _http = [];

    private RecordedClient<IWholesaleRolesClient> _roles = null!;
    private RecordedClient<ICategoriesClient> _categories = null!;
    private RecordedClient<ITagsClient> _tags = null!;
    private RecordedClient<IWooCommerceTagsClient> _wooTags = null!;
    private RecordedClient<IAttributesClient> _attributes = null!;
    private RecordedClient<IProductsClient> _products = null!;
    private RecordedClient<IVariantsClient> _variants = null!;
    private RecordedClient<ITradeProductsClient> _trade = null!;
    private RecordedClient<IWooCommerceProductsClient> _wooProducts = null!;
    private RecordedClient<IWooCommerceVariationsClient> _wooVariations = null!;
    private RecordedClient<IWooCommerceCategoriesClient> _wooCategories = null!;
    private RecordedClient<IWooCommerceAttributesClient> _wooAttributes = null!;
    private RecordedClient<IWooCommerceAttributeTermsClient> _wooTerms = null!;
    private RecordedClient<IWholesaleSuiteProductsClient> _wwsProducts = null!;
    private RecordedClient<IWholesaleSuiteVariationsClient> _wwsVariations = null!;
    private RecordedClient<IMedusaProductsClient> _medusa = null!;
    private RecordedClient<IProcessClient> _process = null!;
    private RecordedClient<IJobsClient> _jobs = null!;
    private RecordedClient<IOperationListClient> _operationList = null!;
    private RecordedClient<IApiKeysClient> _keys = null!;

    public async Task InitializeAsync()
    {
        await _factory.InitializeAsync();
        var bearer = Http(new AuthenticationHeaderValue("Bearer", CatalogApiFactory.WriteKey));
        var pair = _factory.Credentials(CatalogApiFactory.WriteKey);
        var wordPress = Http(Basic($"{pair.ConsumerKey}:{pair.ConsumerSecret}"));
        var medusa = Http(Basic(CatalogApiFactory.WriteKey + ":"));

        _roles = _recorder.Record<IWholesaleRolesClient>(new WholesaleRolesClient(bearer));
        _categories = _recorder.Record<ICategoriesClient>(new CategoriesClient(bearer));
        _tags = _recorder.Record<ITagsClient>(new TagsClient(bearer));
        _wooTags = _recorder.Record<IWooCommerceTagsClient>(new WooCommerceTagsClient(wordPress));
        _attributes = _recorder.Record<IAttributesClient>(new AttributesClient(bearer));
        _products = _recorder.Record<IProductsClient>(new ProductsClient(bearer));
        _variants = _recorder.Record<IVariantsClient>(new VariantsClient(bearer));
        _trade = _recorder.Record<ITradeProductsClient>(new TradeProductsClient(bearer));
        _wooProducts = _recorder.Record<IWooCommerceProductsClient>(new WooCommerceProductsClient(wordPress));
        _wooVariations = _recorder.Record<IWooCommerceVariationsClient>(new WooCommerceVariationsClient(wordPress));
        _wooCategories = _recorder.Record<IWooCommerceCategoriesClient>(new WooCommerceCategoriesClient(wordPress));
        _wooAttributes = _recorder.Record<IWooCommerceAttributesClient>(new WooCommerceAttributesClient(wordPress));
        _wooTerms =
            _recorder.Record<IWooCommerceAttributeTermsClient>(new WooCommerceAttributeTermsClient(wordPress));
        _wwsProducts = _recorder.Record<IWholesaleSuiteProductsClient>(new WholesaleSuiteProductsClient(wordPress));
        _wwsVariations =
            _recorder.Record<IWholesaleSuiteVariationsClient>(new WholesaleSuiteVariationsClient(wordPress));
        _medusa = _recorder.Record<IMedusaProductsClient>(new MedusaProductsClient(medusa));
        _process = _recorder.Record<IProcessClient>(new ProcessClient(bearer));
        _jobs = _recorder.Record<IJobsClient>(new JobsClient(bearer));
        _operationList = _recorder.Record<IOperationListClient>(new OperationListClient(bearer));
        _keys = _recorder.Record<IApiKeysClient>(new ApiKeysClient(bearer));
    }

    public Task DisposeAsync() => _factory.DisposeAsync();

    public void Dispose()
    {
        _http.ForEach(h => h.Dispose());
        _factory.Dispose();
    }

    [Fact]
    public async Task Sdk_EveryDocumentedOperation_IsCalledAndAnswers()
    {
        var catalog = await CreateCanonicalAsync();
        await ReadCanonicalAsync(catalog);
        await UpdateThroughTradeAsync(catalog.ProductId);
        WordPressInputsSerializeTheirFields();
        await WriteAndReadWooCommerceAsync();
        await WriteAndReadTagsAsync();
        await WriteAndReadWholesaleSuiteAsync();
        await WriteAndReadMedusaAsync();
        await UpsertThroughProcessAsync();
        await RunAJobAsync();
        await WriteThroughOperationListAsync(catalog);
        await DeleteEverythingAsync(catalog);
        await ManageKeysAsync();

        using (new AssertionScope())
        {
            SdkCoverage.EveryClientMethodWasCalled(_recorder);
            SdkCoverage.EveryDocumentedOperationWasRequested(_recorder);
        }
    }

    /// <summary>The bootstrap key (admin scope) manages keys: one key issued, read, rotated, revoked.</summary>
    private async Task ManageKeysAsync()
    {
        var issued = await _keys.Call(nameof(IApiKeysClient.CreateAsync), c => c.CreateAsync(
            new CreateApiKeyRequest { Name = "sdk", Scopes = ["catalog:read"] }));
        issued.Key.Should().NotBeNullOrEmpty();
        var listed = await _keys.Call(nameof(IApiKeysClient.ListAsync), c => c.ListAsync());
        listed.Items.Select(k => k.Id).Should().Contain(issued.Id);
        (await _keys.Call(nameof(IApiKeysClient.GetAsync), c => c.GetAsync(issued.Id))).Name.Should().Be("sdk");
        var me = await _keys.Call(nameof(IApiKeysClient.MeAsync), c => c.MeAsync());
        me.Scopes.Should().Contain("catalog:admin");
        var rotated = await _keys.Call(nameof(IApiKeysClient.RotateAsync), c => c.RotateAsync(issued.Id));
        rotated.Key.Should().NotBe(issued.Key);
        var revoked = await _keys.Call(nameof(IApiKeysClient.RevokeAsync), c => c.RevokeAsync(issued.Id));
        revoked.Id.Should().Be(issued.Id);
    }

    private sealed record Seeded(
        long RoleId, long CategoryId, long AttributeId, long SizeM, long ProductId, long VariantS, long VariantM);

    private async Task<Seeded> CreateCanonicalAsync()
    {
        var roles = await _roles.Call(nameof(IWholesaleRolesClient.BatchAsync), c => c.BatchAsync(
            new WholesaleRoleBatchRequest { Create = [new WholesaleRoleCreate { Key = Gold, Name = "Gold" }] }));
        var role = Succeeded(roles.Summary, roles.Create).Single();
        role.Wholesale_role!.Key.Should().Be(Gold);

        var categories = await _categories.Call(nameof(ICategoriesClient.BatchAsync), c => c.BatchAsync(
            new CategoryBatchRequest { Create = [new CategoryCreate { Name = "Shirts", Handle = "shirts" }] }));
        var category = Succeeded(categories.Summary, categories.Create).Single();
        category.Category!.Handle.Should().Be("shirts");

        var attributes = await _attributes.Call(nameof(IAttributesClient.BatchAsync), c => c.BatchAsync(
            new AttributeBatchRequest
            {
                Create =
                [
                    new AttributeCreate
                    {
                        Name = "Size",
                        Slug = "size",
                        Values = [new AttributeValueWrite { Name = "S" }, new AttributeValueWrite { Name = "M" }],
                    },
                ],
            }));
        var attribute = Succeeded(attributes.Summary, attributes.Create).Single();
        attribute.Attribute!.Values!.Select(v => v.Name).Should().Equal("S", "M");
        var sizeM = Id(attribute.Attribute.Values!.Last().Id);

        var products = await _products.Call(nameof(IProductsClient.BatchAsync), c => c.BatchAsync(
            new ProductBatchRequest
            {
                Create =
                [
                    new ProductCreate
                    {
                        Title = "Linen shirt",
                        Handle = "linen-shirt",
                        Status = ProductStatus.Published,
                        Category_ids = [Id(category.Id)],
                        Options = [new OptionInput { Title = "Size", Values = ["S", "M"] }],
                        Variants = [Variant<ProductVariantWrite>("S", "LINEN-S")],
                    },
                ],
            }));
        var product = Succeeded(products.Summary, products.Create).Single();
        product.Product!.Variants!.Single().Sku.Should().Be("LINEN-S");
        var productId = Id(product.Id);

        var variants = await _products.Call(nameof(IProductsClient.BatchVariantsAsync), c => c.BatchVariantsAsync(
            productId, new VariantBatchRequest { Create = [Variant<VariantCreate>("M", "LINEN-M", sizeM)] }));
        var variant = Succeeded(variants.Summary, variants.Create).Single();
        variant.Variant!.Product_id.Should().Be(productId);
        variant.Variant.Attribute_value_ids.Should().Equal(sizeM);

        var patched = await _products.Call(nameof(IProductsClient.PatchAsync), c => c.PatchAsync(
            new ProductPatchRequest { Updates = [new ProductUpdate { Id = productId, Subtitle = "Washed linen" }] }));
        var patch = Succeeded(patched.Summary, patched.Results).Single();
        patch.Product!.Subtitle.Should().Be("Washed linen");
        patch.Product.Status.Should().Be(ProductStatus.Published, "a patch naming the subtitle changes nothing else");

        return new(Id(role.Id), Id(category.Id), Id(attribute.Id), sizeM, productId,
            Id(product.Product.Variants!.Single().Id), Id(variant.Id));
    }

    private async Task ReadCanonicalAsync(Seeded catalog)
    {
        var roles = await _roles.Call(nameof(IWholesaleRolesClient.ListAsync), c => c.ListAsync());
        roles.Items!.Select(r => r.Key).Should().Equal(Gold);
        var role = await _roles.Call(nameof(IWholesaleRolesClient.GetAsync), c => c.GetAsync(catalog.RoleId));
        role.Name.Should().Be("Gold");

        var categories = await _categories.Call(nameof(ICategoriesClient.ListAsync), c => c.ListAsync());
        categories.Items!.Select(c => c.Id).Should().Equal(catalog.CategoryId);
        var category = await _categories.Call(
            nameof(ICategoriesClient.GetAsync), c => c.GetAsync(catalog.CategoryId));
        category.Name.Should().Be("Shirts");

        var attributes = await _attributes.Call(nameof(IAttributesClient.ListAsync), c => c.ListAsync());
        attributes.Items!.Select(a => a.Slug).Should().Equal("size");
        var attribute = await _attributes.Call(
            nameof(IAttributesClient.GetAsync), c => c.GetAsync(catalog.AttributeId));
        attribute.Values!.Select(v => v.Id).Should().Contain(catalog.SizeM);

        var products = await _products.Call(
            nameof(IProductsClient.ListAsync), c => c.ListAsync(categoryId: catalog.CategoryId));
        products.Items!.Select(p => p.Id).Should().Equal(catalog.ProductId);
        var product = await _products.Call(nameof(IProductsClient.GetAsync), c => c.GetAsync(catalog.ProductId));
        product.Variants!.Select(v => v.Sku).Should().BeEquivalentTo("LINEN-S", "LINEN-M");
        product.Subtitle.Should().Be("Washed linen");

        var variant = await _variants.Call(nameof(IVariantsClient.GetAsync), c => c.GetAsync(catalog.VariantS));
        variant.Product_id.Should().Be(catalog.ProductId);
        variant.Wholesale!.Prices!.Single().Amount.Should().Be(12m);

        var quote = await _variants.Call(nameof(IVariantsClient.PriceAsync),
            c => c.PriceAsync(catalog.VariantS, role: Gold, quantity: 3, currency: "usd"));
        quote.Regular_price.Should().Be(19m);
        quote.Unit_price.Should().Be(12m);
        quote.Total.Should().Be(36m);
        quote.Reason.Should().Be(PriceReason.WholesalePrice);
    }

    /// <summary>The process dialect: an upsert by SKU as a batch, polled until it reports every item.</summary>
    private async Task UpsertThroughProcessAsync()
    {
        var accepted = await _process.Call(nameof(IProcessClient.ProductsAsync), c => c.ProductsAsync(
            [new ProcessProduct { Sku = "PROCESS-1", Title = "Processed", Price = 7.5m, Quantity = 2 }]));
        accepted.BatchId.Should().NotBeNullOrEmpty();

        ProcessBatchStatus status;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        do
        {
            status = await _process.Call(nameof(IProcessClient.BatchAsync), c => c.BatchAsync(accepted.BatchId!));
            (DateTime.UtcNow < deadline).Should().BeTrue("the batch should finish");
        }
        while (status.Status is "PENDING" or "RUNNING");

        status.Status.Should().Be("SUCCESS");
        var item = status.Data!.Single();
        item.Status.Success.Should().BeTrue();
        item.Status.Process.Should().Be("INSERT");
        item.AdditionalProperties["sku"].ToString().Should().Be("PROCESS-1");
    }

    /// <summary>A canonical batch of variants of any products, then the operation list's batch commands.</summary>
    private async Task WriteThroughOperationListAsync(Seeded catalog)
    {
        var variants = await _variants.Call(nameof(IVariantsClient.BatchAsync), c => c.BatchAsync(
            new VariantBatchRequest { Update = [new VariantUpdate { Id = catalog.VariantM, Stock_quantity = 8 }] }));
        Succeeded(variants.Summary, variants.Update).Single().Variant!.Stock_quantity.Should().Be(8);

        var products = await _operationList.Call(nameof(IOperationListClient.ProductsAsync), c => c.ProductsAsync(
        [
            new ProductOperation
            {
                Method = "PUT",
                Body = new OperationListProduct { Id = catalog.ProductId, Is_enabled = true },
            },
        ]));
        var variantBatch = await _operationList.Call(nameof(IOperationListClient.VariantsAsync), c => c.VariantsAsync(
        [
            new VariantOperation
            {
                Method = "PUT",
                Body = new OperationListVariant { Id = catalog.VariantS, Quantity = 9 },
            },
        ]));
        foreach (var id in (long[])[products.Id, variantBatch.Id])
        {
            var status = await _operationList.Call(nameof(IOperationListClient.BatchAsync), c => c.BatchAsync(id));
            for (var polls = 0; !status.Is_processed && polls < 300; polls++)
            {
                await Task.Delay(100);
                status = await _operationList.Call(nameof(IOperationListClient.BatchAsync), c => c.BatchAsync(id));
            }

            status.Is_processed.Should().BeTrue();
            status.Total.Should().Be(1);
            status.Results.Should().BeEmpty();
        }

        var variant = await _variants.Call(nameof(IVariantsClient.GetAsync), c => c.GetAsync(catalog.VariantS));
        variant.Stock_quantity.Should().Be(9);
    }

    private async Task UpdateThroughTradeAsync(long productId)
    {
        var answer = await _trade.Call(nameof(ITradeProductsClient.BatchAsync), c => c.BatchAsync(
            new TradeBatchRequest
            {
                Updates =
                [
                    new TradeProductUpdate
                    {
                        Id = productId,
                        Name = "Linen shirt, trade",
                        Pricing = new TradePricing { PricingType = "FIXED", Price = 25m, IsDisclosePrice = true },
                    },
                ],
            }));

        answer.Summary!.Succeeded.Should().Be(1);
        var result = answer.Results!.Single();
        result.Status.Should().Be("ok");
        result.Product!.Id.Should().Be(productId);
        result.Product.Name.Should().Be("Linen shirt, trade");
        result.Product.Price.Should().Be(25m);
    }

    /// <summary>
    /// The WooCommerce and Wholesale Suite inputs put their typed fields on the wire, serialized as the generated
    /// clients do: checked before the dialect calls, so that a batch the SDK would send as <c>{}</c> fails here with
    /// its reason rather than later as an answer the SDK cannot read.
    /// </summary>
    private static void WordPressInputsSerializeTheirFields()
    {
        using var scope = new AssertionScope();
        const string Reason = "the SDK sends the fields a caller sets on a WordPress-style batch";
        JsonSerializer.Serialize(new WooBatchRequestOfWooProductInput
        {
            Create = [new WooProductInput { Name = "Tee" }],
            Delete = [1],
        }).Should().Be("""{"create":[{"name":"Tee"}],"delete":[1]}""", Reason);
        JsonSerializer.Serialize(new WooBatchRequestOfWooVariationInput
        {
            Update = [new WooVariationInput { Id = 2, Regular_price = "9" }],
        }).Should().Be("""{"update":[{"id":2,"regular_price":"9"}]}""", Reason);
        JsonSerializer.Serialize(new WooBatchRequestOfWholesaleSuiteProductInput
        {
            Create =
            [
                new WholesaleSuiteProductInput { Wholesale_price = new Dictionary<string, string> { [Gold] = "20" } },
            ],
        }).Should().Be("""{"create":[{"wholesale_price":{"gold":"20"}}]}""", Reason);
        JsonSerializer.Serialize(new WooBatchRequestOfWholesaleSuiteVariationInput
        {
            Update = [new WholesaleSuiteVariationInput { Id = 3, Sku = "V-3" }],
        }).Should().Be("""{"update":[{"id":3,"sku":"V-3"}]}""", Reason);
    }

    private async Task WriteAndReadWholesaleSuiteAsync()
    {
        var created = await _wwsProducts.Call(nameof(IWholesaleSuiteProductsClient.BatchAsync), c => c.BatchAsync(
            new WooBatchRequestOfWholesaleSuiteProductInput
            {
                Create =
                [
                    new WholesaleSuiteProductInput
                    {
                        Name = "Apron",
                        Type = "simple",
                        Sku = "APRON-1",
                        Regular_price = "30",
                        Wholesale_price = new Dictionary<string, string> { [Gold] = "20" },
                        Wholesale_minimum_order_quantity = new Dictionary<string, string> { [Gold] = "2" },
                    },
                    new WholesaleSuiteProductInput
                    {
                        Name = "Jacket",
                        Type = "variable",
                        Attributes = [SizeAttribute()],
                    },
                ],
            }));
        var (apron, jacket) = Pair(Resources(created.Create, e => e.Error));
        apron.Wholesale_data.Wholesale_price![Gold].Should().Be("20");

        var put = await _wwsProducts.Call(nameof(IWholesaleSuiteProductsClient.BatchPutAsync), c => c.BatchPutAsync(
            new WooBatchRequestOfWholesaleSuiteProductInput
            {
                Update =
                [
                    new WholesaleSuiteProductInput
                    {
                        Id = apron.Id, Wholesale_price = new Dictionary<string, string> { [Gold] = "18" },
                    },
                ],
            }));
        Resources(put.Update, e => e.Error).Single()
            .Wholesale_data.Wholesale_price![Gold].Should().Be("18");

        var patched = await _wwsProducts.Call(nameof(IWholesaleSuiteProductsClient.BatchPatchAsync),
            c => c.BatchPatchAsync(new WooBatchRequestOfWholesaleSuiteProductInput
            {
                Update =
                [
                    new WholesaleSuiteProductInput
                    {
                        Id = apron.Id, Wholesale_order_quantity_step = new Dictionary<string, string> { [Gold] = "2" },
                    },
                ],
            }));
        Resources(patched.Update, e => e.Error).Single()
            .Wholesale_data.Wholesale_order_quantity_step![Gold].Should().Be("2");

        var read = await _wwsProducts.Call(
            nameof(IWholesaleSuiteProductsClient.GetAsync), c => c.GetAsync(Id(apron.Id)));
        read.Wholesale_data.Wholesale_price![Gold].Should().Be("18");
        read.Wholesale_data.Wholesale_minimum_order_quantity![Gold].Should().Be("2");

        await WriteAndReadWholesaleSuiteVariationsAsync(Id(jacket.Id));
    }

    private async Task WriteAndReadWholesaleSuiteVariationsAsync(long jacketId)
    {
        var created = await _wwsVariations.Call(nameof(IWholesaleSuiteVariationsClient.BatchAsync),
            c => c.BatchAsync(jacketId, new WooBatchRequestOfWholesaleSuiteVariationInput
            {
                Create =
                [
                    new WholesaleSuiteVariationInput
                    {
                        Sku = "JACKET-M",
                        Regular_price = "120",
                        Attributes = [new WooVariationAttributeInput { Name = "Size", Option = "M" }],
                        Wholesale_price = new Dictionary<string, string> { [Gold] = "90" },
                    },
                ],
            }));
        var variation = Resources(created.Create, e => e.Error).Single();
        variation.Wholesale_data.Wholesale_price![Gold].Should().Be("90");

        var put = await _wwsVariations.Call(nameof(IWholesaleSuiteVariationsClient.BatchPutAsync),
            c => c.BatchPutAsync(jacketId, new WooBatchRequestOfWholesaleSuiteVariationInput
            {
                Update =
                [
                    new WholesaleSuiteVariationInput
                    {
                        Id = variation.Id, Wholesale_price = new Dictionary<string, string> { [Gold] = "85" },
                    },
                ],
            }));
        Resources(put.Update, e => e.Error).Single()
            .Wholesale_data.Wholesale_price![Gold].Should().Be("85");

        var patched = await _wwsVariations.Call(nameof(IWholesaleSuiteVariationsClient.BatchPatchAsync),
            c => c.BatchPatchAsync(jacketId, new WooBatchRequestOfWholesaleSuiteVariationInput
            {
                Update =
                [
                    new WholesaleSuiteVariationInput
                    {
                        Id = variation.Id,
                        Wholesale_minimum_order_quantity = new Dictionary<string, string> { [Gold] = "3" },
                    },
                ],
            }));
        Resources(patched.Update, e => e.Error).Single()
            .Wholesale_data.Wholesale_minimum_order_quantity![Gold].Should().Be("3");

        var listed = await _wwsVariations.Call(
            nameof(IWholesaleSuiteVariationsClient.ListAsync), c => c.ListAsync(jacketId));
        listed.Select(v => v.Id).Should().Equal(variation.Id);
        var read = await _wwsVariations.Call(
            nameof(IWholesaleSuiteVariationsClient.GetAsync), c => c.GetAsync(jacketId, Id(variation.Id)));
        read.Wholesale_data.Wholesale_price![Gold].Should().Be("85");
        read.Wholesale_data.Wholesale_minimum_order_quantity![Gold].Should().Be("3");
    }

    /// <summary>A products batch sent as a job (<c>Prefer: respond-async</c>), polled, its results read.</summary>
    private async Task RunAJobAsync()
    {
        var request = new ProductBatchRequest
        {
            Create =
            [
                new ProductCreate
                {
                    Title = "Job tee", Variants = [new ProductVariantWrite { Title = "M", Sku = "JOB-M" }],
                },
            ],
        };
        var submitted = await _products.Call(
            nameof(IProductsClient.BatchAsync),
            c => CatalogJobs.SubmitAsync(prefer => c.BatchAsync(request, prefer: prefer)));
        submitted.Total.Should().Be(1);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var job = submitted;
        while (job.Status is JobStatusContract.Queued or JobStatusContract.Running)
        {
            clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(60), "the job should finish");
            await Task.Delay(50);
            job = await _jobs.Call(nameof(IJobsClient.GetAsync), c => c.GetAsync(submitted.Id));
        }

        var results = await _jobs.Call(nameof(IJobsClient.ResultsAsync), c => c.ResultsAsync(job.Id));
        results.Items.Single().Status.Should().Be(ItemStatus.Succeeded, results.Items.Single().Error?.Message);
        job.Status.Should().Be(JobStatusContract.Succeeded);
        var list = await _jobs.Call(nameof(IJobsClient.ListAsync), c => c.ListAsync());
        list.Items.Select(j => j.Id).Should().Contain(job.Id);
        var cancel = () => _jobs.Call(nameof(IJobsClient.CancelAsync), c => c.CancelAsync(job.Id));
        (await cancel.Should().ThrowAsync<CatalogApiException<ProblemResponse>>()).Which.StatusCode.Should().Be(409);
    }

    private async Task DeleteEverythingAsync(Seeded catalog)
    {
        var all = await _products.Call(nameof(IProductsClient.ListAsync), c => c.ListAsync(limit: 100));
        all.Total.Should().Be(8, "the canonical shirt, Woo's tee and hoodie, Wholesale Suite's apron and jacket, "
            + "Medusa's tote, the job's tee, the process API's product");
        var ids = all.Items!.Select(p => Id(p.Id)).ToList();

        var products = await _products.Call(nameof(IProductsClient.BatchAsync),
            c => c.BatchAsync(new ProductBatchRequest { Delete = ids }));
        Succeeded(products.Summary, products.Delete).Select(d => d.Id).Should().BeEquivalentTo(ids);
        var categories = await _categories.Call(nameof(ICategoriesClient.BatchAsync),
            c => c.BatchAsync(new CategoryBatchRequest { Delete = [catalog.CategoryId] }));
        Succeeded(categories.Summary, categories.Delete).Single().Id.Should().Be(catalog.CategoryId);
        var attributes = await _attributes.Call(nameof(IAttributesClient.BatchAsync),
            c => c.BatchAsync(new AttributeBatchRequest { Delete = [catalog.AttributeId] }));
        Succeeded(attributes.Summary, attributes.Delete).Single().Id.Should().Be(catalog.AttributeId);
        var roles = await _roles.Call(nameof(IWholesaleRolesClient.BatchAsync),
            c => c.BatchAsync(new WholesaleRoleBatchRequest { Delete = [catalog.RoleId] }));
        Succeeded(roles.Summary, roles.Delete).Single().Id.Should().Be(catalog.RoleId);

        (await _products.Call(nameof(IProductsClient.ListAsync), c => c.ListAsync())).Total.Should().Be(0);
    }

    /// <summary>The items of a canonical batch answer, after checking that all of them succeeded.</summary>
    private static ICollection<T> Succeeded<T>(BatchSummaryContract? summary, ICollection<T>? answered)
        where T : ItemResultContract
    {
        answered.Should().NotBeNull();
        var items = answered!;
        items.Should().OnlyContain(i => i.Status == ItemStatus.Succeeded,
            string.Join("; ", items.Select(i => $"{i.Index}: {i.Error?.Code} {i.Error?.Message}")));
        summary.Should().NotBeNull();
        summary!.Succeeded.Should().Be(items.Count);
        summary.Failed.Should().Be(0);
        return items;
    }

    /// <summary>
    /// The entries of a WooCommerce-style batch answer (each the resource itself, or <c>{id, error}</c> in its
    /// place), after checking that none failed.
    /// </summary>
    private static List<TEntry> Resources<TEntry>(ICollection<TEntry>? entries, Func<TEntry, WooError?> error)
    {
        entries.Should().NotBeNullOrEmpty();
        var failures = entries!.Select(error).OfType<WooError>().ToList();
        failures.Should().BeEmpty(string.Join("; ", failures.Select(f => $"{f.Code} {f.Message}")));
        return [.. entries!];
    }

    private static (T First, T Second) Pair<T>(List<T> items)
    {
        items.Should().HaveCount(2);
        return (items[0], items[1]);
    }

    /// <summary>A canonical variant of size <paramref name="size"/> in USD 19, gold wholesale USD 12.</summary>
    private static T Variant<T>(string size, string sku, long? attributeValueId = null)
        where T : VariantWrite, new() => new()
        {
            Title = size,
            Sku = sku,
            Options = new Dictionary<string, string> { ["Size"] = size },
            Attribute_value_ids = attributeValueId is { } value ? [value] : null,
            Prices = [new PriceInput { Currency_code = "usd", Amount = 19m }],
            Wholesale = new WholesaleInput
            {
                Prices = [new WholesalePriceInput { Role = Gold, Currency_code = "usd", Amount = 12m }],
            },
        };

    private static WooAttributeInput SizeAttribute() =>
        new() { Name = "Size", Variation = true, Visible = true, Options = ["S", "M"] };

    /// <summary>An id the API answered; compiles whether the generated property is nullable or not.</summary>
    private static long Id(long? id) => id ?? throw new InvalidOperationException("The API answered no id.");

    private static AuthenticationHeaderValue Basic(string userAndPassword) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(userAndPassword)));

    private HttpClient Http(AuthenticationHeaderValue authorization)
    {
        var http = _recorder.HttpClient(new Uri($"http://127.0.0.1:{_factory.KestrelPort}/"));
        http.DefaultRequestHeaders.Authorization = authorization;
        _http.Add(http);
        return http;
    }
}
