namespace Catalog.Application.Products.Commands.BatchProducts;

/// <summary>What a product batch does with a handle that another product, or an earlier item, already holds.</summary>
public enum TakenHandles
{
    /// <summary>The item fails: <c>DUPLICATE_HANDLE</c>, or <c>DUPLICATE_IN_BATCH</c> for an earlier item's.</summary>
    Fail,

    /// <summary>
    /// The item gets the handle with the first free suffix, <c>linen-shirt-2</c>, <c>-3</c> and on, as WordPress gives
    /// a post a slug (<c>wp_unique_post_slug</c>).
    /// </summary>
    Suffix,
}
