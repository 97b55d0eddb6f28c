using System.Text.RegularExpressions;
using Catalog.Api.Common;
using Catalog.Application.Common;
using Catalog.Application.Common.Batches;
using Microsoft.AspNetCore.Mvc;

namespace Catalog.Api.Dialects.Medusa;

/// <summary>
/// Medusa's error answers: <c>{type, message}</c> (and <c>code</c> where Medusa adds one), with the status Medusa's error
/// handler gives each type: <c>invalid_data</c> 400, <c>unauthorized</c> 401, <c>forbidden</c> 403, <c>not_found</c>
/// 404, <c>conflict</c> 409 (code <c>invalid_state_error</c>), anything unexpected 500 <c>unknown_error</c>.
/// </summary>
internal static partial class MedusaErrors
{
    public const string InvalidData = "invalid_data";
    public const string NotFound = "not_found";
    public const string Conflict = "conflict";
    public const string Unauthorized = "unauthorized";
    public const string Forbidden = "forbidden";
    public const string Unknown = "unknown_error";

    public static ObjectResult Result(int status, MedusaError error) => new(error) { StatusCode = status };

    public static ObjectResult Invalid(string message) => Result(StatusCodes.Status400BadRequest, new MedusaError(InvalidData, message));

    /// <summary>Every issue on its own line, as Medusa joins zod's issues.</summary>
    public static ObjectResult Invalid(IEnumerable<MedusaIssue> issues) => Invalid(string.Join("\n", issues));

    /// <summary>413, as Medusa's body parser answers a body over its limit.</summary>
    public static ObjectResult TooLarge(long limit) => Result(
        StatusCodes.Status413PayloadTooLarge,
        new MedusaError(Unknown, $"request entity too large: a batch body may have at most {limit} bytes"));

    public static ObjectResult UnexpectedError() => Result(
        StatusCodes.Status500InternalServerError, new MedusaError(Unknown, "An unknown error occurred.", Unknown));

    public static Task WriteAsync(HttpContext context, int status, MedusaError error)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(error, CatalogJson.Create(), context.RequestAborted);
    }

    /// <summary>
    /// The answer to an atomic batch that failed: the status of the first failed item (in the order create, update,
    /// delete), and a message with one line per failed item naming it (<c>... at "create[2].variants[0].sku"</c>).
    /// </summary>
    public static ObjectResult ItemsFailed<T>(BatchResult<T> result, string resource, string prefix)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(result);
        var failed = result.Create.Select(r => ("create", r))
            .Concat(result.Update.Select(r => ("update", r)))
            .Concat(result.Delete.Select(r => ("delete", r)))
            .Where(f => f.r.Status == ItemStatus.Failed && f.r.Error is not null)
            .ToList();
        if (failed.Count == 0)
        {
            return UnexpectedError();
        }

        var (status, type, code) = KindOf(failed[0].r.Error!.Code);
        var message = string.Join("\n", failed.Select(f => ItemMessage(f.Item1, f.r, resource, prefix)));
        return Result(status, new MedusaError(type, message, code));
    }

    /// <summary>Catalog's numeric ids in a message, written as the Medusa ids the client knows (<c>Product 5</c> is <c>Product prod_5</c>).</summary>
    public static string WithMedusaIds(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        message = ProductNumber().Replace(message, m => $"{m.Groups[1].Value} {MedusaIds.Of(MedusaIds.Product, long.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))}");
        message = VariantNumber().Replace(message, m => $"{m.Groups[1].Value} {MedusaIds.Of(MedusaIds.Variant, long.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))}");
        return CategoryNumber().Replace(message, m => $"{m.Groups[1].Value} {MedusaIds.Of(MedusaIds.Category, long.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))}");
    }

    /// <summary>A canonical field path in Medusa's names: <c>category_ids[1]</c> is <c>categories[1].id</c>, <c>rank</c> is <c>variant_rank</c>.</summary>
    public static string MedusaPath(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var parts = field.Split('.').Select(part => part switch
        {
            "rank" => "variant_rank",
            "stock_quantity" => "inventory_quantity",
            "version" or "extensions" => null,
            _ when part.StartsWith("category_ids[", StringComparison.Ordinal) => "categories" + part["category_ids".Length..] + ".id",
            _ when part.StartsWith("tags[", StringComparison.Ordinal) => part + ".id",
            _ => part,
        });
        return string.Join('.', parts.TakeWhile(p => p is not null));
    }

    private static string ItemMessage<T>(string operation, ItemResult<T> result, string resource, string prefix)
        where T : class
    {
        var error = result.Error!;
        var field = error.Details.Count > 0 ? error.Details[0].Field : null;
        var at = operation == "delete" || string.IsNullOrEmpty(field) || MedusaPath(field).Length == 0
            ? $"{operation}[{result.Index}]"
            : $"{operation}[{result.Index}].{MedusaPath(field)}";
        var text = error.Code == ErrorCodes.NotFound && result.Id is { } id
            ? $"{resource} with id: {MedusaIds.Of(prefix, id)} was not found"
            : WithMedusaIds(error.Message.TrimEnd('.'));
        return $"{text} at \"{at}\"";
    }

    private static (int Status, string Type, string? Code) KindOf(string code) => code switch
    {
        ErrorCodes.NotFound or ErrorCodes.ReferenceNotFound => (StatusCodes.Status404NotFound, NotFound, null),
        ErrorCodes.Conflict => (StatusCodes.Status409Conflict, Conflict, "invalid_state_error"),
        _ => (StatusCodes.Status400BadRequest, InvalidData, null),
    };

    [GeneratedRegex(@"\b([Pp]roduct) (\d{1,18})\b")]
    private static partial Regex ProductNumber();

    [GeneratedRegex(@"\b([Vv]ariant) (\d{1,18})\b")]
    private static partial Regex VariantNumber();

    [GeneratedRegex(@"\b([Cc]ategory) (\d{1,18})\b")]
    private static partial Regex CategoryNumber();
}

/// <summary>
/// The Medusa routes' shape for errors that Catalog's shared machinery answers (broken JSON caught before the action, a
/// request the canonical layer refuses whole, an exception): Medusa's <c>{type, message}</c>, never problem details.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
internal sealed class MedusaErrorsAttribute : Attribute, IRequestErrorFormat
{
    public (int Status, object Body) Render(RequestError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var text = MedusaErrors.WithMedusaIds((error.Detail ?? error.Title).TrimEnd('.'));
        return error.Status switch
        {
            StatusCodes.Status400BadRequest when error.Code == ErrorCodes.MalformedJson =>
                (error.Status, new MedusaError(MedusaErrors.InvalidData, $"The body is not valid JSON: {text}")),
            StatusCodes.Status401Unauthorized => (error.Status, new MedusaError(MedusaErrors.Unauthorized, "Unauthorized")),
            StatusCodes.Status403Forbidden => (error.Status, new MedusaError(MedusaErrors.Forbidden, text)),
            StatusCodes.Status404NotFound => (error.Status, new MedusaError(MedusaErrors.NotFound, text)),
            StatusCodes.Status409Conflict => (error.Status, new MedusaError(MedusaErrors.Conflict, text, "invalid_state_error")),
            StatusCodes.Status413PayloadTooLarge => (error.Status, new MedusaError(MedusaErrors.Unknown, $"request entity too large: {text}")),
            >= StatusCodes.Status500InternalServerError => (error.Status, new MedusaError(MedusaErrors.Unknown, "An unknown error occurred.", MedusaErrors.Unknown)),
            _ => (error.Status, new MedusaError(MedusaErrors.InvalidData, $"Validation error: {text}")),
        };
    }
}
