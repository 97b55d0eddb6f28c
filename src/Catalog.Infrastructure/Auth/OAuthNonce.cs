namespace Catalog.Infrastructure.Auth;

/// <summary>
/// A nonce an API key has signed an OAuth 1.0a request with, kept while a request with its timestamp could still be
/// accepted. One row per key and nonce (the primary key), so a replay is refused on every instance of the API.
/// </summary>
public sealed class OAuthNonce
{
    public long ApiKeyId { get; set; }

    /// <summary>SHA-256 of the nonce as sent, in hex: a fixed width whatever a client sends.</summary>
    public required string NonceHash { get; set; }

    /// <summary>The request's <c>oauth_timestamp</c> (Unix seconds); pruned once it leaves the window.</summary>
    public long Timestamp { get; set; }
}
