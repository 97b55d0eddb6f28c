using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Catalog.Benchmarks.Data;

namespace Catalog.Benchmarks.Jobs;

/// <summary>
/// <c>{"create": [...]}</c> with <paramref name="count"/> products, written into the request stream as it is sent
/// (chunked transfer encoding), a few dozen kilobytes at a time: the client never holds the body, so a 100,000-item
/// job costs this process no more memory than a small one.
/// </summary>
internal sealed class StreamedCreates : HttpContent
{
    private const int FlushBytes = 64 * 1024;
    private readonly int _count;
    private readonly string _prefix;

    public StreamedCreates(int count, string prefix)
    {
        _count = count;
        _prefix = prefix;
        Headers.ContentType = new MediaTypeHeaderValue("application/json");
    }

    /// <summary>Bytes written so far (the whole body once sent).</summary>
    public long Length { get; private set; }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(
        Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await using var json = new Utf8JsonWriter(stream);
        json.WriteStartObject();
        json.WriteStartArray("create");
        for (var i = 0; i < _count; i++)
        {
            BatchPayloads.WriteCreate(json, new ProductSpec(i, _prefix));
            if (json.BytesPending >= FlushBytes)
            {
                await json.FlushAsync(cancellationToken);
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
        Length = json.BytesCommitted;
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
