namespace Catalog.Application.Common.Idempotency;

/// <summary><c>Catalog:Idempotency</c>: how long an idempotency key's answer is kept.</summary>
public sealed class IdempotencyOptions
{
    public const string Section = "Catalog:Idempotency";

    /// <summary>How long a stored answer is replayed; after that the key may be used again. 24 hours unless set.
    /// </summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);
}
