using System.Linq.Expressions;
using FluentValidation.Results;

namespace Catalog.Application.Common.Validation;

/// <summary>
/// A validator with rules for <see cref="Optional{T}"/> fields: a rule applies only when the field was sent.
/// </summary>
/// <remarks>
/// The "was it sent" test is each rule's own condition (checked once, before any of its checks), not a <c>When(...)</c>
/// block: FluentValidation remembers a block's answer per validated object in a dictionary, so every rule hashed the
/// whole item (a record hashes all its fields, variants and prices included). That hashing was a third of a
/// 1000-item batch's validation time.
/// </remarks>
public abstract class CatalogValidator<T> : AbstractValidator<T>
{
    /// <summary>The field must be sent (as a create needs its name); a failure carries its own name.</summary>
    protected IRuleBuilderOptions<T, bool> Required<TProperty>(Expression<Func<T, Optional<TProperty>>> field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var get = field.Compile();
        var name = ((MemberExpression)field.Body).Member.Name;
        return RuleFor(x => get(x).HasValue).Equal(true).OverridePropertyName(name)
            .WithMessage($"{FieldPaths.ToWire(name)} is required.");
    }

    /// <summary>When sent, the text must not be empty nor longer than <paramref name="maxLength"/>.</summary>
    protected void NonEmptyText(Expression<Func<T, Optional<string?>>> field, int maxLength)
    {
        var name = FieldPaths.ToWire(((MemberExpression)field.Body).Member.Name);
        WhenPresent(field, r => r.NotEmpty().WithMessage($"{name} must not be empty.").MaximumLength(maxLength));
    }

    /// <summary>When sent, a handle (a slug): not empty, lower-case letters, digits and single dashes.</summary>
    protected void HandleText(Expression<Func<T, Optional<string?>>> field, int maxLength)
    {
        var name = FieldPaths.ToWire(((MemberExpression)field.Body).Member.Name);
        WhenPresent(field, r => r.NotEmpty().MaximumLength(maxLength).Matches(HandleFormat.Pattern)
            .WithMessage($"{name} may contain only lower-case letters, digits and single dashes."));
    }

    protected void WhenPresent<TProperty>(
        Expression<Func<T, Optional<TProperty>>> field,
        Action<IRuleBuilderInitial<T, TProperty>> rules)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(rules);
        var get = field.Compile();
        var rule = RuleFor(ValueOf(field));
        rules(rule);
        rule.Configure(r => r.ApplySharedCondition(context => get(context.InstanceToValidate).HasValue));
    }

    protected void EachWhenPresent<TElement>(
        Expression<Func<T, Optional<IReadOnlyList<TElement>?>>> field,
        Action<IRuleBuilderInitialCollection<T, TElement>> rules)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(rules);
        var get = field.Compile();
        var rule = RuleForEach(ElementsOf(field));
        rules(rule);
        rule.Configure(r => r.ApplySharedCondition(c => get(c.InstanceToValidate) is { HasValue: true, Value: { } }));
    }

    /// <summary>
    /// When the list is sent, each of its items must be there and pass <paramref name="itemValidator"/>; an item's
    /// failures are reported under its path (<c>Variants[1].Prices[0].Amount</c>), as FluentValidation's nested
    /// validation reports them.
    /// </summary>
    /// <remarks>
    /// Each item is validated as an object of its own and its failures are moved under its path here.
    /// FluentValidation's nested collection validation (<c>RuleForEach(...).SetValidator(...)</c>) builds a child
    /// context and a property path for every rule of every item, which cost about as much again as the items' own rules
    /// (measured in docs/benchmarks.md).
    /// </remarks>
    protected void EachWhenPresent<TElement>(
        Expression<Func<T, Optional<IReadOnlyList<TElement>?>>> field,
        IValidator<TElement> itemValidator)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(itemValidator);
        RuleFor(ValueOf(field)).Custom((items, context) =>
        {
            if (items is null)
            {
                return;
            }

            for (var i = 0; i < items.Count; i++)
            {
                var itemPath = $"{context.PropertyPath}[{i}]";
                if (items[i] is not { } item)
                {
                    context.AddFailure(new ValidationFailure(itemPath, "A list item must not be null."));
                    continue;
                }

                foreach (var failure in itemValidator.Validate(item).Errors)
                {
                    failure.PropertyName = $"{itemPath}.{failure.PropertyName}";
                    context.AddFailure(failure);
                }
            }
        });
    }

    /// <summary><c>x => x.Title</c> becomes <c>x => x.Title.Value</c>: failures carry the field's name.</summary>
    private static Expression<Func<T, TProperty>> ValueOf<TProperty>(Expression<Func<T, Optional<TProperty>>> field) =>
        Expression.Lambda<Func<T, TProperty>>(Expression.Property(field.Body, "Value"), field.Parameters);

    private static Expression<Func<T, IEnumerable<TElement>>> ElementsOf<TElement>(
        Expression<Func<T, Optional<IReadOnlyList<TElement>?>>> field) =>
        Expression.Lambda<Func<T, IEnumerable<TElement>>>(Expression.Property(field.Body, "Value"), field.Parameters);

    /// <summary>
    /// Every string of the item, nested ones included, is text by <see cref="TextRule"/>. Called by the validators of
    /// a batch's items, not by those of their parts, so that each string is checked once.
    /// </summary>
    protected void TextRule() =>
        RuleFor(x => x).Custom((item, context) =>
        {
            foreach (var (path, message) in Validation.TextRule.Problems(item!))
            {
                context.AddFailure(new ValidationFailure(path, $"{FieldPaths.ToWire(path)} {message}"));
            }
        });

    /// <summary><c>metadata</c>: a JSON object (or null) within the limits of <see cref="FreeJson"/>.</summary>
    protected void MetadataRule(Expression<Func<T, Optional<JsonElement?>>> field, JsonLimits limits) =>
        WhenPresent(field, r => r
            .Must(e => e is null || e.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Null)
            .WithMessage("metadata must be a JSON object.")
            .Must(e => e is null || FreeJson.Problem(e.Value, limits) is null)
            .WithMessage((_, e) => $"metadata {FreeJson.Problem(e!.Value, limits)}"));

    /// <summary>
    /// <c>extensions</c>: an object of objects (or nulls, which remove a key) under dialect names, within the size
    /// limit and the limits of free JSON.
    /// </summary>
    protected void ExtensionsRule(Expression<Func<T, Optional<JsonElement?>>> field, JsonLimits limits) =>
        WhenPresent(field, r => r.Must(e => ExtensionsProblem(e, limits) is null)
            .WithMessage((_, e) => ExtensionsProblem(e, limits)));

    // One pass for a valid value (nearly all of them); the message is worked out again only for a failure.
    private static string? ExtensionsProblem(JsonElement? extensions, JsonLimits limits) =>
        ExtensionsJson.Problems(extensions).Select(p => p.Message).FirstOrDefault()
        ?? (extensions is { } value && FreeJson.Problem(value, limits) is { } problem ? $"extensions {problem}" : null);
}

public static class DecimalRules
{
    /// <summary>An amount of money the database column holds exactly.</summary>
    public static IRuleBuilderOptions<T, decimal?> IsAmount<T>(this IRuleBuilder<T, decimal?> rule) =>
        rule.PrecisionScale(VariantConstraints.AmountPrecision, VariantConstraints.AmountScale, true);

    /// <summary>A dimension that is not negative and that the database column holds exactly.</summary>
    public static IRuleBuilderOptions<T, decimal?> IsDimension<T>(this IRuleBuilder<T, decimal?> rule) =>
        rule.GreaterThanOrEqualTo(0)
            .PrecisionScale(ProductConstraints.DimensionPrecision, ProductConstraints.DimensionScale, true);
}
