using System.Text.RegularExpressions;
using Catalog.Domain.Common;

namespace Catalog.Domain.Tests.Common;

public sealed class HandleFormatTests
{
    [Theory]
    [InlineData("Linen Shirt", "linen-shirt")]
    [InlineData("  Café  Crème ", "cafe-creme")]
    [InlineData("T-Shirt / Blue_XL", "t-shirt-blue-xl")]
    [InlineData("100% Wool!", "100-wool")]
    [InlineData("!!!", "item")]
    public void FromText_AnyText_GivesAValidHandle(string text, string expected)
    {
        var handle = HandleFormat.FromText(text);

        handle.Should().Be(expected);
        Regex.IsMatch(handle, HandleFormat.Pattern).Should().BeTrue();
    }
}
