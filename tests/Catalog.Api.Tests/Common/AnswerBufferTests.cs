using Catalog.Api.Common;

namespace Catalog.Api.Tests.Common;

public sealed class AnswerBufferTests
{
    [Fact]
    public async Task WriteToAsync_WritesOfEverySize_SendsTheSameBytesInOrder()
    {
        var random = new Random(15);
        var expected = new MemoryStream();
        using var answer = new AnswerBuffer();

        // Small writes, writes that straddle a segment's end, and one larger than a segment (a long string, say).
        foreach (var size in new[] { 1, 17, AnswerBuffer.SegmentBytes - 20, 100, 3 * AnswerBuffer.SegmentBytes, 5 }
                     .Concat(Enumerable.Range(0, 200).Select(_ => random.Next(1, 4_000))))
        {
            var bytes = new byte[size];
            random.NextBytes(bytes);
            bytes.CopyTo(answer.GetSpan(size));
            answer.Advance(size);
            expected.Write(bytes);
        }

        var sent = new MemoryStream();
        await answer.WriteToAsync(sent, CancellationToken.None);

        answer.Length.Should().Be(expected.Length);
        sent.ToArray().Should().Equal(expected.ToArray());
    }

    [Fact]
    public async Task WriteToAsync_NothingWritten_SendsNothing()
    {
        using var answer = new AnswerBuffer();
        var sent = new MemoryStream();

        await answer.WriteToAsync(sent, CancellationToken.None);

        answer.Length.Should().Be(0);
        sent.Length.Should().Be(0);
    }
}
