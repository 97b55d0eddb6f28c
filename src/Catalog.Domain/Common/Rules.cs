namespace Catalog.Domain.Common;

/// <summary>
/// Thrown when code tries to put an entity into a state its invariants forbid with values that validation should
/// already have refused: a bug, not a client's mistake (those are answered as <see cref="RuleViolation"/>s).
/// </summary>
public sealed class DomainRuleException(string message, string? field = null) : Exception(message)
{
    public string? Field { get; } = field;
}

internal static class Guard
{
    public static string Text(string? value, int maxLength, string name) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new DomainRuleException($"{name} is required.", name)
            : OptionalText(value, maxLength, name)!;

    public static string? OptionalText(string? value, int maxLength, string name) =>
        value is not null && value.Length > maxLength
            ? throw new DomainRuleException($"{name} is longer than {maxLength} characters.", name)
            : value;

    public static decimal? NonNegative(decimal? value, string name) =>
        value < 0 ? throw new DomainRuleException($"{name} must not be negative.", name) : value;
}

/// <summary>
/// A rule of the domain that values a client sent would break: why, and the field at fault as a path from the entity
/// (<c>prices</c>, <c>wholesale.visibility[1]</c>), or none when the rule is about the whole entity. Domain methods
/// answer it instead of changing anything; the batch engine reports it as the item's VALIDATION_FAILED, or as the
/// <paramref name="Code"/> of a rule clients tell apart (<see cref="RuleCodes"/>).
/// </summary>
public sealed record RuleViolation(string Message, string? Field = null, string? Code = null)
{
    /// <summary>The violation seen from a parent: <c>prices</c> under <c>variants[2].</c>.</summary>
    public RuleViolation Under(string prefix) => this with { Field = Field is null ? null : prefix + Field };
}

/// <summary>What a domain method a client can make refuse answers: its value, or the rule broken.</summary>
public readonly record struct Result<T>(T Value, RuleViolation? Violation)
{
    public static implicit operator Result<T>(T value) => new(value, null);

    public static implicit operator Result<T>(RuleViolation violation) => new(default!, violation);
}

/// <summary>The stable codes of the domain rules that clients tell apart from a plain VALIDATION_FAILED.</summary>
public static class RuleCodes
{
    /// <summary>Two variants of one product with the same option values.</summary>
    public const string DuplicateOptions = "DUPLICATE_OPTIONS";
}
