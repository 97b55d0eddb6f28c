using System.Text.Json;
using System.Text.Json.Nodes;
using Catalog.Application.Common;
using Catalog.Application.Common.Json;

namespace Catalog.Application.Tests.Common.Json;

public sealed class JsonMergePatchTests
{
    /// <summary>RFC 7396, appendix A, where target and result are objects (metadata always is one).</summary>
    [Theory]
    [InlineData("""{"a":"b"}""", """{"a":"c"}""", """{"a":"c"}""")]
    [InlineData("""{"a":"b"}""", """{"b":"c"}""", """{"a":"b","b":"c"}""")]
    [InlineData("""{"a":"b","b":"c"}""", """{"a":null}""", """{"b":"c"}""")]
    [InlineData("""{"a":["b"]}""", """{"a":"c"}""", """{"a":"c"}""")]
    [InlineData("""{"a":"c"}""", """{"a":["b"]}""", """{"a":["b"]}""")]
    [InlineData("""{"a":{"b":"c"}}""", """{"a":{"b":"d","c":null}}""", """{"a":{"b":"d"}}""")]
    [InlineData("""{"a":[{"b":"c"}]}""", """{"a":[1]}""", """{"a":[1]}""")]
    [InlineData("""{"e":null}""", """{"a":1}""", """{"e":null,"a":1}""")]
    [InlineData("""{"a":"foo"}""", """{"a":{"bb":{"ccc":null}}}""", """{"a":{"bb":{}}}""")]
    public void Apply_RfcExamples_GiveTheRfcResults(string target, string patch, string expected)
    {
        var result = JsonMergePatch.Apply(target, JsonDocument.Parse(patch).RootElement);

        JsonNode.DeepEquals(JsonNode.Parse(result!), JsonNode.Parse(expected)).Should().BeTrue(result);
    }

    [Fact]
    public void Apply_EveryKeyRemoved_LeavesAnEmptyObjectAndNumbersKeepTheirText()
    {
        JsonMergePatch.Apply("""{"a":1}""", JsonDocument.Parse("""{"a":null}""").RootElement).Should().Be("{}");
        JsonMergePatch.Apply(null, JsonDocument.Parse("""{"price":1.50}""").RootElement)
            .Should().Be("""{"price":1.50}""");
    }

    [Theory]
    [InlineData("""{"a":1,"b":{"x":1,"y":2},"c":[1]}""", """{"b":{"x":1,"z":3},"c":[2],"d":null}""")]
    [InlineData("""{"a":1}""", """{}""")]
    [InlineData("""{"a":{"b":1}}""", """{"a":"flat"}""")]
    public void Replacing_ThePatchItSends_TurnsTheStoredValueIntoTheWantedOne(string stored, string wanted)
    {
        var patch = JsonMergePatch.Replacing(
            JsonDocument.Parse(stored).RootElement, new Optional<JsonElement?>(JsonDocument.Parse(wanted).RootElement));

        var result = JsonMergePatch.Apply(stored, patch.Value!.Value) ?? "{}";

        // A null the wanted value holds cannot be sent in a merge patch: it reads as a removal.
        var expected = JsonNode.Parse(wanted)!.AsObject();
        foreach (var key in expected.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            expected.Remove(key);
        }

        JsonNode.DeepEquals(JsonNode.Parse(result), expected).Should().BeTrue(result);
    }
}
