using System.Text.Json;

namespace Catalog.Client.Tests;

/// <summary>
/// What the generated types put on the wire, serialized as the generated clients do (default options plus the
/// types' own attributes).
/// </summary>
public sealed class GeneratedContractTests
{
    [Fact]
    public void ProductUpdate_OnlySubtitleSet_SerializesOnlyTheIdAndSubtitle()
    {
        var update = new ProductUpdate { Id = 7, Subtitle = "Now in linen" };

        var json = JsonSerializer.Serialize(update);

        json.Should().Be("""{"id":7,"subtitle":"Now in linen"}""",
            "a field the caller left unset must be absent, not null, or the API would clear it");
    }
}
