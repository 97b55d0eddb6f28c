namespace Catalog.Api.Common;

/// <summary>
/// The body of a read's answer as the serializer writes it: held in pooled memory while it is small, so that a small
/// answer still goes out whole with its <c>Content-Length</c>; once it passes <see cref="Threshold"/> bytes, what is
/// held is sent and the rest streams through as the serializer flushes it, in its buffers of a few kilobytes. So an
/// answer of any length costs at most <see cref="Threshold"/> bytes of memory on its way out.
/// </summary>
internal sealed class BoundedAnswerStream(HttpResponse response, CancellationToken aborted) : Stream
{
    /// <summary>Room for a page of ordinary products (50 take about 100 KB), far less than a large page.</summary>
    public const int Threshold = 256 * 1024;

    private PooledBufferWriter? _held = new();

    /// <summary>Whether the answer has begun to go out: from then on a failure can only cut it off.</summary>
    public bool Streaming => _held is null;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask WriteAsync(
        ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_held is { } held)
        {
            if (held.Written.Length + buffer.Length <= Threshold)
            {
                buffer.Span.CopyTo(held.GetSpan(buffer.Length));
                held.Advance(buffer.Length);
                return;
            }

            _held = null;
            await response.Body.WriteAsync(held.Written, aborted);
            held.Dispose();
        }

        await response.Body.WriteAsync(buffer, aborted);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    // The serializer flushes after each of its buffers; Kestrel's writes already send, so nothing is left to flush.
    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override void Flush()
    {
    }

    /// <summary>Sends what is still held, whole and with its length; a streaming answer has nothing left.</summary>
    public async Task CompleteAsync()
    {
        if (_held is { } held)
        {
            _held = null;
            response.ContentLength = held.Written.Length;
            await response.Body.WriteAsync(held.Written, aborted);
            held.Dispose();
        }
    }

    public override void Write(byte[] buffer, int offset, int count) =>
        throw new NotSupportedException("An answer is written asynchronously.");

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _held?.Dispose();
            _held = null;
        }

        base.Dispose(disposing);
    }
}
