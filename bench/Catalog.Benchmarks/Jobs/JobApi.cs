using System.Text.Json;

namespace Catalog.Benchmarks.Jobs;

/// <summary>A job as a client sees it: submitted with <c>Prefer: respond-async</c>, then polled.</summary>
internal static class JobApi
{
    private static readonly Uri Endpoint = new("api/v1/products/batch", UriKind.Relative);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    /// <summary>Sends the body and answers the job's id once the API has answered 202 (every item stored).</summary>
    public static async Task<long> SubmitAsync(HttpClient client, HttpContent body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = body };
        request.Headers.Add("Prefer", "respond-async");
        using var response = await client.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if ((int)response.StatusCode != 202)
        {
            throw new InvalidOperationException($"The job was answered {(int)response.StatusCode}: {Excerpt(text)}");
        }

        using var job = JsonDocument.Parse(text);
        return job.RootElement.GetProperty("id").GetInt64();
    }

    /// <summary>
    /// Polls until the job has finished (calling <paramref name="onPoll"/> each time); fails unless every one of
    /// <paramref name="expected"/> items succeeded. Answers the job's last state.
    /// </summary>
    public static async Task<JsonDocument> WaitAsync(
        HttpClient client, long id, int expected, Action onPoll, CancellationToken cancellationToken)
    {
        var uri = new Uri($"api/v1/jobs/{id}", UriKind.Relative);
        while (true)
        {
            onPoll();
            var text = await client.GetStringAsync(uri, cancellationToken);
            var job = JsonDocument.Parse(text);
            var status = job.RootElement.GetProperty("status").GetString();
            if (status is "queued" or "running")
            {
                job.Dispose();
                await Task.Delay(Poll, cancellationToken);
                continue;
            }

            var summary = job.RootElement.GetProperty("summary");
            if (status != "succeeded" || summary.GetProperty("succeeded").GetInt32() != expected)
            {
                job.Dispose();
                throw new InvalidOperationException($"Job {id} did not apply all {expected} items: {Excerpt(text)}");
            }

            return job;
        }
    }

    /// <summary>Submits and waits, untimed: a warm-up.</summary>
    public static async Task RunAsync(HttpClient client, int items, string prefix, CancellationToken cancellationToken)
    {
        var id = await SubmitAsync(client, new StreamedCreates(items, prefix), cancellationToken);
        (await WaitAsync(client, id, items, () => { }, cancellationToken)).Dispose();
    }

    private static string Excerpt(string text) => text.Length <= 1000 ? text : text[..1000];
}
