namespace Catalog.Api.Idempotency;

/// <summary>
/// A controller whose writes honour <c>Idempotency-Key</c> (see <see cref="IdempotencyMiddleware"/>): every batch route
/// of the canonical API and of every dialect, and the job submissions.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class IdempotentAttribute : Attribute;
