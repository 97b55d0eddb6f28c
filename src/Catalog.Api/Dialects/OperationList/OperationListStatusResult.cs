using Catalog.Application.Jobs;
using Catalog.Application.Jobs.Queries;

namespace Catalog.Api.Dialects.OperationList;

/// <summary>
/// <c>{left, total, is_processed, results}</c>, written as the failed results are read, a page at a time, so that a
/// batch with many failures is never held whole. Keys number the operations from 1, as the operation list's "3rd
/// operation" reads its key <c>"3"</c>.
/// </summary>
internal sealed class OperationListStatusResult(JobResultsPage first, Func<int, Task<JobResultsPage>> next)
    : IActionResult
{
    public const int PageSize = 1000;

    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        var job = first.Job;
        await using var writer = new Utf8JsonWriter(response.BodyWriter);
        writer.WriteStartObject();
        writer.WriteNumber("left", job.Left);
        writer.WriteNumber("total", job.Total);
        writer.WriteBoolean("is_processed", job.IsFinished);
        writer.WriteStartObject("results");
        await foreach (var page in first.AndTheRest(next))
        {
            foreach (var result in page.Items)
            {
                writer.WritePropertyName((result.Position + 1).ToString(CultureInfo.InvariantCulture));
                WriteError(writer, job, result);
            }

            await FlushAsync(writer, response, context.HttpContext.RequestAborted);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
        await FlushAsync(writer, response, context.HttpContext.RequestAborted);
    }

    /// <summary>Sends what is written so far: the writer hands its bytes to the pipe, the pipe to the client.</summary>
    private static async Task FlushAsync(Utf8JsonWriter writer, HttpResponse response, CancellationToken cancellation)
    {
        await writer.FlushAsync(cancellation);
        await response.BodyWriter.FlushAsync(cancellation);
    }

    private static void WriteError(Utf8JsonWriter writer, Job job, JobResult result)
    {
        var error = JobPayload.ErrorOf(result);
        writer.WriteStartObject();
        writer.WriteString("error", Message(job, error));
        writer.WriteString("code", error?.Code);
        writer.WriteStartArray("details");
        foreach (var detail in error?.Details ?? [])
        {
            writer.WriteStartObject();
            writer.WriteString("field", detail.Field);
            writer.WriteString("message", detail.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>The operation list's own sentence for an id that names nothing; Catalog's message otherwise.</summary>
    private static string Message(Job job, ItemError? error) => error switch
    {
        null => "The operation failed.",
        { Code: ErrorCodes.NotFound } when job.Kind == JobKinds.Products.Name => "There is no product with such id",
        { Code: ErrorCodes.NotFound } => "There is no variant with such id",
        _ => error.Message,
    };
}
