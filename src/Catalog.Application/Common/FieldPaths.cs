using System.Text;
using System.Text.RegularExpressions;

namespace Catalog.Application.Common;

/// <summary>Turns validator property paths (<c>Variants[0].StockQuantity</c>) into wire paths (<c>variants[0].stock_quantity</c>).</summary>
public static partial class FieldPaths
{
    public static string ToWire(string propertyPath)
    {
        ArgumentNullException.ThrowIfNull(propertyPath);
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

        return OptionalValue().Replace(builder.ToString(), string.Empty);
    }

    /// <summary>The <c>.Value</c> step of an <see cref="Optional{T}"/> field is not part of the wire path.</summary>
    [GeneratedRegex(@"\.value(?=\.|\[|$)")]
    private static partial Regex OptionalValue();
}
