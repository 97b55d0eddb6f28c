namespace Catalog.Domain.Common;

/// <summary>Thrown when code tries to put an entity into a state its invariants forbid; validators should have caught it first.</summary>
public sealed class DomainRuleException(string message) : Exception(message);
