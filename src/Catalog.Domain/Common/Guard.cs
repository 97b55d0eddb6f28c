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
