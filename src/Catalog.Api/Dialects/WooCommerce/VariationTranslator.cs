using Catalog.Application.Common.Json;
using Catalog.Domain.Common;

namespace Catalog.Api.Dialects.WooCommerce;

/// <summary>A variable product's WooCommerce variations to canonical items; an update carries its version.</summary>
internal sealed class VariationTranslator(WooCommerceOptions settings, ProductDto parent)
{
    private readonly Dictionary<long, VariantDto> _variants = parent.Variants.ToDictionary(v => v.Id);

    public Translated<VariantCreate> Create(WooVariationInput input)
    {
        if (input.Id is > 0)
        {
            return Translated<VariantCreate>.Failed(WooErrors.Exists(WooErrors.Variation));
        }

        var problems = new TranslationProblems();
        var fields = WooFields.Empty();
        var sku = string.IsNullOrEmpty(input.Sku) ? default(Optional<string?>) : input.Sku;
        var item = Write(new VariantCreate { Sku = sku }, input, null, fields, problems);
        var title = Title(item.Options.HasValue ? item.Options.Value : null);
        return Translated<VariantCreate>.Of(item with { Title = title, Extensions = fields.AsExtensions() }, problems);
    }

    public Translated<VariantUpdate> Update(WooVariationInput input)
    {
        if (input.Id is not { } id || !_variants.TryGetValue(id, out var variant))
        {
            // Unknown (or no) id, or a variation of another product: the engine answers it as not found.
            return Translated<VariantUpdate>.Ok(new VariantUpdate { Id = input.Id });
        }

        var problems = new TranslationProblems();
        var before = WooFields.Of(variant.Extensions);
        var fields = WooFields.Of(variant.Extensions);
        var sku = input.Sku is null ? default(Optional<string?>) : string.IsNullOrEmpty(input.Sku) ? null : input.Sku;
        var update = new VariantUpdate { Id = id, Version = variant.Version, Sku = sku };
        var item = Write(update, input, variant, fields, problems);
        return Translated<VariantUpdate>.Of(
            item with
            {
                Title = item.Options.HasValue ? Title(item.Options.Value) : default(Optional<string?>),
                Extensions = fields.SameAs(before)
                    ? default(Optional<JsonElement?>)
                    : fields.AsPatchOf(variant.Extensions),
            },
            problems);
    }

    private T Write<T>(
        T item, WooVariationInput input, VariantDto? variant, WooFields fields, TranslationProblems problems)
        where T : VariantWrite
    {
        fields.Keep(input.Other, WooFieldNames.VariationReadOnly);
        // Only a value sent is checked: an absent key reads as default(JsonElement), whose kind is Undefined.
        if (input.Other?.TryGetValue("dimensions", out var dimensions) == true
            && dimensions.ValueKind != JsonValueKind.Null
            && !IsDimensions(dimensions))
        {
            // Kept as sent, so it must be what the answer renders: an object of texts or numbers.
            problems.Invalid("dimensions", "dimensions must be an object of length, width and height.");
        }

        WooStock.Check(input.Backorders, input.StockStatus, problems);
        WooStock.Keep(input.Backorders, input.StockStatus, fields);
        WooPriceText.Keep(fields, input.RegularPrice, input.SalePrice);
        Optional<bool?> manage = default;
        switch (input.ManageStock)
        {
            case null:
                break;
            case { ValueKind: JsonValueKind.True or JsonValueKind.False } flag:
                manage = flag.GetBoolean();
                fields.Remove("manage_stock");
                break;
            case { ValueKind: JsonValueKind.String } text when text.GetString() == "parent":
                // The parent manages the stock: the variation itself does not.
                manage = false;
                fields["manage_stock"] = "parent";
                break;
            default:
                problems.Invalid("manage_stock", "manage_stock is not one of true, false and \"parent\".");
                break;
        }

        if (input.MenuOrder is < 0)
        {
            problems.Invalid("menu_order", "menu_order must not be negative: Catalog orders variants from 0 up.");
        }

        var options = Options(input.Attributes, problems);
        var currency = settings.Currency;
        return (T)((VariantWrite)item with
        {
            Prices = WooStock.Prices(variant?.Prices ?? [], input.RegularPrice, input.SalePrice, currency, problems),
            ManageInventory = manage,
            StockQuantity = input.StockQuantity is { } quantity ? quantity : default(Optional<int?>),
            AllowBackorder = input.Backorders is { } backorders ? backorders != "no" : default(Optional<bool?>),
            Options = options,
            Rank = input.MenuOrder is { } order ? order : default(Optional<int?>),
            Metadata = JsonMergePatch.Replacing(
                variant?.Metadata, WooMetaData.Merge(variant?.Metadata, input.MetaData, problems)),
        });
    }

    /// <summary>
    /// The variation's value of each attribute, under the product option it names (by attribute id, or by name
    /// ignoring case). An empty option means "any value", which Catalog expresses by leaving the option out, as
    /// WooCommerce's answers leave it out.
    /// </summary>
    private Optional<IReadOnlyDictionary<string, string>?> Options(
        IReadOnlyList<WooVariationAttributeInput>? sent, TranslationProblems problems)
    {
        if (sent is null)
        {
            return default;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < sent.Count; i++)
        {
            var attribute = sent[i];
            var option = attribute?.Id is { } id and > 0
                ? parent.Options.FirstOrDefault(o => o.AttributeId == id)
                : parent.Options.FirstOrDefault(o => attribute?.Name is { } name
                    && (string.Equals(o.Title, name, StringComparison.OrdinalIgnoreCase)
                        || HandleFormat.FromText(o.Title) == HandleFormat.FromText(name)));
            if (option is null || !option.Variation)
            {
                var named = attribute?.Name ?? attribute?.Id?.ToString(CultureInfo.InvariantCulture);
                problems.Invalid(
                    $"attributes[{i}]", $"Product {parent.Id} has no attribute '{named}' used for variations.");
                continue;
            }

            if (!string.IsNullOrEmpty(attribute!.Option))
            {
                values[option.Title] = attribute.Option;
            }
        }

        return new Optional<IReadOnlyDictionary<string, string>?>(values);
    }

    private static bool IsDimensions(JsonElement dimensions) =>
        dimensions.ValueKind == JsonValueKind.Object
        && dimensions.EnumerateObject()
            .All(d => d.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.Null);

    /// <summary>Named as WooCommerce names variations: the product's name and the variation's values.</summary>
    private string Title(IReadOnlyDictionary<string, string>? values)
    {
        var named = parent.Options.Where(o => values?.ContainsKey(o.Title) == true).Select(o => values![o.Title]);
        return values is { Count: > 0 } ? $"{parent.Title} - {string.Join(", ", named)}" : parent.Title;
    }
}
