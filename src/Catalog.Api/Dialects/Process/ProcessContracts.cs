namespace Catalog.Api.Dialects.Process;

/// <summary>The body of <c>PATCH /process/products</c>: the products to upsert, in order.</summary>
#pragma warning disable CA1711, CA2237 // A named list, so that the OpenAPI body is a named schema.
public sealed class ProcessProducts : List<ProcessProduct>;
#pragma warning restore CA1711, CA2237

/// <summary>
/// One product of a <c>PATCH /process/products</c> body, keyed by its SKU: a simple product (one variant) that is
/// inserted when the SKU is new and updated when it exists. Every field but <c>sku</c> is optional on an update.
/// </summary>
public sealed record ProcessProduct
{
    public string? Sku { get; init; }
    public string? Title { get; init; }
    public string? Handle { get; init; }
    public string? Description { get; init; }

    /// <summary><c>draft</c>, <c>proposed</c>, <c>published</c>, <c>private</c>, <c>rejected</c>, <c>archived</c>.
    /// </summary>
    public string? Status { get; init; }

    /// <summary>The price in <see cref="CurrencyCode"/>; it replaces the variant's prices.</summary>
    public decimal? Price { get; init; }

    /// <summary>ISO 4217, <c>usd</c> when a price is sent without one.</summary>
    public string? CurrencyCode { get; init; }

    /// <summary>Units in stock.</summary>
    public int? Quantity { get; init; }
}

/// <summary>The answer to a <c>PATCH /process/products</c>: the batch to poll.</summary>
public sealed record ProcessAccepted([property: JsonPropertyName("batchId")] string BatchId);

/// <summary>
/// <c>GET /batch/{batchId}</c>: <c>206</c> <c>{detail, status: PENDING|RUNNING}</c> while the batch waits or runs;
/// at the end <c>200 SUCCESS</c>, or <c>206 PARTIAL|FAILED</c>, with every item as sent plus its <c>id</c> and
/// <c>status</c>.
/// </summary>
public sealed record ProcessBatchStatus
{
    [JsonPropertyName("batchId")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? BatchId { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Detail { get; init; }
    public required string Status { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ProcessItemResult>? Data { get; init; }
}

/// <summary>An item as sent (its fields alongside), with the product's id and what happened to it.</summary>
public sealed record ProcessItemResult
{
    public string? Id { get; init; }
    public required ProcessItemStatus Status { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Fields { get; init; }
}

/// <summary><c>{success, message, process: INSERT|UPDATE}</c>.</summary>
public sealed record ProcessItemStatus(bool Success, string Message, string? Process);

/// <summary>An error of this API: <c>{detail}</c>.</summary>
public sealed record ProcessError(string Detail);
