using System.Text.Json.Serialization;
using Catalog.Application.Categories;
using Catalog.Application.Products;

namespace Catalog.Application.Common.Batches;

public enum BatchPolicy
{
    /// <summary>A failed item never stops or rolls back the others.</summary>
    Partial,

    /// <summary>Any failure means nothing is written.</summary>
    Atomic,
}

public enum ItemStatus
{
    Succeeded,
    Failed,
    NotApplied,
}

public sealed record ItemError(string Code, string Message, IReadOnlyList<FieldError> Details)
{
    /// <summary>
    /// For a SKU another variant holds: who holds it and a free one, for the dialects whose errors say so. Not on the
    /// canonical wire, whose message names the holder.
    /// </summary>
    [JsonIgnore]
    public SkuHolder? SkuHolder { get; init; }

    public static ItemError Of(string code, string message, string? field = null) =>
        new(code, message, field is null ? [] : [new FieldError(field, message)]);
}

/// <summary>
/// The variant that holds <paramref name="Sku"/>, its product, whether it is that product's only variant, and
/// <paramref name="FreeSku"/>: the first of <c>{sku}-1</c>, <c>{sku}-2</c>, ... that no variant holds and no item of
/// the batch sends (WooCommerce's <c>unique_sku</c>).
/// </summary>
public sealed record SkuHolder(string Sku, long ProductId, long VariantId, bool OnlyVariant, string FreeSku);

/// <summary>The outcome of one item, reported at the position it was sent.</summary>
public sealed record ItemResult<T>(int Index, long? Id, ItemStatus Status, T? Resource, ItemError? Error)
    where T : class
{
    /// <summary>What an upsert became (see <see cref="UpsertPlan"/>); null for every other item.</summary>
    public UpsertProcess? Process { get; init; }
}

public sealed record BatchSummary(int Total, int Succeeded, int Failed, int NotApplied);

public interface IHasSummary
{
    BatchSummary Summary { get; }
}

/// <summary>Results per operation, each list in the order its items were sent, and a summary.</summary>
/// <param name="Applied">False when an atomic batch failed and so nothing was written.</param>
public sealed record BatchResult<T>(
    IReadOnlyList<ItemResult<T>> Create,
    IReadOnlyList<ItemResult<T>> Update,
    IReadOnlyList<ItemResult<T>> Delete,
    BatchSummary Summary,
    bool Applied = true) : IHasSummary
    where T : class
{
    /// <summary>The upserts' results, in the order sent; none for a command without upserts.</summary>
    public IReadOnlyList<ItemResult<T>> Upsert { get; init; } = [];

    /// <summary>
    /// What the answers refer to, read with the batch's load: for a dialect that shows more of them than their ids
    /// (a WooCommerce product's categories with their names), so it need not read them after. Not on the wire.
    /// </summary>
    [JsonIgnore]
    public BatchReferences References { get; init; } = BatchReferences.None;
}

/// <summary>The categories a batch's items name or named, as they stood when it was loaded.</summary>
public sealed record BatchReferences(IReadOnlyDictionary<long, CategoryDto> Categories)
{
    public static BatchReferences None { get; } = new(new Dictionary<long, CategoryDto>());

    /// <summary>The tags a product batch's items name by id, and those of the names its products carry, when an item
    /// names one by id.</summary>
    public IReadOnlyDictionary<long, Tags.TagDto> Tags { get; init; } = new Dictionary<long, Tags.TagDto>();

    /// <summary>The product a variant batch of one product changed, as the batch left it (if it was written).</summary>
    public ProductDto? Product { get; init; }
}

public sealed class BatchOptions
{
    public const string Section = "Catalog:Batch";

    /// <summary>The most items (creates + updates + deletes + upserts) one canonical batch request may carry.</summary>
    public int MaxItems { get; set; } = 1000;
}
