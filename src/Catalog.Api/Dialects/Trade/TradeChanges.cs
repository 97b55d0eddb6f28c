using System.Text.Json;
using Catalog.Application.Common;
using Catalog.Domain.Products;

namespace Catalog.Api.Dialects.Trade;

/// <summary>
/// One trade update with its pricing fields flat (sent flat or under <c>pricing</c>), and what is wrong with it on its
/// own, in the trade API's field names; <see cref="TradeTranslation"/> checks what needs the stored product.
/// </summary>
internal sealed record TradeChanges(long Id, TradeProductUpdate Fields, IReadOnlyList<string> Problems)
{
    public static readonly IReadOnlyList<string> PricingTypes = ["NONE", "FIXED", "RANGE"];

    private const int IntegerDigits = VariantConstraints.AmountPrecision - VariantConstraints.AmountScale;
    private static readonly decimal IntegerLimit = (decimal)Math.Pow(10, IntegerDigits);

    public bool ChangesPricing => Fields.PricingType.HasValue || Fields.Price.HasValue || Fields.MaxPrice.HasValue;

    public static TradeChanges From(TradeProductUpdate update)
    {
        var id = update.Id
            ?? throw new ArgumentException("An update without an id is refused before translation.", nameof(update));
        var problems = new List<string>();
        var pricing = update.Pricing.HasValue ? update.Pricing.Value : null;
        if (update.Pricing.HasValue && pricing is null)
        {
            problems.Add("pricing must be an object.");
        }

        var flat = update with
        {
            PricingType = Merge(update.PricingType, pricing?.PricingType ?? default, "pricingType", problems),
            Price = Merge(update.Price, pricing?.Price ?? default, "price", problems),
            MaxPrice = Merge(update.MaxPrice, pricing?.MaxPrice ?? default, "maxPrice", problems),
            IsDisclosePrice = Merge(
                update.IsDisclosePrice, pricing?.IsDisclosePrice ?? default, "isDisclosePrice", problems),
            Pricing = default,
        };
        problems.AddRange(FieldProblems(flat));
        return new TradeChanges(id, flat, problems);
    }

    /// <summary>What is wrong with the fields, in their order.</summary>
    private static IEnumerable<string> FieldProblems(TradeProductUpdate fields)
    {
        const int MaxName = ProductConstraints.MaxTitleLength;
        const int MaxDescription = ProductConstraints.MaxDescriptionLength;
        var name = fields.Name.Or(null);
        (bool Broken, string Problem)[] first =
        [
            (fields.Name.HasValue && string.IsNullOrWhiteSpace(name), "name must not be empty."),
            (!string.IsNullOrWhiteSpace(name) && name.Length > MaxName, $"name must be at most {MaxName} characters."),
            (fields.Description.Value?.Length > MaxDescription,
                $"description must be at most {MaxDescription} characters."),
            (fields.TradeCategoryId.HasValue && fields.TradeCategoryId.Value is not > 0,
                "tradeCategoryId must be the id of a trade category."),
            (fields.PricingType.HasValue && !PricingTypes.Contains(fields.PricingType.Value, StringComparer.Ordinal),
                $"pricingType must be one of {string.Join(", ", PricingTypes)}."),
        ];
        (bool Broken, string Problem)[] last =
        [
            (fields.IsDisclosePrice is { HasValue: true, Value: null }, "isDisclosePrice must be true or false."),
            (fields.IsActive is { HasValue: true, Value: null }, "isActive must be true or false."),
            (fields.Faqs is { HasValue: true, Value: null }, "faqs must be an array (send [] for none)."),
            .. (fields.Faqs.Or(null) ?? []).Select((faq, i) =>
                (faq.ValueKind != JsonValueKind.Object, $"faqs[{i}] must be an object.")),
        ];
        return first.Where(r => r.Broken).Select(r => r.Problem)
            .Concat(AmountProblems(fields.Price, "price"))
            .Concat(AmountProblems(fields.MaxPrice, "maxPrice"))
            .Concat(last.Where(r => r.Broken).Select(r => r.Problem));
    }

    /// <summary>Not negative, and within Catalog's money precision, so that it does not come back rounded.</summary>
    private static IEnumerable<string> AmountProblems(Optional<decimal?> amount, string field)
    {
        if (amount is not { HasValue: true, Value: { } value })
        {
            yield break;
        }

        if (value < 0)
        {
            yield return $"{field} must not be negative.";
        }

        if (value.Scale > VariantConstraints.AmountScale || Math.Abs(decimal.Truncate(value)) >= IntegerLimit)
        {
            yield return $"{field} may have at most {IntegerDigits} digits before the point "
                + $"and {VariantConstraints.AmountScale} after it.";
        }
    }

    /// <summary>A pricing field may come flat or nested; both at once must agree.</summary>
    private static Optional<T> Merge<T>(Optional<T> flat, Optional<T> nested, string field, List<string> problems)
    {
        if (!nested.HasValue)
        {
            return flat;
        }

        if (flat.HasValue && !EqualityComparer<T>.Default.Equals(flat.Value, nested.Value))
        {
            problems.Add($"{field} is sent both flat and under pricing, with different values.");
        }

        return flat.HasValue ? flat : nested;
    }
}
