using System.Collections.Concurrent;

namespace Catalog.Client.Tests;

/// <summary>
/// What a test sent through the SDK, seen from both ends: the client methods it called (by interface and name) and
/// the HTTP requests that reached the wire (by method and path).
/// </summary>
public sealed class SdkCallRecorder
{
    private readonly ConcurrentQueue<string> _methods = new();
    private readonly ConcurrentQueue<(string Method, string Path)> _requests = new();

    /// <summary>Client methods called, as <c>IProductsClient.BatchAsync</c>.</summary>
    public IReadOnlySet<string> Methods => _methods.ToHashSet();

    public IReadOnlyList<(string Method, string Path)> Requests => [.. _requests];

    /// <summary>An HttpClient for the API at <paramref name="baseAddress"/> whose requests are recorded.</summary>
    public HttpClient HttpClient(Uri baseAddress) =>
        new(new RecordingHandler(_requests) { InnerHandler = new HttpClientHandler() }) { BaseAddress = baseAddress };

    /// <summary><paramref name="client"/>, recording the calls made through it.</summary>
    public RecordedClient<TClient> Record<TClient>(TClient client) => new(client, _methods);

    private sealed class RecordingHandler(ConcurrentQueue<(string, string)> requests) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(
            HttpRequestMessage request, CancellationToken cancellationToken)
        {
            requests.Enqueue((request.Method.Method, request.RequestUri!.AbsolutePath));
            return base.SendAsync(request, cancellationToken);
        }
    }
}

/// <summary>A generated client whose calls are recorded by interface and method name.</summary>
public sealed class RecordedClient<TClient>(TClient client, ConcurrentQueue<string> methods)
{
    /// <summary>Records <paramref name="method"/> of <typeparamref name="TClient"/> and calls it.</summary>
    public Task<T> Call<T>(string method, Func<TClient, Task<T>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        methods.Enqueue($"{typeof(TClient).Name}.{method}");
        return call(client);
    }
}
