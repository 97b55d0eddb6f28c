namespace Catalog.Client;

/// <summary>
/// Sends a batch as a job through a generated client. A batch method's typed answer is the synchronous one (200);
/// NSwag hands any other documented success with another body, such as the <c>202</c> of
/// <c>Prefer: respond-async</c>, to <see cref="CatalogApiException{TResult}"/>, typed. This reads the job from it.
/// </summary>
public static class CatalogJobs
{
    /// <summary>The value of the batch methods' <c>prefer</c> parameter that asks for a job.</summary>
    public const string RespondAsync = "respond-async";

    /// <summary>
    /// Calls <paramref name="batch"/> with <see cref="RespondAsync"/> as its <c>prefer</c> argument and answers the
    /// queued job; poll it with <see cref="JobsClient.GetAsync(long, CancellationToken)"/>.
    /// </summary>
    /// <example><c>await CatalogJobs.SubmitAsync(prefer => products.BatchAsync(request, policy, prefer))</c></example>
    /// <exception cref="CatalogApiException">The API answered the batch synchronously, or refused it.</exception>
    public static async Task<JobResponse> SubmitAsync<TAnswer>(
        Func<string, Task<TAnswer>> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        try
        {
            await batch(RespondAsync).ConfigureAwait(false);
        }
        catch (CatalogApiException<JobResponse> accepted) when (accepted.StatusCode == 202)
        {
            return accepted.Result;
        }

        throw new CatalogApiException(
            "The batch was applied synchronously, not accepted as a job.",
            200,
            null,
            new Dictionary<string, IEnumerable<string>>(),
            null);
    }
}
