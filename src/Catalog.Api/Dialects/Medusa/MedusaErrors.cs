using System.Text.RegularExpressions;

namespace Catalog.Api.Dialects.Medusa;

/// <summary>Medusa's error answers: <c>{type, message}</c>, <c>code</c> where Medusa adds one.</summary>
internal static partial class MedusaErrors
{
    public const string InvalidData = "invalid_data";
    public const string NotFound = "not_found";
    public const string Conflict = "conflict";
    public const string Unauthorized = "unauthorized";
    public const string Forbidden = "forbidden";
    public const string NotAllowed = "not_allowed";
    public const string Unknown = "unknown_error";
    public const string InvalidState = "invalid_state_error";

    public static readonly MedusaError Unexpected = new(Unknown, "An unknown error occurred.", Unknown);

    private static readonly Dictionary<string, string> Prefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["product"] = MedusaIds.Product,
        ["variant"] = MedusaIds.Variant,
        ["category"] = MedusaIds.Category,
    };

    public static ObjectResult Result(int status, MedusaError error) => new(error) { StatusCode = status };

    public static ObjectResult Invalid(string message) =>
        Result(StatusCodes.Status400BadRequest, new MedusaError(InvalidData, message));

    /// <summary>
    /// Every issue on its own line, as Medusa joins zod's issues: a 400 when any is invalid, else (every one an id
    /// that names no row) a 404, as Medusa answers an id it does not know.
    /// </summary>
    public static ObjectResult Invalid(IEnumerable<MedusaIssue> issues)
    {
        var all = issues.ToList();
        var invalid = all.Where(i => !i.NotFound).ToList();
        return invalid.Count > 0
            ? Invalid(string.Join("\n", invalid))
            : Result(StatusCodes.Status404NotFound, new MedusaError(NotFound, string.Join("\n", all)));
    }

    /// <summary>
    /// A batch's error as the single-item route that ran the batch with one item answers it: paths inside the item
    /// lose its place (<c>create[0].title</c> is <c>title</c>), and the place itself, or the id the route's path
    /// names, is not repeated.
    /// </summary>
    public static ObjectResult AsSingle(ObjectResult error, string item)
    {
        if (error.Value is not MedusaError medusa)
        {
            return error;
        }

        var lines = medusa.Message.Split('\n').Select(line => line
            .Replace($" at \"{item}.id\"", string.Empty, StringComparison.Ordinal)
            .Replace($" at \"{item}\"", string.Empty, StringComparison.Ordinal)
            .Replace($" at \"{item}.", " at \"", StringComparison.Ordinal));
        return Result(error.StatusCode ?? StatusCodes.Status400BadRequest,
            medusa with { Message = string.Join("\n", lines) });
    }

    /// <summary>Medusa's message for an id it does not know, with the name of Medusa's model.</summary>
    public static string NotFoundMessage(string prefix, string id) => $"{ModelOf(prefix)} with id: {id} was not found";

    /// <summary>Medusa's model names, which its not-found messages carry.</summary>
    public static string ModelOf(string prefix) => prefix switch
    {
        MedusaIds.Variant => "ProductVariant",
        MedusaIds.Category => "ProductCategory",
        MedusaIds.Price => "Price",
        _ => "Product",
    };

    public static ObjectResult ProductNotFound(string id) =>
        Result(StatusCodes.Status404NotFound, new MedusaError(NotFound, NotFoundMessage(MedusaIds.Product, id)));

    public static ObjectResult VariantNotFound(string id) =>
        Result(StatusCodes.Status404NotFound, new MedusaError(NotFound, NotFoundMessage(MedusaIds.Variant, id)));

    /// <summary>413, as Medusa's body parser answers a body over its limit.</summary>
    public static ObjectResult TooLarge(long limit) => Result(
        StatusCodes.Status413PayloadTooLarge,
        new MedusaError(Unknown, $"request entity too large: a batch body may have at most {limit} bytes"));

    public static Task WriteAsync(HttpContext context, int status, MedusaError error)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(error, CatalogJson.Create(), context.RequestAborted);
    }

    /// <summary>
    /// A failed atomic batch: the status of its first failed item, and one line per failed item naming it.
    /// </summary>
    public static ObjectResult ItemsFailed<T>(BatchResult<T> result, string prefix)
        where T : class
    {
        var failed = result.Create.Select(r => ("create", r))
            .Concat(result.Update.Select(r => ("update", r)))
            .Concat(result.Delete.Select(r => ("delete", r)))
            .Where(f => f.r.Status == ItemStatus.Failed && f.r.Error is not null)
            .ToList();
        if (failed.Count == 0)
        {
            return Result(StatusCodes.Status500InternalServerError, Unexpected);
        }

        // Medusa refuses a variant that repeats another's options with this sentence alone (invalid_data, 400).
        if (failed[0].r.Error is { Code: ErrorCodes.DuplicateOptions } repeated)
        {
            return Result(StatusCodes.Status400BadRequest, new MedusaError(InvalidData, repeated.Message, null));
        }

        var (status, type, code) = failed[0].r.Error!.Code switch
        {
            ErrorCodes.NotFound or ErrorCodes.ReferenceNotFound => (StatusCodes.Status404NotFound, NotFound, null),
            ErrorCodes.Conflict => (StatusCodes.Status409Conflict, Conflict, InvalidState),
            _ => (StatusCodes.Status400BadRequest, InvalidData, (string?)null),
        };
        var message = string.Join("\n", failed.Select(f => ItemMessage(f.Item1, f.r, prefix)));
        return Result(status, new MedusaError(type, message, code));
    }

    /// <summary>Catalog's numeric ids in a message as the Medusa ids a client knows (<c>Product prod_5</c>).</summary>
    public static string WithMedusaIds(string message) => NumberedRow().Replace(message, m =>
    {
        var number = long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        return $"{m.Groups[1].Value} {MedusaIds.Of(Prefixes[m.Groups[1].Value], number)}";
    });

    /// <summary>A canonical field path in Medusa's names: <c>category_ids[1]</c> is <c>categories[1].id</c>.</summary>
    public static string MedusaPath(string field)
    {
        var parts = field.Split('.').Select(part => part switch
        {
            "rank" => "variant_rank",
            "stock_quantity" => "inventory_quantity",
            "version" or "extensions" => null,
            _ when part.StartsWith("category_ids[", StringComparison.Ordinal) =>
                "categories" + part["category_ids".Length..] + ".id",
            _ when part.StartsWith("tags[", StringComparison.Ordinal) => part + ".id",
            _ => part,
        });
        return string.Join('.', parts.TakeWhile(p => p is not null));
    }

    private static string ItemMessage<T>(string operation, ItemResult<T> result, string prefix)
        where T : class
    {
        var error = result.Error!;
        var field = error.Details.Count > 0 ? MedusaPath(error.Details[0].Field) : string.Empty;
        var at = operation == "delete" || field.Length == 0
            ? $"{operation}[{result.Index}]"
            : $"{operation}[{result.Index}].{field}";
        var text = error.Code == ErrorCodes.NotFound && result.Id is { } id
            ? NotFoundMessage(prefix, MedusaIds.Of(prefix, id))
            : WithMedusaIds(error.Message.TrimEnd('.'));
        return $"{text} at \"{at}\"";
    }

    [GeneratedRegex(@"\b([Pp]roduct|[Vv]ariant|[Cc]ategory) (\d{1,18})\b")]
    private static partial Regex NumberedRow();
}

/// <summary>The errors Catalog's shared machinery answers on a Medusa route, in Medusa's shape.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
internal sealed class MedusaErrorsAttribute : Attribute, IRequestErrorFormat
{
    public (int Status, object Body) Render(RequestError error)
    {
        var text = MedusaErrors.WithMedusaIds((error.Detail ?? error.Title).TrimEnd('.'));
        var medusa = error.Status switch
        {
            StatusCodes.Status400BadRequest when error.Code == ErrorCodes.MalformedJson =>
                new MedusaError(MedusaErrors.InvalidData, $"The body is not valid JSON: {text}"),
            StatusCodes.Status401Unauthorized => new MedusaError(MedusaErrors.Unauthorized, "Unauthorized"),
            StatusCodes.Status403Forbidden => new MedusaError(MedusaErrors.Forbidden, text),
            StatusCodes.Status404NotFound => new MedusaError(MedusaErrors.NotFound, text),
            StatusCodes.Status409Conflict => new MedusaError(MedusaErrors.Conflict, text, MedusaErrors.InvalidState),
            // Medusa has no rate limit of its own; of its error types, this one says "refused, not your data's fault".
            StatusCodes.Status429TooManyRequests => new MedusaError(MedusaErrors.NotAllowed, text),
            StatusCodes.Status413PayloadTooLarge =>
                new MedusaError(MedusaErrors.Unknown, $"request entity too large: {text}"),
            >= StatusCodes.Status500InternalServerError => MedusaErrors.Unexpected,
            _ => new MedusaError(MedusaErrors.InvalidData, $"Validation error: {text}"),
        };
        return (error.Status, medusa);
    }
}
