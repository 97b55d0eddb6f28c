namespace Catalog.Domain.Common;

/// <summary>
/// A rule of the domain that values a client sent would break: why, and the field at fault as a path from the entity
/// (<c>prices</c>, <c>wholesale.visibility[1]</c>), or none when the rule is about the whole entity. Domain methods
/// answer it instead of changing anything; the batch engine reports it as the item's VALIDATION_FAILED.
/// </summary>
public sealed record RuleViolation(string Message, string? Field = null)
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
