using Catalog.Api.Idempotency;
using Catalog.Api.V1.Jobs;
using Catalog.Application.Common.Exceptions;
using Catalog.Application.Jobs;
using Catalog.Application.Jobs.Commands.SubmitJob;
using Catalog.Application.Jobs.Queries;

namespace Catalog.Api.Dialects.Process;

/// <summary>
/// The asynchronous process API: <c>PATCH /process/products</c> upserts products keyed by SKU as a job and answers its
/// <c>batchId</c>; <c>GET /batch/{batchId}</c> answers where it stands, and at the end every item as sent with its
/// outcome.
/// </summary>
[ApiController]
[Produces("application/json")]
[Authorize(AuthenticationSchemes = ProcessAuthenticationHandler.SchemeName)]
[ProducesResponseType<ProcessError>(StatusCodes.Status401Unauthorized)]
[ProducesResponseType<ProcessError>(StatusCodes.Status403Forbidden)]
[Idempotent]
public sealed class ProcessController(ISender sender) : ControllerBase
{
    private const int ResultsPage = 1000;
    private const string Success = "successfully";

    /// <summary>
    /// Upserts products by SKU (INSERT when the SKU is new, UPDATE when it exists), as a job: the body is an array of
    /// products, read and stored as it arrives; answers the <c>batchId</c> to poll.
    /// </summary>
    [HttpPatch("process/products")]
    [StreamedBody]
    [Authorize(Policy = CatalogPolicies.Write)]
    [Consumes("application/json")]
    [ProducesResponseType<ProcessAccepted>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProcessError>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProcessError>(StatusCodes.Status415UnsupportedMediaType)]
    public async Task<ActionResult<ProcessAccepted>> Products(
        [DocumentedBody] ProcessProducts? products, CancellationToken cancellationToken)
    {
        _ = products;
        try
        {
            JobSubmission.AcceptBody(HttpContext);
            var items = Items(cancellationToken);
            var job = await sender.Send(
                new SubmitJob(
                    JobSubmission.OwnerOf(HttpContext), JobKinds.Products, null, "process", BatchPolicy.Partial, items),
                cancellationToken);
            return Ok(new ProcessAccepted(job.Id.ToString(CultureInfo.InvariantCulture)));
        }
        catch (RequestValidationException refused)
        {
            return BadRequest(new ProcessError($"{refused.Code}: {refused.Message}"));
        }
        catch (UnsupportedMediaTypeException unsupported)
        {
            return StatusCode(StatusCodes.Status415UnsupportedMediaType, new ProcessError(unsupported.Message));
        }
    }

    /// <summary>
    /// Where a batch stands: <c>206</c> PENDING or RUNNING; at the end <c>200</c> SUCCESS, or <c>206</c> PARTIAL or
    /// FAILED, with each item as sent, its product's <c>id</c> and <c>status: {success, message, process}</c>.
    /// </summary>
    [HttpGet("batch/{batchId}")]
    [Authorize(Policy = CatalogPolicies.Read)]
    [ProducesResponseType<ProcessBatchStatus>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProcessBatchStatus>(StatusCodes.Status206PartialContent)]
    [ProducesResponseType<ProcessError>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Batch(string batchId, CancellationToken cancellationToken)
    {
        var owner = JobSubmission.OwnerOf(HttpContext);
        Job job;
        try
        {
            job = long.TryParse(batchId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? await sender.Send(new GetJob(id, owner), cancellationToken)
                : throw new NotFoundException("Batch", 0);
        }
        catch (NotFoundException)
        {
            return NotFound(new ProcessError($"Batch {batchId} was not found."));
        }

        var status = ProcessTranslation.StatusOf(job);
        if (!job.IsFinished)
        {
            return StatusCode(
                StatusCodes.Status206PartialContent, new ProcessBatchStatus { Detail = "processing", Status = status });
        }

        Response.StatusCode = status == "SUCCESS" ? StatusCodes.Status200OK : StatusCodes.Status206PartialContent;
        Response.ContentType = "application/json; charset=utf-8";
        await WriteResultsAsync(job, status, owner, cancellationToken);
        return new EmptyResult();
    }

    /// <summary>Writes the finished batch's items page by page, so that its size never sits in memory whole.</summary>
    private async Task WriteResultsAsync(Job job, string status, long owner, CancellationToken cancellationToken)
    {
        await using var writer = new Utf8JsonWriter(Response.BodyWriter);
        writer.WriteStartObject();
        writer.WriteString("batchId", job.Id.ToString(CultureInfo.InvariantCulture));
        writer.WriteString("status", status);
        writer.WriteStartArray("data");
        Task<JobResultsPage> Read(int after) =>
            sender.Send(new GetJobResults(job.Id, owner, null, after, ResultsPage), cancellationToken).AsTask();
        await foreach (var page in (await Read(-1)).AndTheRest(Read))
        {
            foreach (var result in page.Items)
            {
                WriteItem(writer, result);
            }

            await writer.FlushAsync(cancellationToken);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteItem(Utf8JsonWriter writer, JobResult result)
    {
        writer.WriteStartObject();
        if (result.Echo is { } echo)
        {
            using var sent = JsonDocument.Parse(echo);
            if (sent.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var field in sent.RootElement.EnumerateObject().Where(f => f.Name is not ("id" or "status")))
                {
                    field.WriteTo(writer);
                }
            }
        }

        if (result.ItemId is { } id)
        {
            writer.WriteString("id", id.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNull("id");
        }

        var error = JobPayload.ErrorOf(result);
        writer.WritePropertyName("status");
        JsonSerializer.Serialize(
            writer,
            new ProcessItemStatus(
                result.Status == ItemStatus.Succeeded,
                error is null ? Success : MessageOf(error),
                result.Process?.ToString().ToUpperInvariant()),
            ProcessJson.Options);
        writer.WriteEndObject();
    }

    /// <summary>The one message this API shows: every field's, when several fields failed.</summary>
    private static string MessageOf(ItemError error) =>
        error.Details.Count > 1 ? string.Join(" ", error.Details.Select(d => d.Message)) : error.Message;

    private async IAsyncEnumerable<JobItem> Items(
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var options = ProcessJson.Options;
        await foreach (var item in StreamedJson.ReadAsync(Request.BodyReader, null, cancellationToken))
        {
            yield return ProcessTranslation.ToJobItem(item, options);
        }
    }
}

/// <summary>The process API's JSON: camelCase, as its documents write it; unknown fields refuse the item.</summary>
internal static class ProcessJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
    };
}
