using Catalog.Domain.Wholesale;

namespace Catalog.Domain.Products;

/// <summary>The product aggregate: its own fields, its category links and its variants.</summary>
public sealed class Product : Versioned
{
    private readonly List<Variant> _variants = [];
    private readonly List<ProductCategory> _categories = [];

    private Product()
    {
    }

    public string Handle { get; private set; } = string.Empty;
    public string Title { get; private set; } = string.Empty;
    public string? Subtitle { get; private set; }
    public string? Description { get; private set; }
    public ProductStatus Status { get; private set; }
    public string? Thumbnail { get; private set; }
    public IReadOnlyList<ProductImage> Images { get; private set; } = [];
    public IReadOnlyList<string> Tags { get; private set; } = [];
    public IReadOnlyList<ProductOption> Options { get; private set; } = [];

    /// <summary>A JSON object, kept as text so that any value a client sends comes back unchanged.</summary>
    public string? Metadata { get; private set; }

    /// <summary>A JSON object of objects by dialect name: each system's fields that have no canonical home.</summary>
    public string? Extensions { get; private set; }

    public decimal? Weight { get; private set; }
    public decimal? Length { get; private set; }
    public decimal? Width { get; private set; }
    public decimal? Height { get; private set; }
    public string? ExternalId { get; private set; }

    public IReadOnlyList<Variant> Variants => _variants;
    public IReadOnlyList<ProductCategory> Categories => _categories;

    public ProductDetails Details => new()
    {
        Handle = Handle,
        Title = Title,
        Subtitle = Subtitle,
        Description = Description,
        Status = Status,
        Thumbnail = Thumbnail,
        Images = Images,
        Tags = Tags,
        Options = Options,
        Metadata = Metadata,
        Extensions = Extensions,
        Weight = Weight,
        Length = Length,
        Width = Width,
        Height = Height,
        ExternalId = ExternalId,
    };

    public static Result<Product> Create(long id, ProductDetails details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        if ((OptionsViolation(details.Options) ?? TagsViolation(details.Tags)) is { } violation)
        {
            return violation;
        }

        var product = new Product();
        product.Created(id, now);
        product.SetDetails(details);
        return product;
    }

    public RuleViolation? Update(ProductDetails details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        if ((OptionsViolation(details.Options) ?? TagsViolation(details.Tags)) is { } violation)
        {
            return violation;
        }

        SetDetails(details);
        Touched(now);
        return null;
    }

    /// <summary>
    /// The product's own row after the tag <paramref name="name"/> it carries is renamed to <paramref name="newName"/>
    /// (null: removed), at the next version. A copy, leaving this one as it was: the tag changes of one batch are
    /// separate items, each writing the row from the version the one before it left, so each needs its own picture.
    /// The copy shares this one's variants and category links; only its own columns are meant to be written.
    /// </summary>
    public Product Retagged(string name, string? newName, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(name);
        var copy = (Product)MemberwiseClone();
        IEnumerable<string> tags = Tags.Select(t => t == name ? newName : t).OfType<string>();
        copy.Tags = [.. tags.Distinct(StringComparer.Ordinal)];
        copy.Touched(now);
        return copy;
    }

    /// <summary>Adds a new variant. A product is the only way in, so that its version moves with it.</summary>
    public RuleViolation? AddVariant(Variant variant, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(variant);
        if (variant.ProductId != Id)
        {
            throw new DomainRuleException("A variant belongs to the product it is added to.");
        }

        if (_variants.Count >= ProductConstraints.MaxVariantsPerProduct)
        {
            return new RuleViolation($"A product has at most {ProductConstraints.MaxVariantsPerProduct} variants.");
        }

        if (VariantWithOptions(variant.Options, variant) is { } twin)
        {
            return DuplicateOptions(twin);
        }

        _variants.Add(variant);
        ChildrenChanged(now);
        return null;
    }

    public void RemoveVariant(Variant variant, DateTimeOffset now)
    {
        _variants.Remove(Own(variant));
        ChildrenChanged(now);
    }

    /// <summary>Replaces a variant's fields, unless its new option values are another variant's.</summary>
    public RuleViolation? UpdateVariant(Variant variant, VariantDetails details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        // Only a change of option values is checked, so a product stored with twins before this rule stays editable.
        if (!VariantOptions.Same(Own(variant).Options, details.Options)
            && VariantWithOptions(details.Options, variant) is { } twin)
        {
            return DuplicateOptions(twin);
        }

        variant.Update(details, now);
        ChildrenChanged(now);
        return null;
    }

    /// <summary>Replaces a variant's prices (the removed rows are the ones it had), unless they overlap.</summary>
    public RuleViolation? ReplaceVariantPrices(Variant variant, IEnumerable<VariantPrice> prices, DateTimeOffset now)
    {
        var violation = Own(variant).ReplacePrices([.. prices]);
        if (violation is null)
        {
            VariantChanged(variant, now);
        }

        return violation;
    }

    public Changes<VariantAttributeValue> SetVariantAttributeValues(
        Variant variant, IEnumerable<long> valueIds, DateTimeOffset now)
    {
        var changes = Own(variant).SetAttributeValues(valueIds);
        VariantChanged(variant, now);
        return changes;
    }

    public Result<Changes<object>> SetVariantWholesale(Variant variant, WholesaleTerms terms, DateTimeOffset now)
    {
        var changes = Own(variant).SetWholesale(terms);
        if (changes.Violation is null)
        {
            VariantChanged(variant, now);
        }

        return changes;
    }

    /// <summary>The variant other than <paramref name="except"/> whose option values are these, if any.</summary>
    public Variant? VariantWithOptions(IReadOnlyDictionary<string, string> options, Variant? except = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Count == 0
            ? null
            : _variants.FirstOrDefault(v => v != except && VariantOptions.Same(v.Options, options));
    }

    // Medusa's words, so that its dialect answers as Medusa does (and they read well in any API).
    private static RuleViolation DuplicateOptions(Variant twin) => new(
        $"Variant ({twin.Title}) with provided options already exists.", "options", RuleCodes.DuplicateOptions);

    private Variant Own(Variant variant)
    {
        ArgumentNullException.ThrowIfNull(variant);
        return _variants.Contains(variant)
            ? variant
            : throw new DomainRuleException($"Variant {variant.Id} is not a variant of product {Id}.");
    }

    private void VariantChanged(Variant variant, DateTimeOffset now)
    {
        variant.Touch(now);
        ChildrenChanged(now);
    }

    public Changes<ProductCategory> SetCategories(IEnumerable<long> categoryIds) =>
        Changes<ProductCategory>.Relink(_categories, categoryIds, link => link.CategoryId, id => new(Id, id));

    private void SetDetails(ProductDetails details)
    {
        Handle = Guard.Text(details.Handle, ProductConstraints.MaxHandleLength, "handle");
        Title = Guard.Text(details.Title, ProductConstraints.MaxTitleLength, "title");
        Subtitle = Guard.OptionalText(details.Subtitle, ProductConstraints.MaxSubtitleLength, "subtitle");
        Description = Guard.OptionalText(details.Description, ProductConstraints.MaxDescriptionLength, "description");
        Status = details.Status;
        Thumbnail = Guard.OptionalText(details.Thumbnail, ProductConstraints.MaxUrlLength, "thumbnail");
        Images = [.. details.Images];
        Tags = [.. details.Tags.Distinct(StringComparer.Ordinal)];
        Options = [.. details.Options];
        Metadata = details.Metadata;
        Extensions = Guard.OptionalText(details.Extensions, ExtensionConstraints.MaxLength, "extensions");
        Weight = Guard.NonNegative(details.Weight, "weight");
        Length = Guard.NonNegative(details.Length, "length");
        Width = Guard.NonNegative(details.Width, "width");
        Height = Guard.NonNegative(details.Height, "height");
        ExternalId = Guard.OptionalText(details.ExternalId, ProductConstraints.MaxExternalIdLength, "external_id");
    }

    /// <summary>Too many tags once the names sent and the tags named by id come together, or null.</summary>
    private static RuleViolation? TagsViolation(IReadOnlyList<string> tags) =>
        tags.Distinct(StringComparer.Ordinal).Count() > ProductConstraints.MaxTags
            ? new RuleViolation($"A product has at most {ProductConstraints.MaxTags} tags.", "tags")
            : null;

    /// <summary>What is wrong with options (titles alike but for case, an attribute behind two), or null.</summary>
    private static RuleViolation? OptionsViolation(IReadOnlyList<ProductOption> options)
    {
        if (options.Select(o => o.Title).Distinct(StringComparer.OrdinalIgnoreCase).Count() != options.Count)
        {
            return new RuleViolation("Option titles must be unique within a product.", "options");
        }

        var attributes = options.Select(o => o.AttributeId).OfType<long>().ToList();
        return attributes.Distinct().Count() != attributes.Count
            ? new RuleViolation("A global attribute may back at most one option of a product.", "options")
            : null;
    }
}

public sealed record ProductCategory(long ProductId, long CategoryId);
