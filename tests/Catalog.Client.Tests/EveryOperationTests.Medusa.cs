namespace Catalog.Client.Tests;

/// <summary>
/// The Medusa dialect: products and variants through their batches, then one product and its variants through the
/// single routes the SDK calls (create, update, retrieve, list variants, delete).
/// </summary>
public sealed partial class EveryOperationTests
{
    private async Task WriteAndReadMedusaAsync()
    {
        var created = await _medusa.Call(nameof(IMedusaProductsClient.BatchAsync), c => c.BatchAsync(
            body: new MedusaProductBatchRequest
            {
                Create =
                [
                    new MedusaProductCreate
                    {
                        Title = "Canvas tote",
                        Handle = "canvas-tote",
                        Status = MedusaProductStatus.Published,
                        Options = [new MedusaOptionCreate { Title = "Colour", Values = ["Natural", "Black"] }],
                        Variants =
                        [
                            new MedusaVariantCreate
                            {
                                Title = "Natural",
                                Sku = "TOTE-N",
                                Options = new Dictionary<string, string> { ["Colour"] = "Natural" },
                                Prices = [new MedusaPriceCreate { Currency_code = "eur", Amount = 15m }],
                            },
                        ],
                    },
                ],
            }));
        var tote = created.Created!.Single();
        tote.Id.Should().StartWith("prod_");
        tote.Variants!.Single().Prices!.Single().Amount.Should().Be(15m);

        var variants = await _medusa.Call(nameof(IMedusaProductsClient.BatchVariantsAsync),
            c => c.BatchVariantsAsync(tote.Id, body: new MedusaVariantBatchRequest
            {
                Create =
                [
                    new MedusaVariantCreate
                    {
                        Title = "Black",
                        Sku = "TOTE-B",
                        Options = new Dictionary<string, string> { ["Colour"] = "Black" },
                        Prices = [new MedusaPriceCreate { Currency_code = "eur", Amount = 16m }],
                    },
                ],
            }));
        variants.Created!.Single().Product_id.Should().Be(tote.Id);

        var listed = await _medusa.Call(nameof(IMedusaProductsClient.ListAsync), c => c.ListAsync(limit: 50));
        listed.Products!.Select(p => p.Handle).Should().Contain("canvas-tote");
        var read = await _medusa.Call(nameof(IMedusaProductsClient.GetAsync), c => c.GetAsync(tote.Id));
        read.Product!.Variants!.Select(v => v.Sku).Should().BeEquivalentTo("TOTE-N", "TOTE-B");

        await WriteMedusaProductAloneAsync();
    }


    /// <summary>A hat with size S, given size L through the variant routes, then deleted variant by variant.</summary>
    private async Task WriteMedusaProductAloneAsync()
    {
        var created = await _medusa.Call(nameof(IMedusaProductsClient.CreateAsync), c => c.CreateAsync(
            body: new MedusaProductCreate
            {
                Title = "Bucket hat",
                Handle = "bucket-hat",
                Status = MedusaProductStatus.Published,
                Options = [new MedusaOptionCreate { Title = "Size", Values = ["S", "L"] }],
                Variants = [HatVariant("S")],
            }));
        var hat = created.Product!;
        hat.Id.Should().StartWith("prod_");
        hat.Title.Should().Be("Bucket hat");
        hat.Variants!.Select(v => v.Sku).Should().Equal("HAT-S");

        var updated = await _medusa.Call(nameof(IMedusaProductsClient.UpdateAsync), c => c.UpdateAsync(
            hat.Id, body: new MedusaProductChange { Title = "Waxed bucket hat" }));
        (updated.Product!.Title, updated.Product.Handle).Should().Be(("Waxed bucket hat", "bucket-hat"));

        var withLarge = await _medusa.Call(nameof(IMedusaProductsClient.CreateVariantAsync),
            c => c.CreateVariantAsync(hat.Id, body: HatVariant("L")));
        var large = withLarge.Product!.Variants!.Single(v => v.Sku == "HAT-L");
        var twin = HatVariant("S");
        twin.Sku = "HAT-S-TWIN";
        var repeated = () => _medusa.Call(nameof(IMedusaProductsClient.CreateVariantAsync),
            c => c.CreateVariantAsync(hat.Id, body: twin));
        var refused = (await repeated.Should().ThrowAsync<CatalogApiException<MedusaError>>()).Which;
        refused.StatusCode.Should().Be(400, "two variants of a product may not share their option values");
        refused.Result.Message.Should().Contain("already exists");

        var listed = await _medusa.Call(
            nameof(IMedusaProductsClient.ListVariantsAsync), c => c.ListVariantsAsync(hat.Id));
        listed.Variants!.Select(v => v.Sku).Should().BeEquivalentTo("HAT-S", "HAT-L");
        listed.Count.Should().Be(2);
        var read = await _medusa.Call(
            nameof(IMedusaProductsClient.GetVariantAsync), c => c.GetVariantAsync(hat.Id, large.Id));
        read.Variant!.Options!.Single().Value.Should().Be("L");
        read.Variant.Prices!.Single().Amount.Should().Be(22m);

        var renamed = await _medusa.Call(nameof(IMedusaProductsClient.UpdateVariantAsync),
            c => c.UpdateVariantAsync(hat.Id, large.Id, body: new MedusaVariantUpdate { Title = "Large" }));
        renamed.Product!.Variants!.Single(v => v.Id == large.Id).Title.Should().Be("Large");

        var variantGone = await _medusa.Call(nameof(IMedusaProductsClient.DeleteVariantAsync),
            c => c.DeleteVariantAsync(hat.Id, large.Id));
        (variantGone.Id, variantGone.Deleted).Should().Be((large.Id, true));
        variantGone.Parent!.Variants!.Select(v => v.Sku).Should().Equal("HAT-S");

        var deleted = await _medusa.Call(nameof(IMedusaProductsClient.DeleteAsync), c => c.DeleteAsync(hat.Id));
        (deleted.Id, deleted.Object, deleted.Deleted).Should().Be((hat.Id, "product", true));
        var gone = () => _medusa.Call(nameof(IMedusaProductsClient.GetAsync), c => c.GetAsync(hat.Id));
        (await gone.Should().ThrowAsync<CatalogApiException>()).Which.StatusCode.Should().Be(404);
    }

    /// <summary>A hat variant of size <paramref name="size"/> at EUR 22.</summary>
    private static MedusaVariantCreate HatVariant(string size) => new()
    {
        Title = size,
        Sku = "HAT-" + size,
        Options = new Dictionary<string, string> { ["Size"] = size },
        Prices = [new MedusaPriceCreate { Currency_code = "eur", Amount = 22m }],
    };
}
