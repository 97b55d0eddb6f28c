using System.Buffers;

namespace Catalog.Api.Common;

/// <summary>
/// A whole answer held in pooled segments of <see cref="SegmentBytes"/>, then sent a segment at a time.
/// </summary>
/// <remarks>
/// A 5,000-product answer is about 11 MB. Held in one array that doubled its way up, it left arrays of every power of
/// two up to 16 MB in the shared pool for good, and sent in one write Kestrel copied it whole into its own blocks
/// before the first byte left (docs/benchmarks.md, eighth session). In segments, the pool keeps only what it keeps of
/// any 64 KB array, and each write waits until Kestrel has room, so Kestrel holds a segment or two.
/// </remarks>
internal sealed class AnswerBuffer : IBufferWriter<byte>, IDisposable
{
    /// <summary>Under the large object heap's 85,000 bytes, a size the shared pool keeps a few of.</summary>
    public const int SegmentBytes = 64 * 1024;

    private readonly List<(byte[] Array, int Used)> _full = [];
    private byte[] _current = ArrayPool<byte>.Shared.Rent(SegmentBytes);
    private int _used;

    public long Length { get; private set; }

    public void Advance(int count)
    {
        _used += count;
        Length += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _current.AsMemory(_used);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _current.AsSpan(_used);
    }

    /// <summary>Writes the answer to <paramref name="body"/>, each segment after the last was taken.</summary>
    public async Task WriteToAsync(Stream body, CancellationToken cancellationToken)
    {
        foreach (var (array, used) in _full)
        {
            await body.WriteAsync(array.AsMemory(0, used), cancellationToken);
        }

        await body.WriteAsync(_current.AsMemory(0, _used), cancellationToken);
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
        _used = 0;
    }

    private void Reserve(int sizeHint)
    {
        if (_current.Length - _used >= Math.Max(sizeHint, 1))
        {
            return;
        }

        _full.Add((_current, _used));
        _current = ArrayPool<byte>.Shared.Rent(Math.Max(SegmentBytes, sizeHint));
        _used = 0;
    }
}
