using System.Buffers;

namespace Catalog.Api.Common;

/// <summary>
/// A buffer of arrays rented from the shared pool, one after another, for an answer held whole before it is sent. It
/// grows by another array, never by copying into one twice as large: a 1 MB answer took arrays of 128 KB to 2 MB on
/// its way up, each on the large object heap when the pool had none to hand (docs/benchmarks.md, issue 15).
/// </summary>
internal sealed class PooledSegmentWriter : IBufferWriter<byte>, IDisposable
{
    private const int SegmentBytes = 64 * 1024;

    private readonly List<(byte[] Array, int Written)> _full = [];
    private byte[] _current = ArrayPool<byte>.Shared.Rent(SegmentBytes);
    private int _written;

    /// <summary>The bytes written so far.</summary>
    public long Length { get; private set; }

    public void Advance(int count)
    {
        _written += count;
        Length += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _current.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _current.AsSpan(_written);
    }

    /// <summary>Writes what was written to <paramref name="target"/>, in order.</summary>
    public async Task CopyToAsync(Stream target, CancellationToken cancellationToken)
    {
        foreach (var (array, written) in _full)
        {
            await target.WriteAsync(array.AsMemory(0, written), cancellationToken);
        }

        await target.WriteAsync(_current.AsMemory(0, _written), cancellationToken);
    }

    public void Dispose()
    {
        foreach (var (array, _) in _full)
        {
            ArrayPool<byte>.Shared.Return(array);
        }

        _full.Clear();
        ArrayPool<byte>.Shared.Return(_current);
        _current = [];
        _written = 0;
    }

    private void Reserve(int sizeHint)
    {
        if (_current.Length - _written < Math.Max(sizeHint, 1))
        {
            _full.Add((_current, _written));
            _current = ArrayPool<byte>.Shared.Rent(Math.Max(SegmentBytes, sizeHint));
            _written = 0;
        }
    }
}
