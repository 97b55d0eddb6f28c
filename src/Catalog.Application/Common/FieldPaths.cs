using System.Text;
using System.Text.RegularExpressions;

namespace Catalog.Application.Common;

/// <summary>
/// Turns validator property paths (<c>Variants[0].StockQuantity</c>) into wire paths
/// (<c>variants[0].stock_quantity</c>). A rule on a property that is really called <c>value</c> on the wire names it in
/// lower case (<c>OverridePropertyName("value")</c>), so that it is not taken for the <c>.Value</c> step of an <see
/// cref="Optional{T}"/>.
/// </summary>
public static partial class FieldPaths
{
    public static string ToWire(string propertyPath)
    {
        ArgumentNullException.ThrowIfNull(propertyPath);
        propertyPath = OptionalValue().Replace(propertyPath, string.Empty);
        var builder = new StringBuilder(propertyPath.Length + 8);
        for (var i = 0; i < propertyPath.Length; i++)
        {
            var c = propertyPath[i];
            if (char.IsUpper(c))
            {
                var previous = i > 0 ? propertyPath[i - 1] : '.';
                if (previous is not ('.' or '[' or ']') && !char.IsUpper(previous))
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>The <c>.Value</c> step of an <see cref="Optional{T}"/> field is not part of the wire path.</summary>
    [GeneratedRegex(@"\.Value(?=\.|\[|$)")]
    private static partial Regex OptionalValue();
}
