using System.Runtime.CompilerServices;
using Catalog.Application.Jobs;
using Catalog.Application.Jobs.Commands.SubmitJob;
using Microsoft.AspNetCore.Mvc.ActionConstraints;
using Microsoft.Net.Http.Headers;

namespace Catalog.Api.V1.Jobs;

/// <summary>
/// Selects the action for a request that says <c>Prefer: respond-async</c> (RFC 7240) over the synchronous action of
/// the same route, which has no such constraint.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RespondAsyncAttribute : Attribute, IActionConstraint
{
    public const string Preference = "respond-async";

    public int Order => 0;

    public bool Accept(ActionConstraintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.RouteContext.HttpContext.Request;
        return Prefers(request) && !AsksDryRun(request);
    }

    /// <summary>
    /// A dry run answers at once, whatever the preference: it writes nothing, so there is no job to run. Any
    /// <c>dry_run</c> but false (true, or a malformed value, which the synchronous action refuses with a 400) goes
    /// to the synchronous action.
    /// </summary>
    private static bool AsksDryRun(HttpRequest request) =>
        request.Query.TryGetValue("dry_run", out var value) && !(bool.TryParse(value, out var dryRun) && !dryRun);

    public static bool Prefers(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers["Prefer"].SelectMany(v => (v ?? string.Empty).Split(','))
            .Any(p => p.Split(';')[0].Trim().Equals(Preference, StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>
/// An action that reads its JSON body itself, as it arrives (<see cref="StreamedJson"/>): the whole-body check
/// (<see cref="JsonSyntaxCheck"/>) leaves it alone, since it would hold the body whole.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class StreamedBodyAttribute : Attribute;

/// <summary>How a job is accepted over HTTP, for the canonical API and every asynchronous dialect.</summary>
internal static class JobSubmission
{
    /// <summary>The key the caller authenticated with: jobs belong to it.</summary>
    public static long OwnerOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ApiKeyAuthenticationHandler.KeyIdOf(context.User)
            ?? throw new InvalidOperationException("A job was submitted without an authenticated key.");
    }

    /// <summary>
    /// Checks that the body can be streamed: JSON in UTF-8, else <c>415</c>. How large it may be is the route's
    /// (<see cref="RequestLimits.MaxJobBodyBytes"/>), set before this runs.
    /// </summary>
    public static void AcceptBody(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Value!.Contains("json", StringComparison.OrdinalIgnoreCase)
            || (type.Charset.HasValue && !type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)))
        {
            throw new UnsupportedMediaTypeException(
                "A job's body is JSON in UTF-8 (Content-Type: application/json).");
        }
    }

    /// <summary>
    /// The items of a canonical body (<c>{create, update, delete}</c>, with <c>upsert</c> where the resource has one,
    /// or <c>{updates}</c>), typed.
    /// </summary>
    public static async IAsyncEnumerable<JobItem> CanonicalItems<TCreate, TUpdate>(
        HttpContext context, bool upserts, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.JsonSerializerOptions;
        var lists = new HashSet<string>(StringComparer.Ordinal) { "create", "update", "delete", "updates" };
        if (upserts)
        {
            lists.Add("upsert");
        }

        await foreach (var item in StreamedJson.ReadAsync(context.Request.BodyReader, lists, cancellationToken))
        {
            yield return item.List switch
            {
                "create" => new JobItem(JobOperation.Create, Typed<TCreate>(item, options), Sent: item.Value),
                "delete" => new JobItem(JobOperation.Delete, Typed<long>(item, options), Sent: item.Value),
                "upsert" => new JobItem(JobOperation.Upsert, Typed<TCreate>(item, options), Sent: item.Value),
                _ => new JobItem(JobOperation.Update, Typed<TUpdate>(item, options), Sent: item.Value),
            };
        }
    }

    /// <summary>An item as its contract type; a wrong type or unknown field refuses the body, naming where.</summary>
    public static T Typed<T>(StreamedJson.Item item, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(item);
        try
        {
            return item.Value.Deserialize<T>(options) ?? throw Invalid(item.Path, "An item must not be null.");
        }
        catch (JsonException wrong)
        {
            var field = wrong.Path is { Length: > 1 } path ? item.Path + path[1..] : item.Path;
            throw Invalid(field, wrong.Message);
        }
    }

    public static AcceptedResult Accepted(HttpContext context, Job job, string location)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers["Preference-Applied"] = RespondAsyncAttribute.Preference;
        return new AcceptedResult(location, JobResponse.From(job));
    }

    private static Application.Common.Exceptions.RequestValidationException Invalid(string field, string message) =>
        new(ErrorCodes.InvalidBody, message, [new FieldError(field, message)]);
}

/// <summary>A body in a media type or charset a route does not read: a 415.</summary>
public sealed class UnsupportedMediaTypeException(string message) : Exception(message);

/// <summary>
/// Documents a body that the action reads itself as a stream (<see cref="StreamedBodyAttribute"/>): the parameter
/// shows the body's schema in the OpenAPI document, but nothing binds it (it stays null), so the body is never read
/// whole.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class DocumentedBodyAttribute() : ModelBinderAttribute(typeof(UnboundBody))
{
    public override Microsoft.AspNetCore.Mvc.ModelBinding.BindingSource BindingSource =>
        Microsoft.AspNetCore.Mvc.ModelBinding.BindingSource.Body;

    private sealed class UnboundBody : Microsoft.AspNetCore.Mvc.ModelBinding.IModelBinder
    {
        public Task BindModelAsync(Microsoft.AspNetCore.Mvc.ModelBinding.ModelBindingContext bindingContext)
        {
            ArgumentNullException.ThrowIfNull(bindingContext);
            bindingContext.Result = Microsoft.AspNetCore.Mvc.ModelBinding.ModelBindingResult.Success(null);
            return Task.CompletedTask;
        }
    }
}
