namespace Catalog.Api.Dialects.OperationList;

/// <summary>The body of a products batch: its operations, in order (the first is operation 1).</summary>
#pragma warning disable CA1711, CA2237 // A named list, so that the OpenAPI body is a named schema.
public sealed class ProductOperations : List<ProductOperation>;

/// <summary>The body of a variants batch: its operations, in order (the first is operation 1).</summary>
public sealed class VariantOperations : List<VariantOperation>;
#pragma warning restore CA1711, CA2237

/// <summary>One operation of a products batch: <c>method</c> (<c>POST</c>, <c>PUT</c> or <c>DELETE</c>) and its body.
/// </summary>
public sealed record ProductOperation
{
    /// <summary><c>POST</c> creates, <c>PUT</c> updates (by <c>body.id</c>), <c>DELETE</c> deletes (by <c>body.id</c>).
    /// </summary>
    public required string Method { get; init; }

    public required OperationListProduct Body { get; init; }
}

/// <summary>One operation of a variants batch: <c>method</c> (<c>POST</c>, <c>PUT</c> or <c>DELETE</c>) and its body.
/// </summary>
public sealed record VariantOperation
{
    /// <summary><c>POST</c> creates (for <c>body.product</c>), <c>PUT</c> updates and <c>DELETE</c> deletes (by
    /// <c>body.id</c>).</summary>
    public required string Method { get; init; }

    public required OperationListVariant Body { get; init; }
}

/// <summary>A product as the operation list sends it; a field left out is left as it is.</summary>
public sealed record OperationListProduct
{
    /// <summary>The product to update or delete; not sent on <c>POST</c>.</summary>
    public long? Id { get; init; }

    public Optional<string?> Title { get; init; }

    /// <summary>The product's category (a category id); null removes it.</summary>
    public Optional<long?> MainCategory { get; init; }

    /// <summary>True: published; false: draft.</summary>
    public bool? IsEnabled { get; init; }

    /// <summary>The product's whole variant list: with an id updated, without one created, the rest removed.</summary>
    public Optional<IReadOnlyList<OperationListProductVariant>?> Variants { get; init; }
}

/// <summary>A variant inside a product.</summary>
public sealed record OperationListProductVariant
{
    /// <summary>The variant to update; without it a new variant.</summary>
    public long? Id { get; init; }

    /// <summary>Units in stock.</summary>
    public Optional<int?> Quantity { get; init; }

    /// <summary>The attribute values that tell the variant apart; the list replaces the variant's.</summary>
    public Optional<IReadOnlyList<OperationListAttributeValue>?> AttributeValues { get; init; }
}

/// <summary>A variant as the variants batch sends it; a field left out is left as it is.</summary>
public sealed record OperationListVariant
{
    /// <summary>The variant to update or delete; not sent on <c>POST</c>.</summary>
    public long? Id { get; init; }

    /// <summary>The product a new variant is added to (<c>POST</c> only).</summary>
    public long? Product { get; init; }

    /// <summary>Units in stock.</summary>
    public Optional<int?> Quantity { get; init; }

    /// <summary>The attribute values that tell the variant apart; the list replaces the variant's.</summary>
    public Optional<IReadOnlyList<OperationListAttributeValue>?> AttributeValues { get; init; }
}

/// <summary>An attribute value, by id: <c>{"attributeValue": 8}</c>.</summary>
public sealed record OperationListAttributeValue
{
    [JsonPropertyName("attributeValue")]
    public required long AttributeValue { get; init; }
}

/// <summary>The batch command just created: poll <c>GET /api/batches/{id}.json</c>.</summary>
public sealed record OperationListBatchCreated(long Id);

/// <summary>
/// Where a batch command stands: <c>total</c> operations sent, <c>left</c> to process, <c>is_processed</c> once all
/// are, and the failed ones in <c>results</c>, keyed by operation number (the first operation is <c>"1"</c>).
/// </summary>
public sealed record OperationListBatchStatus(
    int Left, int Total, bool IsProcessed, IReadOnlyDictionary<string, OperationListError> Results);

/// <summary>
/// What went wrong, with one operation or the whole request: <c>error</c> (a sentence) as the operation list
/// shows it, and Catalog's <c>code</c> and the <c>details</c> (field and message) beside it.
/// </summary>
public sealed record OperationListError(
    string Error, string? Code, IReadOnlyList<FieldError>? Details);
