namespace Catalog.Infrastructure.Idempotency;

/// <summary>An idempotency key of an API key, with the answer its first request was given.</summary>
public sealed class IdempotencyRecord
{
    public const int MaxKeyLength = 255;

    public long OwnerKeyId { get; init; }

    public required string Key { get; init; }

    /// <summary>SHA-256 (hex) of the request's method, target and body.</summary>
    public required string Fingerprint { get; init; }

    public int Status { get; init; }

    /// <summary>The answer's headers that a replay repeats, as a JSON array of name/value pairs.</summary>
    public required string Headers { get; init; }

    public required byte[] Body { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the answer stops being replayed, in Unix milliseconds (compared in SQL on every provider).
    /// </summary>
    public long ExpiresAt { get; init; }
}
