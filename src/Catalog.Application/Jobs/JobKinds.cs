using Catalog.Application.Attributes.Commands.BatchAttributes;
using Catalog.Application.Categories.Commands.BatchCategories;
using Catalog.Application.Products.Commands.BatchProducts;
using Catalog.Application.Variants;
using Catalog.Application.Variants.Commands.BatchVariants;
using Catalog.Application.WholesaleRoles.Commands.BatchWholesaleRoles;

namespace Catalog.Application.Jobs;

/// <summary>
/// A resource a job can change, and how a chunk of its items becomes the resource's canonical batch command: a job
/// runs through the same command, engine and writer as a synchronous batch.
/// </summary>
public abstract class JobKind(string name)
{
    public string Name { get; } = name;

    /// <summary>The canonical command for these entries (none of them refused), or null when there are none.</summary>
    public abstract IMessage? Command(IReadOnlyList<JobEntry> entries, long? parentId, BatchPolicy policy);
}

internal sealed class JobKind<TCreate, TUpdate>(
    string name,
    Func<long?, IReadOnlyList<TCreate>, IReadOnlyList<TUpdate>, IReadOnlyList<long>, BatchPolicy, IMessage> command)
    : JobKind(name)
{
    public override IMessage? Command(IReadOnlyList<JobEntry> entries, long? parentId, BatchPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return null;
        }

        var create = Bodies<TCreate>(entries, JobOperation.Create);
        var update = Bodies<TUpdate>(entries, JobOperation.Update);
        var delete = Bodies<long>(entries, JobOperation.Delete);
        return command(parentId, create, update, delete, policy);
    }

    private static List<T> Bodies<T>(IReadOnlyList<JobEntry> entries, JobOperation operation) =>
        [.. entries.Where(e => e.Operation == operation).Select(e => JobPayload.FromJson<T>(e.Body!.Value))];
}

public static class JobKinds
{
    public static readonly JobKind Products = new JobKind<ProductCreate, ProductUpdate>(
        "products", (_, c, u, d, p) => new BatchProducts(c, u, d, p));

    public static readonly JobKind Variants = new JobKind<VariantCreate, VariantUpdate>(
        "variants", (parent, c, u, d, p) => new BatchVariants(parent!.Value, c, u, d, p));

    /// <summary>Variants of any products: each create names its product; updates and deletes go by variant id.
    /// </summary>
    public static readonly JobKind VariantsAcrossProducts = new JobKind<VariantCreate, VariantUpdate>(
        "variants_across_products", (_, c, u, d, p) => new BatchVariants(null, c, u, d, p));

    public static readonly JobKind Categories = new JobKind<CategoryCreate, CategoryUpdate>(
        "categories", (_, c, u, d, p) => new BatchCategories(c, u, d, p));

    public static readonly JobKind Attributes = new JobKind<AttributeCreate, AttributeUpdate>(
        "attributes", (_, c, u, d, p) => new BatchAttributes(c, u, d, p));

    public static readonly JobKind WholesaleRoles = new JobKind<WholesaleRoleCreate, WholesaleRoleUpdate>(
        "wholesale_roles", (_, c, u, d, p) => new BatchWholesaleRoles(c, u, d, p));

    public static IReadOnlyList<JobKind> All { get; } =
        [Products, Variants, VariantsAcrossProducts, Categories, Attributes, WholesaleRoles];

    public static JobKind Named(string name) =>
        All.FirstOrDefault(k => k.Name == name) ?? throw new InvalidOperationException($"No job kind '{name}'.");
}
