namespace Catalog.Domain.Common;

internal static class Guard
{
    public static string Text(string? value, int maxLength, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new DomainRuleException($"{name} is required.", name);
        }

        return value.Length > maxLength ? throw new DomainRuleException($"{name} is longer than {maxLength} characters.", name) : value;
    }

    public static string? OptionalText(string? value, int maxLength, string name) =>
        value is not null && value.Length > maxLength
            ? throw new DomainRuleException($"{name} is longer than {maxLength} characters.", name)
            : value;

    public static decimal? NonNegative(decimal? value, string name) =>
        value < 0 ? throw new DomainRuleException($"{name} must not be negative.", name) : value;
}
