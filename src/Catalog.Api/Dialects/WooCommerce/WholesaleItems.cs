using System.Text.RegularExpressions;
using Catalog.Application.Products.Commands.BatchProducts;
using Catalog.Application.Variants.Wholesale;

namespace Catalog.Api.Dialects.WooCommerce;

/// <summary>Wholesale Suite's terms around a WooCommerce translation, merged into the canonical item's.</summary>
internal abstract partial class WholesaleItems(string currency, WholesaleNames names)
{
    /// <summary>Where each <c>meta_data</c> entry left to WooCommerce's translation was sent, for its errors.</summary>
    private readonly List<int> _metaPositions = [];

    /// <summary>Translates the item without its terms, then <paramref name="put"/> puts them on the result.</summary>
    protected Translated<T> Translate<TInput, T>(
        TInput input, Func<TInput, Translated<T>> translate, Func<T, Sent, T> put)
        where TInput : class
        where T : class
    {
        var sent = new Sent(new TranslationProblems(), new WholesaleFieldMap());
        var (rest, changes) = Split(input, sent.Problems);
        var translated = translate(rest);
        var item = translated.Item is { } write && !changes.IsEmpty
            ? put(write, sent with { Changes = changes })
            : translated.Item;
        var result = translated.Error is { } woo ? Translated<T>.Failed(Renumbered(woo))
            : sent.Problems.ToError() is { } error ? Translated<T>.Failed(error)
            : Translated<T>.Ok(item!);
        return result with { Fields = sent.Map };
    }

    /// <summary><paramref name="write"/> with the changes merged into the current terms and texts.</summary>
    protected T Put<T>(T write, Sent sent, VariantDto? current, string prefix)
        where T : VariantWrite
    {
        var extensions = current?.Extensions ?? default;
        var texts = WholesaleTexts.Of(extensions);
        var terms = current?.Wholesale ?? new WholesaleDto();
        if (Apply(sent, terms, texts, prefix) is not { } wholesale)
        {
            return write;
        }

        var put = (VariantWrite)write with { Wholesale = wholesale };
        var same = texts.SameAs(WholesaleTexts.Of(extensions));
        return (T)(same ? put : put with { Extensions = texts.Into(write.Extensions, extensions) });
    }

    private (T Others, WholesaleChanges Changes) Split<T>(T input, TranslationProblems problems)
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

    /// <summary>WooCommerce's error about a <c>meta_data</c> entry, naming it where the client sent it.</summary>
    private WooError Renumbered(WooError error)
    {
        if (error.Data.Params is not { } fields
            || !fields.Keys.Any(k => k.StartsWith("meta_data[", StringComparison.Ordinal)))
        {
            return error;
        }

        string AsSent(Match m) =>
            int.TryParse(m.Groups[1].Value, CultureInfo.InvariantCulture, out var at) && at < _metaPositions.Count
                ? $"meta_data[{_metaPositions[at]}]"
                : m.Value;
        return WooErrors.InvalidParams([.. fields.Select(f => (MetaIndex().Replace(f.Key, AsSent), f.Value))]);
    }

    [GeneratedRegex(@"^meta_data\[(\d+)\]")]
    private static partial Regex MetaIndex();

    private Dictionary<string, JsonElement>? WithoutAnswer(Dictionary<string, JsonElement>? other) =>
        names.AnswerOnly is { } answer && other is not null && other.ContainsKey(answer)
            ? other.Where(p => p.Key != answer).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal)
            : other;

    /// <summary>What one item sends, where its values came from, and what is wrong with them.</summary>
    protected sealed record Sent(TranslationProblems Problems, WholesaleFieldMap Map)
    {
        public WholesaleChanges Changes { get; init; } = new();
    }
}

/// <summary>
/// A simple product's terms are its one variant's. A variable product's are written to each of its variations; one
/// without variations has nowhere to keep them, so the item fails naming the field instead of losing them.
/// </summary>
internal sealed class WholesaleProductItems(string currency, WholesaleNames names)
    : WholesaleItems(currency, names)
{
    public Translated<ProductCreate> Create(
        WooProductInput input, Func<WooProductInput, Translated<ProductCreate>> translate) =>
        Translate(input, translate, (item, sent) =>
        {
            if (input.Type is null or WooType.Simple && item.Variants is { HasValue: true, Value: [var variant] })
            {
                return item with { Variants = ProductTranslator.One(Put(variant, sent, null, "variants[0].")) };
            }

            if (input.Type == WooType.Variable)
            {
                NoVariations(sent);
            }

            return item;
        });

    /// <summary>An update of <paramref name="product"/>, the product its id names as stored.</summary>
    public Translated<ProductUpdate> Update(
        WooProductInput input, ProductDto product, Func<WooProductInput, Translated<ProductUpdate>> translate) =>
        Translate(input, translate, (item, sent) => Update(input, item, product, sent));

    private ProductUpdate Update(WooProductInput input, ProductUpdate item, ProductDto product, Sent sent)
    {
        var variants = product.Variants;
        if ((input.Type ?? WooType.Of(product, WooFields.Of(product.Extensions))) == WooType.Variable)
        {
            if (variants.Count == 0)
            {
                NoVariations(sent);
                return item;
            }

            return item with
            {
                Variants = variants.Select((v, k) => Put(Existing(v), sent, v, $"variants[{k}].")).ToList(),
            };
        }

        if (variants.Count > 1 && !item.Variants.HasValue)
        {
            ProductTranslator.NotSimple(product, sent.Problems);
            return item;
        }

        // The variant WooCommerce's translation writes (with an id unless the product had none), else the only one.
        var write = item.Variants is { HasValue: true, Value: [var written] } ? written
            : variants is [var only] ? Existing(only)
            : new ProductVariantWrite { Title = input.Name ?? product.Title };
        var variant = variants.FirstOrDefault(v => v.Id == write.Id);
        return item with { Variants = ProductTranslator.One(Put(write, sent, variant, "variants[0].")) };
    }

    private static ProductVariantWrite Existing(VariantDto variant) =>
        new() { Id = variant.Id };

    private static void NoVariations(Sent sent)
    {
        foreach (var field in sent.Changes.Fields.Distinct())
        {
            sent.Problems.Invalid(
                field,
                "A variable product's wholesale terms are written to each of its variations, and it has none yet: "
                + "send them with its variations (POST /wp-json/wholesale/v1/products/{id}/batch).");
        }
    }
}

/// <summary>Variations of one variable product: each carries its own terms.</summary>
internal sealed class WholesaleVariationItems(string currency, ProductDto parent, WholesaleNames names)
    : WholesaleItems(currency, names)
{
    public Translated<VariantCreate> Create(
        WooVariationInput input, Func<WooVariationInput, Translated<VariantCreate>> translate) =>
        Translate(input, translate, (item, sent) => Put(item, sent, null, string.Empty));

    /// <summary>An update of a variation the product does not have is left for the engine to refuse.</summary>
    public Translated<VariantUpdate> Update(
        WooVariationInput input, Func<WooVariationInput, Translated<VariantUpdate>> translate) =>
        Translate(input, translate, (item, sent) =>
            parent.Variants.FirstOrDefault(v => v.Id == input.Id) is { } current
                ? Put(item, sent, current, string.Empty)
                : item);
}
