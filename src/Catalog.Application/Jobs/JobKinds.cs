using Catalog.Application.Attributes.Commands.BatchAttributes;
using Catalog.Application.Categories.Commands.BatchCategories;
using Catalog.Application.Products.Commands.BatchProducts;
using Catalog.Application.Tags.Commands.BatchTags;
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
    public abstract IMessage? Command(IReadOnlyList<JobEntry> entries, Job job);
}

internal sealed class JobKind<TCreate, TUpdate>(
    string name,
    Func<Lists<TCreate, TUpdate>, Job, IMessage> command)
    : JobKind(name)
{
    public override IMessage? Command(IReadOnlyList<JobEntry> entries, Job job)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return null;
        }

        var lists = new Lists<TCreate, TUpdate>(
            Bodies<TCreate>(entries, JobOperation.Create),
            Bodies<TUpdate>(entries, JobOperation.Update),
            Bodies<long>(entries, JobOperation.Delete),
            Bodies<TCreate>(entries, JobOperation.Upsert));
        return command(lists, job);
    }

    private static List<T> Bodies<T>(IReadOnlyList<JobEntry> entries, JobOperation operation) =>
        [.. entries.Where(e => e.Operation == operation).Select(e => JobPayload.FromJson<T>(e.Body!.Value))];
}

/// <summary>A chunk's items by list; upserts have the create's fields.</summary>
internal sealed record Lists<TCreate, TUpdate>(
    List<TCreate> Create, List<TUpdate> Update, List<long> Delete, List<TCreate> Upsert);

public static class JobKinds
{
    public static readonly JobKind Products = new JobKind<ProductCreate, ProductUpdate>(
        "products",
        (l, job) => new BatchProducts(l.Create, l.Update, l.Delete, job.Policy)
        {
            Upsert = l.Upsert,
            TakenHandles = job.TakenHandles,
        });

    public static readonly JobKind Variants = new JobKind<VariantCreate, VariantUpdate>(
        "variants",
        (l, job) => new BatchVariants(job.ParentId!.Value, l.Create, l.Update, l.Delete, job.Policy)
        {
            Upsert = l.Upsert,
        });

    /// <summary>Variants of any products: each create names its product; updates and deletes go by variant id.
    /// </summary>
    public static readonly JobKind VariantsAcrossProducts = new JobKind<VariantCreate, VariantUpdate>(
        "variants_across_products",
        (l, job) => new BatchVariants(null, l.Create, l.Update, l.Delete, job.Policy) { Upsert = l.Upsert });

    public static readonly JobKind Categories = new JobKind<CategoryCreate, CategoryUpdate>(
        "categories", (l, job) => new BatchCategories(l.Create, l.Update, l.Delete, job.Policy));

    public static readonly JobKind Tags = new JobKind<TagCreate, TagUpdate>(
        "tags", (l, job) => new BatchTags(l.Create, l.Update, l.Delete, job.Policy));

    public static readonly JobKind Attributes = new JobKind<AttributeCreate, AttributeUpdate>(
        "attributes", (l, job) => new BatchAttributes(l.Create, l.Update, l.Delete, job.Policy));

    public static readonly JobKind WholesaleRoles = new JobKind<WholesaleRoleCreate, WholesaleRoleUpdate>(
        "wholesale_roles", (l, job) => new BatchWholesaleRoles(l.Create, l.Update, l.Delete, job.Policy));

    public static IReadOnlyList<JobKind> All { get; } =
        [Products, Variants, VariantsAcrossProducts, Categories, Tags, Attributes, WholesaleRoles];

    public static JobKind Named(string name) =>
        All.FirstOrDefault(k => k.Name == name) ?? throw new InvalidOperationException($"No job kind '{name}'.");
}
