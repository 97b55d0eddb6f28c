namespace Catalog.Client.Tests;

/// <summary>
/// The WooCommerce dialect: products and variations through their batches and their single-item routes, then
/// categories, attributes and attribute terms, each created, read, updated (POST, PUT and PATCH), batched and deleted.
/// </summary>
public sealed partial class EveryOperationTests
{
    private async Task WriteAndReadWooCommerceAsync()
    {
        var created = await _wooProducts.Call(nameof(IWooCommerceProductsClient.BatchAsync), c => c.BatchAsync(
            new WooBatchRequestOfWooProductInput
            {
                Create =
                [
                    new WooProductInput { Name = "Tee", Type = "simple", Sku = "TEE-1", Regular_price = "19.99" },
                    new WooProductInput
                    {
                        Name = "Hoodie",
                        Type = "variable",
                        Attributes = [SizeAttribute()],
                    },
                ],
            }));
        var (tee, hoodie) = Pair(Resources(created.Create, e => e.Error));
        tee.Sku.Should().Be("TEE-1");
        hoodie.Type.Should().Be("variable");

        var put = await _wooProducts.Call(nameof(IWooCommerceProductsClient.BatchPutAsync), c => c.BatchPutAsync(
            new WooBatchRequestOfWooProductInput { Update = [new WooProductInput { Id = tee.Id, Name = "Tee, V" }] }));
        Resources(put.Update, e => e.Error).Single().Name.Should().Be("Tee, V");

        var patched = await _wooProducts.Call(nameof(IWooCommerceProductsClient.BatchPatchAsync),
            c => c.BatchPatchAsync(new WooBatchRequestOfWooProductInput
            {
                Update = [new WooProductInput { Id = tee.Id, Regular_price = "21.50" }],
            }));
        Resources(patched.Update, e => e.Error).Single().Regular_price.Should().Be("21.50");

        var listed = await _wooProducts.Call(
            nameof(IWooCommerceProductsClient.ListAsync), c => c.ListAsync(sku: "TEE-1"));
        listed.Select(p => (p.Id, p.Name, p.Regular_price)).Should().Equal((tee.Id, "Tee, V", "21.50"));
        var read = await _wooProducts.Call(
            nameof(IWooCommerceProductsClient.GetAsync), c => c.GetAsync(Id(hoodie.Id)));
        read.Attributes!.Single().Options.Should().Equal("S", "M");

        await WriteAndReadWooVariationsAsync(Id(hoodie.Id));
        await WriteWooVariationAloneAsync(Id(hoodie.Id));
        await WriteWooTaxonomiesAsync();
    }

    private async Task WriteAndReadWooVariationsAsync(long hoodieId)
    {
        var created = await _wooVariations.Call(nameof(IWooCommerceVariationsClient.BatchAsync), c => c.BatchAsync(
            hoodieId,
            new WooBatchRequestOfWooVariationInput
            {
                Create =
                [
                    new WooVariationInput
                    {
                        Sku = "HOODIE-S",
                        Regular_price = "49",
                        Attributes = [new WooVariationAttributeInput { Name = "Size", Option = "S" }],
                    },
                ],
            }));
        var variation = Resources(created.Create, e => e.Error).Single();
        variation.Sku.Should().Be("HOODIE-S");

        var put = await _wooVariations.Call(nameof(IWooCommerceVariationsClient.BatchPutAsync),
            c => c.BatchPutAsync(hoodieId, new WooBatchRequestOfWooVariationInput
            {
                Update = [new WooVariationInput { Id = variation.Id, Regular_price = "45" }],
            }));
        Resources(put.Update, e => e.Error).Single().Regular_price.Should().Be("45");

        var patched = await _wooVariations.Call(nameof(IWooCommerceVariationsClient.BatchPatchAsync),
            c => c.BatchPatchAsync(hoodieId, new WooBatchRequestOfWooVariationInput
            {
                Update = [new WooVariationInput { Id = variation.Id, Manage_stock = true, Stock_quantity = 7 }],
            }));
        Resources(patched.Update, e => e.Error).Single().Stock_quantity.Should().Be(7);

        var listed = await _wooVariations.Call(
            nameof(IWooCommerceVariationsClient.ListAsync), c => c.ListAsync(hoodieId));
        listed.Select(v => v.Id).Should().Equal(variation.Id);
        var read = await _wooVariations.Call(
            nameof(IWooCommerceVariationsClient.GetAsync), c => c.GetAsync(hoodieId, Id(variation.Id)));
        read.Regular_price.Should().Be("45");
        read.Stock_quantity.Should().Be(7);
    }


    /// <summary>One product through the single-item routes: created, updated by each verb, deleted.</summary>
    private async Task WriteWooProductAloneAsync(long categoryId)
    {
        var created = await _wooProducts.Call(nameof(IWooCommerceProductsClient.CreateAsync), c => c.CreateAsync(
            new WooProductInput
            {
                Name = "Scarf",
                Type = "simple",
                Sku = "SCARF-1",
                Regular_price = "25",
                Categories = [new WooTermInput { Id = categoryId }],
            }));
        created.Name.Should().Be("Scarf");
        created.Sku.Should().Be("SCARF-1");
        created.Categories!.Select(c => c.Id).Should().Equal(categoryId);
        var id = Id(created.Id);

        var posted = await _wooProducts.Call(nameof(IWooCommerceProductsClient.UpdateAsync),
            c => c.UpdateAsync(id, new WooProductInput { Name = "Wool scarf" }));
        posted.Name.Should().Be("Wool scarf");
        var put = await _wooProducts.Call(nameof(IWooCommerceProductsClient.UpdatePutAsync),
            c => c.UpdatePutAsync(id, new WooProductInput { Regular_price = "27" }));
        (put.Name, put.Regular_price).Should().Be(("Wool scarf", "27"), "an update keeps what it does not name");
        var patched = await _wooProducts.Call(nameof(IWooCommerceProductsClient.UpdatePatchAsync),
            c => c.UpdatePatchAsync(id, new WooProductInput { Manage_stock = true, Stock_quantity = 4 }));
        patched.Stock_quantity.Should().Be(4);

        var deleted = await _wooProducts.Call(
            nameof(IWooCommerceProductsClient.DeleteAsync), c => c.DeleteAsync(id, force: "true"));
        (deleted.Id, deleted.Name).Should().Be((id, "Wool scarf"), "a delete answers the product as it was");
        var gone = () => _wooProducts.Call(nameof(IWooCommerceProductsClient.GetAsync), c => c.GetAsync(id));
        (await gone.Should().ThrowAsync<CatalogApiException>()).Which.StatusCode.Should().Be(404);
    }

    /// <summary>One variation of the hoodie through the single-item routes, beside the batch's size S.</summary>
    private async Task WriteWooVariationAloneAsync(long hoodieId)
    {
        var created = await _wooVariations.Call(nameof(IWooCommerceVariationsClient.CreateAsync),
            c => c.CreateAsync(hoodieId, new WooVariationInput
            {
                Sku = "HOODIE-M",
                Regular_price = "52",
                Attributes = [new WooVariationAttributeInput { Name = "Size", Option = "M" }],
            }));
        created.Sku.Should().Be("HOODIE-M");
        created.Attributes!.Select(a => a.Option).Should().Equal("M");
        var id = Id(created.Id);
        id.Should().NotBe(hoodieId, "products and variations share one id sequence");

        var posted = await _wooVariations.Call(nameof(IWooCommerceVariationsClient.UpdateAsync),
            c => c.UpdateAsync(hoodieId, id, new WooVariationInput { Regular_price = "50" }));
        posted.Regular_price.Should().Be("50");
        var put = await _wooVariations.Call(nameof(IWooCommerceVariationsClient.UpdatePutAsync),
            c => c.UpdatePutAsync(hoodieId, id, new WooVariationInput { Sku = "HOODIE-M2" }));
        (put.Sku, put.Regular_price).Should().Be(("HOODIE-M2", "50"));
        var patched = await _wooVariations.Call(nameof(IWooCommerceVariationsClient.UpdatePatchAsync),
            c => c.UpdatePatchAsync(hoodieId, id, new WooVariationInput { Manage_stock = true, Stock_quantity = 3 }));
        patched.Stock_quantity.Should().Be(3);

        var deleted = await _wooVariations.Call(nameof(IWooCommerceVariationsClient.DeleteAsync),
            c => c.DeleteAsync(hoodieId, id, force: "true"));
        (deleted.Id, deleted.Sku).Should().Be((id, "HOODIE-M2"));
        var listed = await _wooVariations.Call(
            nameof(IWooCommerceVariationsClient.ListAsync), c => c.ListAsync(hoodieId));
        listed.Select(v => v.Sku).Should().Equal("HOODIE-S");
    }

    /// <summary>
    /// Categories, attributes and terms as an integration makes them to get the ids its products refer to; a
    /// single product in the new category between them, and everything deleted again.
    /// </summary>
    private async Task WriteWooTaxonomiesAsync()
    {
        var categoryId = await WriteWooCategoriesAsync();
        await WriteWooProductAloneAsync(categoryId);
        var attributeId = await WriteWooAttributesAsync();
        await WriteWooTermsAsync(attributeId);

        var category = await _wooCategories.Call(nameof(IWooCommerceCategoriesClient.DeleteAsync),
            c => c.DeleteAsync(categoryId, force: "true"));
        (category.Id, category.Name).Should().Be((categoryId, "Outer wear"));
        var attribute = await _wooAttributes.Call(nameof(IWooCommerceAttributesClient.DeleteAsync),
            c => c.DeleteAsync(attributeId, force: "true"));
        (attribute.Id, attribute.Name).Should().Be((attributeId, "Colour"));
    }

    /// <summary>The category "Outer wear", left for the product; another one batched in and out.</summary>
    private async Task<long> WriteWooCategoriesAsync()
    {
        var created = await _wooCategories.Call(nameof(IWooCommerceCategoriesClient.CreateAsync),
            c => c.CreateAsync(new WooCategoryInput { Name = "Outerwear", Slug = "outerwear" }));
        (created.Name, created.Slug).Should().Be(("Outerwear", "outerwear"));
        var id = Id(created.Id);

        var posted = await _wooCategories.Call(nameof(IWooCommerceCategoriesClient.UpdateAsync),
            c => c.UpdateAsync(id, new WooCategoryInput { Description = "Coats and jackets" }));
        (posted.Name, posted.Description).Should().Be(("Outerwear", "Coats and jackets"));
        var put = await _wooCategories.Call(nameof(IWooCommerceCategoriesClient.UpdatePutAsync),
            c => c.UpdatePutAsync(id, new WooCategoryInput { Name = "Outer wear" }));
        put.Name.Should().Be("Outer wear");
        var patched = await _wooCategories.Call(nameof(IWooCommerceCategoriesClient.UpdatePatchAsync),
            c => c.UpdatePatchAsync(id, new WooCategoryInput { Menu_order = 2 }));
        (patched.Menu_order, patched.Description).Should().Be((2, "Coats and jackets"));

        var read = await _wooCategories.Call(nameof(IWooCommerceCategoriesClient.GetAsync), c => c.GetAsync(id));
        read.Name.Should().Be("Outer wear");
        var listed = await _wooCategories.Call(
            nameof(IWooCommerceCategoriesClient.ListAsync), c => c.ListAsync(slug: "outerwear"));
        listed.Select(c => c.Id).Should().Equal(id);

        var batch = await _wooCategories.Call(nameof(IWooCommerceCategoriesClient.BatchAsync), c => c.BatchAsync(
            new WooBatchRequestOfWooCategoryInput { Create = [new WooCategoryInput { Name = "Knitwear" }] }));
        var knitwear = Resources(batch.Create, e => e.Error).Single();
        knitwear.Name.Should().Be("Knitwear");
        var batchPut = await _wooCategories.Call(nameof(IWooCommerceCategoriesClient.BatchPutAsync),
            c => c.BatchPutAsync(new WooBatchRequestOfWooCategoryInput
            {
                Update = [new WooCategoryInput { Id = knitwear.Id, Parent = id }],
            }));
        Resources(batchPut.Update, e => e.Error).Single().Parent.Should().Be(id);
        var batchPatch = await _wooCategories.Call(nameof(IWooCommerceCategoriesClient.BatchPatchAsync),
            c => c.BatchPatchAsync(new WooBatchRequestOfWooCategoryInput { Delete = [Id(knitwear.Id)] }));
        Resources(batchPatch.Delete, e => e.Error).Single().Id.Should().Be(knitwear.Id);
        return id;
    }

    /// <summary>The attribute "Colour", left for its terms; another one batched in and out.</summary>
    private async Task<long> WriteWooAttributesAsync()
    {
        var created = await _wooAttributes.Call(nameof(IWooCommerceAttributesClient.CreateAsync),
            c => c.CreateAsync(new WooGlobalAttributeInput { Name = "Color" }));
        created.Name.Should().Be("Color");
        var id = Id(created.Id);

        var posted = await _wooAttributes.Call(nameof(IWooCommerceAttributesClient.UpdateAsync),
            c => c.UpdateAsync(id, new WooGlobalAttributeInput { Name = "Colour" }));
        posted.Name.Should().Be("Colour");
        var put = await _wooAttributes.Call(nameof(IWooCommerceAttributesClient.UpdatePutAsync),
            c => c.UpdatePutAsync(id, new WooGlobalAttributeInput { Order_by = "name" }));
        (put.Name, put.Order_by).Should().Be(("Colour", "name"));
        var patched = await _wooAttributes.Call(nameof(IWooCommerceAttributesClient.UpdatePatchAsync),
            c => c.UpdatePatchAsync(id, new WooGlobalAttributeInput { Has_archives = true }));
        patched.Has_archives.Should().BeTrue();

        var read = await _wooAttributes.Call(nameof(IWooCommerceAttributesClient.GetAsync), c => c.GetAsync(id));
        read.Name.Should().Be("Colour");
        var listed = await _wooAttributes.Call(nameof(IWooCommerceAttributesClient.ListAsync), c => c.ListAsync());
        listed.Select(a => a.Name).Should().Contain("Colour").And.Contain("Size");

        var batch = await _wooAttributes.Call(nameof(IWooCommerceAttributesClient.BatchAsync), c => c.BatchAsync(
            new WooBatchRequestOfWooGlobalAttributeInput { Create = [new WooGlobalAttributeInput { Name = "Fit" }] }));
        var fit = Resources(batch.Create, e => e.Error).Single();
        fit.Name.Should().Be("Fit");
        var batchPut = await _wooAttributes.Call(nameof(IWooCommerceAttributesClient.BatchPutAsync),
            c => c.BatchPutAsync(new WooBatchRequestOfWooGlobalAttributeInput
            {
                Update = [new WooGlobalAttributeInput { Id = fit.Id, Name = "Cut" }],
            }));
        Resources(batchPut.Update, e => e.Error).Single().Name.Should().Be("Cut");
        var batchPatch = await _wooAttributes.Call(nameof(IWooCommerceAttributesClient.BatchPatchAsync),
            c => c.BatchPatchAsync(new WooBatchRequestOfWooGlobalAttributeInput { Delete = [Id(fit.Id)] }));
        Resources(batchPatch.Delete, e => e.Error).Single().Id.Should().Be(fit.Id);
        return id;
    }

    /// <summary>The terms of <paramref name="attributeId"/>: Red alone, Blue and Green batched; all deleted.</summary>
    private async Task WriteWooTermsAsync(long attributeId)
    {
        var created = await _wooTerms.Call(nameof(IWooCommerceAttributeTermsClient.CreateAsync),
            c => c.CreateAsync(attributeId, new WooAttributeTermInput { Name = "Red" }));
        created.Name.Should().Be("Red");
        var red = Id(created.Id);

        var posted = await _wooTerms.Call(nameof(IWooCommerceAttributeTermsClient.UpdateAsync),
            c => c.UpdateAsync(attributeId, red, new WooAttributeTermInput { Name = "Crimson" }));
        posted.Name.Should().Be("Crimson");
        var put = await _wooTerms.Call(nameof(IWooCommerceAttributeTermsClient.UpdatePutAsync),
            c => c.UpdatePutAsync(attributeId, red, new WooAttributeTermInput { Description = "Deep red" }));
        (put.Name, put.Description).Should().Be(("Crimson", "Deep red"));
        var patched = await _wooTerms.Call(nameof(IWooCommerceAttributeTermsClient.UpdatePatchAsync),
            c => c.UpdatePatchAsync(attributeId, red, new WooAttributeTermInput { Menu_order = 1 }));
        patched.Menu_order.Should().Be(1);
        var read = await _wooTerms.Call(
            nameof(IWooCommerceAttributeTermsClient.GetAsync), c => c.GetAsync(attributeId, red));
        read.Name.Should().Be("Crimson");

        var batch = await _wooTerms.Call(nameof(IWooCommerceAttributeTermsClient.BatchAsync),
            c => c.BatchAsync(attributeId, new WooBatchRequestOfWooAttributeTermInput
            {
                Create = [new WooAttributeTermInput { Name = "Blue" }, new WooAttributeTermInput { Name = "Green" }],
            }));
        var (blue, green) = Pair(Resources(batch.Create, e => e.Error));
        (blue.Name, green.Name).Should().Be(("Blue", "Green"));
        var batchPut = await _wooTerms.Call(nameof(IWooCommerceAttributeTermsClient.BatchPutAsync),
            c => c.BatchPutAsync(attributeId, new WooBatchRequestOfWooAttributeTermInput
            {
                Update = [new WooAttributeTermInput { Id = blue.Id, Name = "Navy" }],
            }));
        Resources(batchPut.Update, e => e.Error).Single().Name.Should().Be("Navy");
        var listed = await _wooTerms.Call(
            nameof(IWooCommerceAttributeTermsClient.ListAsync), c => c.ListAsync(attributeId));
        listed.Select(t => t.Name).Should().BeEquivalentTo("Crimson", "Navy", "Green");

        var batchPatch = await _wooTerms.Call(nameof(IWooCommerceAttributeTermsClient.BatchPatchAsync),
            c => c.BatchPatchAsync(attributeId, new WooBatchRequestOfWooAttributeTermInput
            {
                Delete = [Id(blue.Id), Id(green.Id)],
            }));
        Resources(batchPatch.Delete, e => e.Error).Select(t => t.Id).Should().Equal(blue.Id, green.Id);
        var deleted = await _wooTerms.Call(nameof(IWooCommerceAttributeTermsClient.DeleteAsync),
            c => c.DeleteAsync(attributeId, red, force: "true"));
        (deleted.Id, deleted.Name).Should().Be((red, "Crimson"));
    }
}
