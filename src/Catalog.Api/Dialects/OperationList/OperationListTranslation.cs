using System.Runtime.CompilerServices;
using Catalog.Api.V1.Jobs;
using Catalog.Application.Jobs;
using Catalog.Application.Jobs.Commands.SubmitJob;
using Catalog.Application.Products.Commands.BatchProducts;
using Catalog.Domain.Products;

namespace Catalog.Api.Dialects.OperationList;

/// <summary>
/// Operations to canonical job items, one by one as they arrive. An operation that cannot run (not an object, an
/// unknown method, a body of the wrong shape, no id to update or delete) becomes a refusal: it fails alone, with its
/// error under its number. It never reads the database: what an item refers to is checked when it runs.
/// </summary>
internal static class OperationListTranslation
{
    /// <summary>The title a new variant gets: the operation list's variants have none.</summary>
    public const string VariantTitle = "-";

    public static IAsyncEnumerable<JobItem> ProductItems(HttpContext context, CancellationToken cancellationToken) =>
        Items<OperationListProduct>(context, Product, cancellationToken);

    public static IAsyncEnumerable<JobItem> VariantItems(HttpContext context, CancellationToken cancellationToken) =>
        Items<OperationListVariant>(context, Variant, cancellationToken);

    private static async IAsyncEnumerable<JobItem> Items<TBody>(
        HttpContext context,
        Func<JobOperation, TBody, JobItem> translate,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where TBody : class
    {
        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.JsonSerializerOptions;
        await foreach (var item in StreamedJson.ReadAsync(context.Request.BodyReader, null, cancellationToken))
        {
            yield return Operation(item.Value, options, translate);
        }
    }

    private static JobItem Operation<TBody>(
        JsonElement operation, JsonSerializerOptions options, Func<JobOperation, TBody, JobItem> translate)
        where TBody : class
    {
        if (operation.ValueKind != JsonValueKind.Object)
        {
            return Refused(
                JobOperation.Create, string.Empty, "An operation is an object: {\"method\": ..., \"body\": {...}}.");
        }

        var other = operation.EnumerateObject().FirstOrDefault(p => p.Name is not ("method" or "body"));
        if (other.Value.ValueKind != JsonValueKind.Undefined)
        {
            return Refused(JobOperation.Create, other.Name, $"'{other.Name}' is not a field of an operation.");
        }

        var method = operation.TryGetProperty("method", out var sent) && sent.ValueKind == JsonValueKind.String
            ? sent.GetString()!.ToUpperInvariant()
            : null;
        JobOperation? kind = method switch
        {
            "POST" => JobOperation.Create,
            "PUT" => JobOperation.Update,
            "DELETE" => JobOperation.Delete,
            _ => null,
        };
        if (kind is not { } known)
        {
            return Refused(JobOperation.Create, "method", "method must be POST, PUT or DELETE.");
        }

        if (!operation.TryGetProperty("body", out var body) || body.ValueKind != JsonValueKind.Object)
        {
            return Refused(known, "body", "body must be an object.");
        }

        try
        {
            return translate(known, body.Deserialize<TBody>(options)!);
        }
        catch (JsonException wrong)
        {
            var field = wrong.Path is { Length: > 1 } path ? "body" + path[1..] : "body";
            return Refused(known, field, wrong.Message);
        }
    }

    private static JobItem Product(JobOperation operation, OperationListProduct body) => (operation, body.Id) switch
    {
        (JobOperation.Create, null) => new JobItem(operation, Apply(new ProductCreate(), body)),
        (JobOperation.Create, _) => Refused(operation, "body.id", "A new product gets its id: leave id out of POST."),
        (_, null) => Refused(operation, "body.id", "body.id is required: it names the product."),
        (JobOperation.Update, { } id) => new JobItem(operation, Apply(
            new ProductUpdate { Id = id, ReplaceVariants = body.Variants.HasValue ? true : null }, body)),
        (_, { } id) => new JobItem(operation, id),
    };

    private static JobItem Variant(JobOperation operation, OperationListVariant body) =>
        (operation, body.Id, body.Product) switch
        {
            (JobOperation.Create, null, { } product) => new JobItem(
                operation, Apply(new VariantCreate { ProductId = product, Title = VariantTitle }, body)),
            (JobOperation.Create, null, null) => Refused(
                operation, "body.product", "body.product is required: it names the product the variant is added to."),
            (JobOperation.Create, _, _) => Refused(
                operation, "body.id", "A new variant gets its id: leave id out of POST."),
            (_, null, _) => Refused(operation, "body.id", "body.id is required: it names the variant."),
            (JobOperation.Update, _, { }) => Refused(
                operation, "body.product", "A variant stays with its product: leave product out of PUT."),
            (JobOperation.Update, { } id, null) => new JobItem(operation, Apply(new VariantUpdate { Id = id }, body)),
            (_, { } id, _) => new JobItem(operation, id),
        };

    private static T Apply<T>(T product, OperationListProduct body)
        where T : ProductWrite => product with
        {
            Title = body.Title,
            CategoryIds = body.MainCategory.HasValue
                ? new Optional<IReadOnlyList<long>?>(body.MainCategory.Value is { } category ? [category] : [])
                : default,
            Status = body.IsEnabled is { } enabled
                ? new Optional<ProductStatus?>(enabled ? ProductStatus.Published : ProductStatus.Draft)
                : default,
            Variants = body.Variants.HasValue
                ? new Optional<IReadOnlyList<ProductVariantWrite>?>(
                    body.Variants.Value?.Select(ProductVariant).ToList())
                : default,
        };

    private static ProductVariantWrite ProductVariant(OperationListProductVariant variant) => new()
    {
        Id = variant.Id,
        Title = variant.Id is null ? VariantTitle : default(Optional<string?>),
        StockQuantity = variant.Quantity,
        AttributeValueIds = AttributeValues(variant.AttributeValues),
    };

    private static T Apply<T>(T variant, OperationListVariant body)
        where T : VariantWrite => variant with
        {
            StockQuantity = body.Quantity,
            AttributeValueIds = AttributeValues(body.AttributeValues),
        };

    private static Optional<IReadOnlyList<long>?> AttributeValues(
        Optional<IReadOnlyList<OperationListAttributeValue>?> values) =>
        values.HasValue
            ? new Optional<IReadOnlyList<long>?>(values.Value?.Select(v => v.AttributeValue).ToList())
            : default;

    private static JobItem Refused(JobOperation operation, string field, string message) =>
        new(operation, null, new ItemError(ErrorCodes.ValidationFailed, message, [new FieldError(field, message)]));
}
