using System.Text;
using System.Text.Json;
using Catalog.Api.Common;

namespace Catalog.Api.Tests.Common;

public sealed class JsonPathTrackerTests
{
    [Theory]
    [InlineData("""{"a": 1, "b": 2, "a": 3}""", "a")]
    [InlineData("""{"create": [{"t": 1, "s": 2}, {"t": 1, "u": 2, "t": 3}]}""", "create[1].t")]
    [InlineData("""{"x": {"height": "1", "h\u0065ight": "2"}}""", "x.height")]
    [InlineData("""{"x": {"h\u0065ight": "1", "height": "2"}}""", "x.height")]
    public void Track_NameTwiceInOneObject_NamesIt(string json, string expected) =>
        Repeated(json).Should().Be(expected);

    [Theory]
    [InlineData("""{"a": {"a": 1}, "b": [{"a": 1}, {"a": 2}]}""")]
    [InlineData("""{"create": [{"title": "P", "variants": [{"title": "V", "sku": "s"}]}, {"title": "Q"}]}""")]
    [InlineData("""{"A": 1, "a": 2, "a ": 3}""")]
    public void Track_NamesOncePerObject_FindsNone(string json) =>
        Repeated(json).Should().BeNull();

    [Theory]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(500)]
    public void Track_LargeObjectWithItsFirstNameAgainAtTheEnd_NamesIt(int names)
    {
        var keys = Enumerable.Range(0, names).Select(i => $"\"k{i}\": {i}");
        var json = "{\"meta\": {" + string.Join(", ", keys) + ", \"k0\": 0}}";

        Repeated(json).Should().Be("meta.k0");
        Repeated(json.Replace(", \"k0\": 0}", "}", StringComparison.Ordinal)).Should().BeNull();
    }

    [Fact]
    public void Current_InsideAnArray_IsThePathOfTheToken()
    {
        var json = """{"create": [{"a": 1}, {"variants": [{"sku": "s"}]}]}""";
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        var tracker = new JsonPathTracker();
        var paths = new List<string>();
        while (reader.Read())
        {
            tracker.Track(ref reader);
            if (reader.TokenType == JsonTokenType.String)
            {
                paths.Add(tracker.Current);
            }
        }

        paths.Should().Equal("create[1].variants[0].sku");
    }

    private static string? Repeated(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        var tracker = new JsonPathTracker();
        while (reader.Read())
        {
            tracker.Track(ref reader);
        }

        return tracker.Repeated;
    }
}
