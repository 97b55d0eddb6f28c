using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Catalog.Benchmarks.Load;

/// <summary>
/// One client of the load mode: until told to stop, mixed batches of <see cref="ItemsPerBatch"/> items through each
/// dialect in turn (half creates, the rest updates and deletes of products it created before through that dialect),
/// and every tenth round a page of the product list. Every answer is counted by status; a batch whose items did not
/// all succeed is a failure of the run.
/// </summary>
internal sealed class LoadClient(int number, IReadOnlyDictionary<string, HttpClient> clients, LoadTally tally)
{
    public const int ItemsPerBatch = 100;
    private const int Creates = 50;
    private const int Updates = 30;
    private const int Deletes = 20;
    private readonly Dictionary<string, List<string>> _owned = LoadDialect.All.ToDictionary(
        d => d.Name, _ => new List<string>(), StringComparer.Ordinal);

    private int _round;

    public async Task RunAsync(string phase, CancellationToken stop)
    {
        var dialects = LoadDialect.All.Where(d => clients.ContainsKey(d.Name)).ToList();
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var dialect = dialects[_round % dialects.Count];
                await BatchAsync(dialect, $"{phase}{number}-{_round}", stop);
                if (_round % 10 == 9)
                {
                    await ReadAsync(stop);
                }

                _round++;
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The run's time is up; a request cut off then is not counted.
        }
    }

    private async Task BatchAsync(LoadDialect dialect, string prefix, CancellationToken stop)
    {
        var owned = _owned[dialect.Name];
        var deletes = owned.Take(Math.Min(Deletes, owned.Count)).ToList();
        var updates = owned.Skip(deletes.Count).Take(Updates).ToList();
        var creates = ItemsPerBatch - deletes.Count - updates.Count;
        var body = dialect.Body(prefix, creates, updates, deletes);
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var clock = Stopwatch.StartNew();
        using var response = await clients[dialect.Name].PostAsync(
            new Uri(dialect.Route, UriKind.Relative), content, stop);
        var answer = await response.Content.ReadAsByteArrayAsync(stop);
        clock.Stop();
        var status = (int)response.StatusCode;
        if (!response.IsSuccessStatusCode)
        {
            tally.Batch(status, 0, clock.Elapsed);
            tally.Fail($"{dialect.Name} batch answered {status}: {Excerpt(answer)}");
            return;
        }

        IReadOnlyList<string>? created;
        try
        {
            using var document = JsonDocument.Parse(answer);
            created = dialect.CreatedIds(document.RootElement, creates);
        }
        catch (Exception unreadable) when (unreadable is JsonException or KeyNotFoundException
            or InvalidOperationException)
        {
            created = null;
        }

        if (created is null || created.Count != creates)
        {
            tally.Batch(status, 0, clock.Elapsed);
            tally.Fail($"{dialect.Name} batch {status} did not apply every item: {Excerpt(answer)}");
            return;
        }

        tally.Batch(status, ItemsPerBatch, clock.Elapsed);
        owned.RemoveRange(0, deletes.Count + updates.Count);
        owned.AddRange(updates);
        owned.AddRange(created);
    }

    private async Task ReadAsync(CancellationToken stop)
    {
        using var response = await clients["canonical"].GetAsync(
            new Uri(string.Create(CultureInfo.InvariantCulture, $"api/v1/products?limit=100&offset={_round * 7}"),
                UriKind.Relative),
            HttpCompletionOption.ResponseHeadersRead,
            stop);
        await (await response.Content.ReadAsStreamAsync(stop)).CopyToAsync(Stream.Null, stop);
        tally.Read((int)response.StatusCode);
        if (!response.IsSuccessStatusCode)
        {
            tally.Fail($"list page answered {(int)response.StatusCode}");
        }
    }

    private static string Excerpt(byte[] body) => Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 500));
}
