using Catalog.Client;

namespace Catalog.Client.Tests;

public sealed partial class EveryOperationTests
{
    /// <summary>
    /// Tags through the canonical API and WooCommerce's <c>/products/tags</c>: created, read, listed, renamed in a
    /// batch and deleted, each route once.
    /// </summary>
    private async Task WriteAndReadTagsAsync()
    {
        var batch = await _tags.Call(nameof(ITagsClient.BatchAsync), c => c.BatchAsync(
            new TagBatchRequest { Create = [new TagCreate { Name = "Organic", Description = "GOTS" }] }));
        var organic = Succeeded(batch.Summary, batch.Create).Single().Tag!;
        organic.Slug.Should().Be("organic");
        (await _tags.Call(nameof(ITagsClient.GetAsync), c => c.GetAsync(organic.Id))).Name.Should().Be("Organic");
        var page = await _tags.Call(nameof(ITagsClient.ListAsync), c => c.ListAsync(slug: "organic"));
        page.Items.Select(t => t.Id).Should().Equal(organic.Id);

        var created = await _wooTags.Call(nameof(IWooCommerceTagsClient.CreateAsync),
            c => c.CreateAsync(new WooTagInput { Name = "Recycled" }));
        var id = Id(created.Id);
        (await _wooTags.Call(nameof(IWooCommerceTagsClient.UpdateAsync),
            c => c.UpdateAsync(id, new WooTagInput { Description = "Recycled fibres" }))).Description
            .Should().Be("Recycled fibres");
        (await _wooTags.Call(nameof(IWooCommerceTagsClient.UpdatePutAsync),
            c => c.UpdatePutAsync(id, new WooTagInput { Name = "Recycled fibres" }))).Name
            .Should().Be("Recycled fibres");
        (await _wooTags.Call(nameof(IWooCommerceTagsClient.UpdatePatchAsync),
            c => c.UpdatePatchAsync(id, new WooTagInput { Slug = "recycled-fibres" }))).Slug
            .Should().Be("recycled-fibres");
        (await _wooTags.Call(nameof(IWooCommerceTagsClient.GetAsync), c => c.GetAsync(id))).Count.Should().Be(0);
        var listed = await _wooTags.Call(
            nameof(IWooCommerceTagsClient.ListAsync), c => c.ListAsync(search: "recycled"));
        listed.Select(t => t.Id).Should().Equal(id);

        var woo = await _wooTags.Call(nameof(IWooCommerceTagsClient.BatchAsync), c => c.BatchAsync(
            new WooBatchRequestOfWooTagInput { Create = [new WooTagInput { Name = "Vegan" }] }));
        var vegan = Resources(woo.Create, e => e.Error).Single();
        var put = await _wooTags.Call(nameof(IWooCommerceTagsClient.BatchPutAsync), c => c.BatchPutAsync(
            new WooBatchRequestOfWooTagInput { Update = [new WooTagInput { Id = vegan.Id, Name = "Plant based" }] }));
        Resources(put.Update, e => e.Error).Single().Name.Should().Be("Plant based");
        var patch = await _wooTags.Call(nameof(IWooCommerceTagsClient.BatchPatchAsync), c => c.BatchPatchAsync(
            new WooBatchRequestOfWooTagInput { Delete = [Id(vegan.Id), organic.Id] }));
        Resources(patch.Delete, e => e.Error).Select(t => t.Id).Should().Equal(vegan.Id, organic.Id);
        var deleted = await _wooTags.Call(nameof(IWooCommerceTagsClient.DeleteAsync),
            c => c.DeleteAsync(id, force: "true"));
        deleted.Name.Should().Be("Recycled fibres");
    }
}
