using System.Text.Json;
using System.Text.Json.Serialization;
using Catalog.Application.Common;
using static System.Text.Json.Serialization.JsonIgnoreCondition;

namespace Catalog.Api.Dialects.Trade;

// The trade products API speaks camelCase: every name is spelled out, so that neither the canonical snake_case policy
// nor a later change to it can rename a trade field on the wire or in the OpenAPI document.

/// <summary><c>{updates: [...]}</c>: changes to trade products, each with its id and the fields to change.</summary>
public sealed record TradeBatchRequest
{
    [JsonPropertyName("updates")] public IReadOnlyList<TradeProductUpdate>? Updates { get; init; }
}

/// <summary>One trade product update: its id and the fields to change (pricing also under <c>pricing</c>).</summary>
public sealed record TradeProductUpdate
{
    [JsonPropertyName("id")] public long? Id { get; init; }
    [JsonPropertyName("name")] public Optional<string?> Name { get; init; }
    [JsonPropertyName("description")] public Optional<string?> Description { get; init; }
    [JsonPropertyName("tradeCategoryId")] public Optional<long?> TradeCategoryId { get; init; }

    /// <summary><c>NONE</c>, <c>FIXED</c> or <c>RANGE</c>.</summary>
    [JsonPropertyName("pricingType")] public Optional<string?> PricingType { get; init; }
    [JsonPropertyName("price")] public Optional<decimal?> Price { get; init; }

    /// <summary>The upper end of a <c>RANGE</c> price.</summary>
    [JsonPropertyName("maxPrice")] public Optional<decimal?> MaxPrice { get; init; }
    [JsonPropertyName("isDisclosePrice")] public Optional<bool?> IsDisclosePrice { get; init; }

    /// <summary>Objects such as <c>{question, answer}</c>, kept exactly as sent.</summary>
    [JsonPropertyName("faqs")] public Optional<IReadOnlyList<JsonElement>?> Faqs { get; init; }
    [JsonPropertyName("isActive")] public Optional<bool?> IsActive { get; init; }

    /// <summary>The pricing fields nested, as the trade API's own request example sends them.</summary>
    [JsonPropertyName("pricing")] public Optional<TradePricing?> Pricing { get; init; }
}

public sealed record TradePricing
{
    [JsonPropertyName("pricingType")] public Optional<string?> PricingType { get; init; }
    [JsonPropertyName("price")] public Optional<decimal?> Price { get; init; }
    [JsonPropertyName("maxPrice")] public Optional<decimal?> MaxPrice { get; init; }
    [JsonPropertyName("isDisclosePrice")] public Optional<bool?> IsDisclosePrice { get; init; }
}

/// <summary><c>{results, summary}</c>: one result per update, in the order sent.</summary>
public sealed record TradeBatchResponse(
    [property: JsonPropertyName("results")] IReadOnlyList<TradeItemResult> Results,
    [property: JsonPropertyName("summary")] TradeSummary Summary);

/// <summary><c>{id, status: "ok", product}</c> or <c>{id, status: "error", code, message}</c>.</summary>
public sealed record TradeItemResult
{
    public const string Ok = "ok";
    public const string Error = "error";

    [JsonPropertyName("id")] public long Id { get; init; }
    [JsonPropertyName("status")] public required string Status { get; init; }

    [JsonPropertyName("product"), JsonIgnore(Condition = WhenWritingNull)]
    public TradeProduct? Product { get; init; }

    [JsonPropertyName("code"), JsonIgnore(Condition = WhenWritingNull)]
    public string? Code { get; init; }

    [JsonPropertyName("message"), JsonIgnore(Condition = WhenWritingNull)]
    public string? Message { get; init; }

    public static TradeItemResult Succeeded(long id, TradeProduct product) =>
        new() { Id = id, Status = Ok, Product = product };

    public static TradeItemResult Failed(long id, string code, string message) =>
        new() { Id = id, Status = Error, Code = code, Message = message };
}

/// <summary>A trade product as the trade API answers it: flat, timestamps in milliseconds.</summary>
public sealed record TradeProduct
{
    [JsonPropertyName("id")] public long Id { get; init; }
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("description")] public string? Description { get; init; }
    [JsonPropertyName("tradeCategoryId")] public long? TradeCategoryId { get; init; }
    [JsonPropertyName("pricingType")] public string? PricingType { get; init; }
    [JsonPropertyName("price")] public decimal? Price { get; init; }
    [JsonPropertyName("maxPrice")] public decimal? MaxPrice { get; init; }
    [JsonPropertyName("isDisclosePrice")] public bool IsDisclosePrice { get; init; }
    [JsonPropertyName("faqs")] public IReadOnlyList<JsonElement> Faqs { get; init; } = [];
    [JsonPropertyName("isActive")] public bool IsActive { get; init; }
    [JsonPropertyName("createdAt")] public required string CreatedAt { get; init; }
    [JsonPropertyName("updatedAt")] public required string UpdatedAt { get; init; }
}

public sealed record TradeSummary(
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("succeeded")] int Succeeded,
    [property: JsonPropertyName("failed")] int Failed);

/// <summary>A trade error outside items: <c>{success: false, message, error: {status, code?, message}}</c>.</summary>
public sealed record TradeErrorResponse
{
    [JsonPropertyName("success")] public bool Success => false;
    [JsonPropertyName("message")] public required string Message { get; init; }
    [JsonPropertyName("error")] public required TradeError Error { get; init; }
}

/// <summary>The error; <c>code</c> left out where the trade API shows none; <c>details</c> is Catalog's.</summary>
public sealed record TradeError
{
    [JsonPropertyName("status")] public int Status { get; init; }

    [JsonPropertyName("code"), JsonIgnore(Condition = WhenWritingNull)]
    public string? Code { get; init; }

    [JsonPropertyName("message")] public required string Message { get; init; }

    [JsonPropertyName("details"), JsonIgnore(Condition = WhenWritingNull)]
    public IReadOnlyList<TradeFieldError>? Details { get; init; }
}

public sealed record TradeFieldError(
    [property: JsonPropertyName("field")] string Field,
    [property: JsonPropertyName("message")] string Message);
