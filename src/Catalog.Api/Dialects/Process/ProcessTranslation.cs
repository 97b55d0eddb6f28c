using Catalog.Application.Jobs;
using Catalog.Application.Jobs.Commands.SubmitJob;
using Catalog.Application.Products.Commands.BatchProducts;
using Catalog.Domain.Products;

namespace Catalog.Api.Dialects.Process;

/// <summary>The process API's items to canonical product upserts, and their outcomes back.</summary>
internal static class ProcessTranslation
{
    public const string DefaultCurrency = "usd";

    /// <summary>
    /// The item as a canonical upsert (a product whose one variant carries the SKU), or, when it cannot run (no SKU,
    /// a field of the wrong type or unknown), a refusal of this item alone. The item is kept to be echoed.
    /// </summary>
    public static JobItem ToJobItem(StreamedJson.Item item, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(item);
        var echo = item.Value.Clone();
        ProcessProduct? product;
        try
        {
            product = item.Value.ValueKind == JsonValueKind.Object
                ? item.Value.Deserialize<ProcessProduct>(options)
                : null;
        }
        catch (JsonException wrong)
        {
            // The serializer's message names .NET types; say it in the API's terms.
            var field = wrong.Path is { Length: > 2 } path ? path[2..] : "$";
            var message = wrong.Message.Contains("could not be mapped", StringComparison.Ordinal)
                ? $"{field} is not a field of a process product."
                : $"{field} has the wrong type.";
            return Refused(echo, field, message);
        }

        if (product is null)
        {
            return Refused(echo, "$", "An item must be a JSON object.");
        }

        if (string.IsNullOrWhiteSpace(product.Sku))
        {
            return Refused(echo, "sku", "sku is required: items are matched by it.");
        }

        ProductStatus? status = null;
        if (product.Status is { } sent)
        {
            if (!Enum.TryParse<ProductStatus>(sent, ignoreCase: true, out var parsed) || int.TryParse(sent, out _))
            {
                return Refused(echo, "status", $"status '{sent}' is not one of "
                    + string.Join(", ", Enum.GetNames<ProductStatus>().Select(n => n.ToLowerInvariant())) + ".");
            }

            status = parsed;
        }

        var variant = new ProductVariantWrite
        {
            Sku = product.Sku,
            Title = product.Title is { } variantTitle ? new Optional<string?>(variantTitle) : default,
            StockQuantity = product.Quantity is { } quantity ? new Optional<int?>(quantity) : default,
            Prices = product.Price is { } price
                ? new Optional<IReadOnlyList<PriceInput>?>(
                    [new PriceInput { CurrencyCode = product.CurrencyCode ?? DefaultCurrency, Amount = price }])
                : default,
        };
        var create = new ProductCreate
        {
            Title = Maybe(product.Title),
            Handle = Maybe(product.Handle),
            Description = Maybe(product.Description),
            Status = status is { } s ? new Optional<ProductStatus?>(s) : default,
            Variants = new Optional<IReadOnlyList<ProductVariantWrite>?>([variant]),
        };
        return new JobItem(JobOperation.Upsert, create, Echo: echo);
    }

    /// <summary>
    /// <c>PENDING</c> and <c>RUNNING</c> while it waits or runs; at the end <c>SUCCESS</c> when every item
    /// succeeded, <c>FAILED</c> when none did, else <c>PARTIAL</c>.
    /// </summary>
    public static string StatusOf(Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.Status switch
        {
            JobStatus.Queued or JobStatus.Receiving => "PENDING",
            JobStatus.Running => "RUNNING",
            _ when job.Succeeded == job.Total => "SUCCESS",
            _ when job.Succeeded == 0 => "FAILED",
            _ => "PARTIAL",
        };
    }

    private static Optional<string?> Maybe(string? value) => value is null ? default : new Optional<string?>(value);

    private static JobItem Refused(JsonElement echo, string field, string message) =>
        new(JobOperation.Upsert, null, ItemError.Of(ErrorCodes.ValidationFailed, message, field), echo);
}
