using System.Buffers;

namespace Catalog.Api.Common;

/// <summary>A growing buffer of arrays rented from the shared pool, returned when it is disposed.</summary>
internal sealed class PooledBufferWriter : IBufferWriter<byte>, IDisposable
{
    private byte[] _array = ArrayPool<byte>.Shared.Rent(64 * 1024);
    private int _written;

    public ReadOnlyMemory<byte> Written => _array.AsMemory(0, _written);

    public void Advance(int count) => _written += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _array.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _array.AsSpan(_written);
    }

    public void Dispose() => ArrayPool<byte>.Shared.Return(_array);

    private void Reserve(int sizeHint)
    {
        if (_array.Length - _written < Math.Max(sizeHint, 1))
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_array.Length * 2, _written + sizeHint));
            _array.AsSpan(0, _written).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_array);
            _array = larger;
        }
    }
}
