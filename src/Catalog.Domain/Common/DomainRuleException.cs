namespace Catalog.Domain.Common;

/// <summary>
/// Thrown when code tries to put an entity into a state its invariants forbid. The batch engine answers it as the
/// item's VALIDATION_FAILED, at <see cref="Field"/> when the rule knows which field broke it.
/// </summary>
public sealed class DomainRuleException(string message, string? field = null) : Exception(message)
{
    public string? Field { get; } = field;
}
