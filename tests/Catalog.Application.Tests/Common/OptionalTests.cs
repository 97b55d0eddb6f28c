using System.Text.Json;
using Catalog.Application.Common;

namespace Catalog.Application.Tests.Common;

public sealed class OptionalTests
{
    private sealed record Patch
    {
        public Optional<string?> Title { get; init; }
        public Optional<int?> Stock { get; init; }
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public void Deserialize_AbsentField_HasNoValue()
    {
        var patch = JsonSerializer.Deserialize<Patch>("""{"stock": 3}""", Json)!;

        patch.Title.HasValue.Should().BeFalse();
        patch.Stock.HasValue.Should().BeTrue();
        patch.Stock.Value.Should().Be(3);
    }

    [Fact]
    public void Deserialize_ExplicitNull_HasValueNull()
    {
        var patch = JsonSerializer.Deserialize<Patch>("""{"title": null}""", Json)!;

        patch.Title.HasValue.Should().BeTrue();
        patch.Title.Value.Should().BeNull();
    }

    [Fact]
    public void Or_AbsentField_KeepsTheFallback()
    {
        default(Optional<string?>).Or("kept").Should().Be("kept");
        new Optional<string?>(null).Or("kept").Should().BeNull();
    }
}
