using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Catalog.Application.Products;
using Catalog.Application.Products.Commands.BatchProducts;
using Catalog.Application.Variants;
using Catalog.Application.Variants.Wholesale;

namespace Catalog.Api.Dialects.WooCommerce;

/// <summary>One translated item, and where its wholesale values came from (for the engine's errors).</summary>
internal sealed record WholesaleTranslated<T>(Translated<T> Translated, WholesaleFieldMap Fields)
    where T : class;

/// <summary>
/// Wholesale Suite's terms around a WooCommerce translation: read from the item's meta_data keys and (through the
/// Wholesale Suite dialect) its own fields, the rest of the item translated by WooCommerce's translator, the terms
/// then put on the canonical item, merged per role into the terms as they were read.
/// </summary>
internal abstract partial class WholesaleItems(string currency, WholesaleNames names)
{
    protected string Currency => currency;

    protected WholesaleNames Names => names;

    /// <summary>
    /// Where each <c>meta_data</c> entry left to WooCommerce's translation was sent, to name it in its errors.
    /// </summary>
    private readonly List<int> _metaPositions = [];

    /// <summary>The item without what Wholesale Suite takes from it, and the changes it makes.</summary>
    protected (T Others, WholesaleChanges Changes) Split<T>(T input, TranslationProblems problems)
        where T : class
    {
        _metaPositions.Clear();
        var (meta, changes) = input switch
        {
            WooProductInput product => WholesaleMeta.Read(product.MetaData, problems, _metaPositions),
            WooVariationInput variation => WholesaleMeta.Read(variation.MetaData, problems, _metaPositions),
            _ => throw new ArgumentException($"Not a WooCommerce item: {typeof(T).Name}", nameof(input)),
        };
        if (names.ReadFields is { } read)
        {
            changes.Add(read(input, problems));
        }

        object rest = input switch
        {
            WooProductInput product => product with { MetaData = meta, Other = WithoutAnswer(product.Other) },
            WooVariationInput variation => variation with { MetaData = meta, Other = WithoutAnswer(variation.Other) },
            _ => input,
        };
        return ((T)rest, changes);
    }

    /// <summary>
    /// <paramref name="write"/> with the changes merged into the terms of <paramref name="current"/> (none for a new
    /// variant), and the texts the amounts were sent as kept in its extensions when they change.
    /// </summary>
    protected T Put<T>(T write, WholesaleChanges changes, VariantDto? current, string prefix, WholesaleFieldMap map, TranslationProblems problems)
        where T : VariantWrite
    {
        var extensions = current?.Extensions ?? default;
        var texts = WholesaleTexts.Of(extensions);
        if (WholesaleApply.Apply(changes, current?.Wholesale ?? new WholesaleDto(), texts, currency, names, prefix, map, problems) is not { } wholesale)
        {
            return write;
        }

        var put = (VariantWrite)write with { Wholesale = wholesale };
        return (T)(texts.SameAs(WholesaleTexts.Of(extensions)) ? put : put with { Extensions = texts.Into(write.Extensions) });
    }

    protected WholesaleTranslated<T> Finish<T>(Translated<T> translated, T item, TranslationProblems problems, WholesaleFieldMap map)
        where T : class =>
        translated.Error is { } woo ? new(Translated<T>.Failed(Renumbered(woo)), map)
            : problems.ToError() is { } error ? new(Translated<T>.Failed(error), map)
            : new(Translated<T>.Ok(item), map);

    /// <summary>
    /// WooCommerce's error about a <c>meta_data</c> entry, naming it where the client sent it (before Wholesale Suite's
    /// entries were taken out).
    /// </summary>
    private WooError Renumbered(WooError error)
    {
        if (error.Data.Params is not { } fields || !fields.Keys.Any(k => k.StartsWith("meta_data[", StringComparison.Ordinal)))
        {
            return error;
        }

        return WooErrors.InvalidParams([.. fields.Select(f => (MetaIndex().Replace(f.Key, m =>
            int.TryParse(m.Groups[1].Value, CultureInfo.InvariantCulture, out var at) && at < _metaPositions.Count
                ? $"meta_data[{_metaPositions[at]}]"
                : m.Value), f.Value))]);
    }

    [GeneratedRegex(@"^meta_data\[(\d+)\]")]
    private static partial Regex MetaIndex();

    private Dictionary<string, JsonElement>? WithoutAnswer(Dictionary<string, JsonElement>? other) =>
        names.AnswerOnly is { } answer && other is not null && other.ContainsKey(answer)
            ? other.Where(p => p.Key != answer).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal)
            : other;
}

/// <summary>
/// Products: a simple product's terms are its one variant's. A variable product's product-level terms are written to
/// each of the variations it has, as if sent to each; a variable product without variations (one being created, say)
/// has nowhere to keep them, so the item fails naming the field instead of losing them.
/// </summary>
internal sealed class WholesaleProductItems(string currency, IReadOnlyDictionary<long, ProductDto> current, WholesaleNames names) : WholesaleItems(currency, names)
{
    public WholesaleTranslated<ProductCreate> Create(WooProductInput input, Func<WooProductInput, Translated<ProductCreate>> translate)
    {
        var problems = new TranslationProblems();
        var (rest, changes) = Split(input, problems);
        var translated = translate(rest);
        var map = new WholesaleFieldMap();
        if (translated.Item is not { } item)
        {
            return Finish(translated, translated.Item!, problems, map);
        }

        if (!changes.IsEmpty)
        {
            if ((input.Type ?? WooType.Simple) == WooType.Simple && item.Variants is { HasValue: true, Value: [var variant] })
            {
                item = item with { Variants = new List<ProductVariantWrite> { Put(variant, changes, null, "variants[0].", map, problems) } };
            }
            else if (input.Type == WooType.Variable)
            {
                NoVariations(changes, problems);
            }
        }

        return Finish(translated, item, problems, map);
    }

    public WholesaleTranslated<ProductUpdate> Update(WooProductInput input, Func<WooProductInput, Translated<ProductUpdate>> translate)
    {
        var problems = new TranslationProblems();
        var (rest, changes) = Split(input, problems);
        var translated = translate(rest);
        var map = new WholesaleFieldMap();
        if (translated.Item is not { } item || changes.IsEmpty || input.Id is not { } id || !current.TryGetValue(id, out var product))
        {
            return Finish(translated, translated.Item!, problems, map);
        }

        var type = input.Type ?? WooType.Of(product, WooFields.Of(product.Extensions));
        if (type == WooType.Variable)
        {
            if (product.Variants.Count == 0)
            {
                NoVariations(changes, problems);
                return Finish(translated, item, problems, map);
            }

            var variants = product.Variants.Select((v, k) => Put(new ProductVariantWrite { Id = v.Id, Version = v.Version }, changes, v, $"variants[{k}].", map, problems)).ToList();
            return Finish(translated, item with { Variants = variants }, problems, map);
        }

        if (product.Variants.Count > 1 && !item.Variants.HasValue)
        {
            problems.Invalid("type", $"Product {product.Id} has {product.Variants.Count} variations, so it cannot be a simple product.");
            return Finish(translated, item, problems, map);
        }

        // The variant WooCommerce's translation writes (it has an id unless the product had none), else the product's one.
        var write = item.Variants is { HasValue: true, Value: [var sent] } ? sent
            : product.Variants is [var only] ? new ProductVariantWrite { Id = only.Id, Version = only.Version }
            : new ProductVariantWrite { Title = input.Name ?? product.Title };
        var variant = product.Variants.FirstOrDefault(v => v.Id == write.Id);
        item = item with { Variants = new List<ProductVariantWrite> { Put(write, changes, variant, "variants[0].", map, problems) } };
        return Finish(translated, item, problems, map);
    }

    private static void NoVariations(WholesaleChanges changes, TranslationProblems problems)
    {
        foreach (var field in changes.Fields.Distinct())
        {
            problems.Invalid(field, "A variable product's wholesale terms are written to each of its variations, and it has none yet: send them with its variations (POST /wp-json/wholesale/v1/products/{id}/batch).");
        }
    }
}

/// <summary>Variations of one variable product: each carries its own terms.</summary>
internal sealed class WholesaleVariationItems(string currency, ProductDto parent, WholesaleNames names) : WholesaleItems(currency, names)
{
    public WholesaleTranslated<VariantCreate> Create(WooVariationInput input, Func<WooVariationInput, Translated<VariantCreate>> translate) =>
        Translate(input, translate, isNew: true);

    public WholesaleTranslated<VariantUpdate> Update(WooVariationInput input, Func<WooVariationInput, Translated<VariantUpdate>> translate) =>
        Translate(input, translate, isNew: false);

    private WholesaleTranslated<T> Translate<T>(WooVariationInput input, Func<WooVariationInput, Translated<T>> translate, bool isNew)
        where T : VariantWrite
    {
        var problems = new TranslationProblems();
        var (rest, changes) = Split(input, problems);
        var translated = translate(rest);
        var map = new WholesaleFieldMap();
        if (translated.Item is not { } item)
        {
            return Finish(translated, translated.Item!, problems, map);
        }

        // An update of a variation this product does not have is left as it is: the engine answers it as not found.
        var current = isNew ? null : parent.Variants.FirstOrDefault(v => v.Id == input.Id);
        if (isNew || current is not null)
        {
            item = Put(item, changes, current, string.Empty, map, problems);
        }

        return Finish(translated, item, problems, map);
    }
}
