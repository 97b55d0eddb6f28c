using System.Text.Json;
using Catalog.Application.Common;
using Catalog.Domain.Products;

namespace Catalog.Api.Dialects.Trade;

/// <summary>
/// One trade update with its pricing fields in one place (sent flat or under <c>pricing</c>), and what is wrong with it
/// on its own. Rules that need the stored product (a RANGE price's order) are checked by <see cref="TradeTranslation"/>.
/// </summary>
internal sealed record TradeChanges
{
    public static readonly IReadOnlyList<string> PricingTypes = ["NONE", "FIXED", "RANGE"];

    private static readonly decimal IntegerLimit = (decimal)Math.Pow(10, VariantConstraints.AmountPrecision - VariantConstraints.AmountScale);

    public required long Id { get; init; }
    public Optional<string?> Name { get; init; }
    public Optional<string?> Description { get; init; }
    public Optional<long?> TradeCategoryId { get; init; }
    public Optional<string?> PricingType { get; init; }
    public Optional<decimal?> Price { get; init; }
    public Optional<decimal?> MaxPrice { get; init; }
    public Optional<bool?> IsDisclosePrice { get; init; }
    public Optional<IReadOnlyList<JsonElement>?> Faqs { get; init; }
    public Optional<bool?> IsActive { get; init; }

    /// <summary>Why the item cannot be applied, in the trade API's field names; empty when it can.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    public bool ChangesPricing => PricingType.HasValue || Price.HasValue || MaxPrice.HasValue;

    public static TradeChanges From(TradeProductUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var problems = new List<string>();
        var pricing = update.Pricing.HasValue ? update.Pricing.Value : null;
        if (update.Pricing.HasValue && pricing is null)
        {
            problems.Add("pricing must be an object.");
        }

        var changes = new TradeChanges
        {
            Id = update.Id ?? throw new ArgumentException("An update without an id is refused before translation.", nameof(update)),
            Name = update.Name,
            Description = update.Description,
            TradeCategoryId = update.TradeCategoryId,
            PricingType = Merge(update.PricingType, pricing?.PricingType ?? default, "pricingType", problems),
            Price = Merge(update.Price, pricing?.Price ?? default, "price", problems),
            MaxPrice = Merge(update.MaxPrice, pricing?.MaxPrice ?? default, "maxPrice", problems),
            IsDisclosePrice = Merge(update.IsDisclosePrice, pricing?.IsDisclosePrice ?? default, "isDisclosePrice", problems),
            Faqs = update.Faqs,
            IsActive = update.IsActive,
        };
        problems.AddRange(changes.FieldProblems());
        return changes with { Problems = problems };
    }

    private IEnumerable<string> FieldProblems()
    {
        if (Name.HasValue && string.IsNullOrWhiteSpace(Name.Value))
        {
            yield return "name must not be empty.";
        }
        else if (Name.HasValue && Name.Value!.Length > ProductConstraints.MaxTitleLength)
        {
            yield return $"name must be at most {ProductConstraints.MaxTitleLength} characters.";
        }

        if (Description.HasValue && Description.Value?.Length > ProductConstraints.MaxDescriptionLength)
        {
            yield return $"description must be at most {ProductConstraints.MaxDescriptionLength} characters.";
        }

        if (TradeCategoryId.HasValue && TradeCategoryId.Value is not > 0)
        {
            yield return "tradeCategoryId must be the id of a trade category.";
        }

        if (PricingType.HasValue && !PricingTypes.Contains(PricingType.Value, StringComparer.Ordinal))
        {
            yield return $"pricingType must be one of {string.Join(", ", PricingTypes)}.";
        }

        foreach (var problem in AmountProblems(Price, "price").Concat(AmountProblems(MaxPrice, "maxPrice")))
        {
            yield return problem;
        }

        if (IsDisclosePrice.HasValue && IsDisclosePrice.Value is null)
        {
            yield return "isDisclosePrice must be true or false.";
        }

        if (IsActive.HasValue && IsActive.Value is null)
        {
            yield return "isActive must be true or false.";
        }

        if (Faqs.HasValue && Faqs.Value is null)
        {
            yield return "faqs must be an array (send [] for none).";
        }

        var faqs = Faqs.HasValue ? Faqs.Value ?? [] : [];
        for (var i = 0; i < faqs.Count; i++)
        {
            if (faqs[i].ValueKind != JsonValueKind.Object)
            {
                yield return $"faqs[{i}] must be an object.";
            }
        }
    }

    /// <summary>
    /// Not negative, and within Catalog's money precision as sent: a number a decimal cannot hold exactly would
    /// otherwise come back rounded.
    /// </summary>
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

        const int IntegerDigits = VariantConstraints.AmountPrecision - VariantConstraints.AmountScale;
        if (value.Scale > VariantConstraints.AmountScale || Math.Abs(decimal.Truncate(value)) >= IntegerLimit)
        {
            yield return $"{field} may have at most {IntegerDigits} digits before the point and {VariantConstraints.AmountScale} after it.";
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
