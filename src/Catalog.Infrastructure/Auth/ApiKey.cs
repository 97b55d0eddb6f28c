namespace Catalog.Infrastructure.Auth;

/// <summary>
/// An API key as stored: its SHA-256 hash and a short prefix to recognise it by, never the key in clear. Keys issued
/// since OAuth 1.0a support (ADR 14) also keep the key sealed with ASP.NET Core Data Protection, because a WooCommerce
/// client signs with the secret and the signature can only be checked with it.
/// </summary>
public sealed class ApiKey
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public required string Prefix { get; set; }
    public required string Hash { get; set; }

    /// <summary>Space-separated scopes, as in OAuth: <c>catalog:read catalog:write</c>.</summary>
    public required string Scopes { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>The key sealed by <see cref="ApiKeySecrets"/>; null for an older key, which cannot sign.</summary>
    public string? SealedKey { get; set; }
}

/// <summary>
/// A Catalog API key expressed as the consumer key and consumer secret that WooCommerce-style clients send:
/// <c>ck_</c> + the first 40 hex digits of the key's SHA-256 hash (a public identifier: it names the key and reveals
/// nothing of it) and <c>cs_</c> + the key itself (the secret). The consumer key is looked up by the stored hash, and
/// the secret is checked by hashing it, as the key is; only an OAuth 1.0a signature opens the sealed key (ADR 14).
/// </summary>
public sealed record ConsumerCredentials(string ConsumerKey, string ConsumerSecret)
{
    public const string KeyPrefix = "ck_";
    public const string SecretPrefix = "cs_";
    public const int IdLength = 40;

    public static ConsumerCredentials For(string apiKey)
    {
        ArgumentNullException.ThrowIfNull(apiKey);
        return new(KeyPrefix + ApiKeyService.Hash(apiKey)[..IdLength], SecretPrefix + apiKey);
    }

    /// <summary>The hash prefix a consumer key stands for, or null when it is not one Catalog issues.</summary>
    public static string? HashPrefixOf(string consumerKey)
    {
        ArgumentNullException.ThrowIfNull(consumerKey);
        var id = consumerKey.StartsWith(KeyPrefix, StringComparison.Ordinal)
            ? consumerKey[KeyPrefix.Length..]
            : string.Empty;
        return id.Length == IdLength && id.All(char.IsAsciiHexDigit) ? id.ToLowerInvariant() : null;
    }
}
