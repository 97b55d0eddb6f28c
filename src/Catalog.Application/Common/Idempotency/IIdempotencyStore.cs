namespace Catalog.Application.Common.Idempotency;

/// <summary>
/// An answer stored under an idempotency key: what the request that used the key first was answered, and a
/// fingerprint of that request (method, target and body), by which a retry is told from another request.
/// </summary>
public sealed record StoredAnswer(
    string Fingerprint, int Status, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body);

/// <summary>Idempotency keys and their stored answers, by the API key that sent them.</summary>
public interface IIdempotencyStore
{
    /// <summary>
    /// Takes <paramref name="key"/> of <paramref name="ownerKeyId"/> for this request until the claim is disposed;
    /// null when another request holds it now.
    /// </summary>
    Task<IIdempotencyClaim?> ClaimAsync(long ownerKeyId, string key, CancellationToken cancellationToken);
}

/// <summary>A key held by one request. Disposing it without <see cref="StoreAsync"/> keeps nothing it held.</summary>
public interface IIdempotencyClaim : IAsyncDisposable
{
    /// <summary>The answer already stored under the key (and not expired), if any.</summary>
    StoredAnswer? Stored { get; }

    /// <summary>
    /// From now on, what the request writes is held uncommitted, to commit with its answer in
    /// <see cref="StoreAsync"/>: a batch is never written without its stored answer, nor stored without its writes.
    /// </summary>
    void HoldWrites();

    /// <summary>Stores the answer and commits it with the request's held writes.</summary>
    Task StoreAsync(StoredAnswer answer, CancellationToken cancellationToken);
}
