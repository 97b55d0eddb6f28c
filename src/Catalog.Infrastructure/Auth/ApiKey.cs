using System.Security.Cryptography;

namespace Catalog.Infrastructure.Auth;

/// <summary>
/// An API key as stored: its keyed hash (<see cref="ApiKeyHasher"/>), a short non-secret hint to recognise it by, and
/// the random consumer key WooCommerce clients name it with; never the key in clear. Keys issued since OAuth 1.0a
/// support (ADR 14) also keep the key sealed with ASP.NET Core Data Protection, because a WooCommerce client signs
/// with the secret and the signature can only be checked with it. ADR 18 and ADR 20 say why.
/// </summary>
public sealed class ApiKey
{
    public long Id { get; set; }
    public required string Name { get; set; }

    /// <summary>
    /// <c>cat_</c> and the first 4 characters after it for a generated key (24 of its 256 bits), empty for a key an
    /// operator chose: enough to tell keys apart in a list, too little to help guess one.
    /// </summary>
    public required string Prefix { get; set; }

    /// <summary><see cref="ApiKeyHasher.Marker"/> + the HMAC in base64url; unique, and what a key is found by.
    /// </summary>
    public required string Hash { get; set; }

    /// <summary>The public WooCommerce identifier, <c>ck_</c> + 40 random hex digits.</summary>
    public required string ConsumerKey { get; set; }

    /// <summary>Space-separated scopes, as in OAuth: <c>catalog:read catalog:write</c>.</summary>
    public required string Scopes { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>The key sealed by <see cref="ApiKeySecrets"/>; null for an older key, which cannot sign.</summary>
    public string? SealedKey { get; set; }
}

/// <summary>
/// A Catalog API key expressed as the consumer key and consumer secret that WooCommerce-style clients send:
/// <c>ck_</c> + 160 random bits in hex (a public identifier, drawn when the key is issued, so it reveals nothing of
/// the key) and <c>cs_</c> + the key itself (the secret). The consumer key is looked up as stored, and the secret is
/// checked by hashing it, as the key is; only an OAuth 1.0a signature opens the sealed key (ADR 14). Keys issued
/// before ADR 18 keep the consumer key they had, the first 40 hex digits of their hash, copied to the row by the
/// migration.
/// </summary>
public sealed record ConsumerCredentials(string ConsumerKey, string ConsumerSecret)
{
    public const string KeyPrefix = "ck_";
    public const string SecretPrefix = "cs_";
    public const int IdLength = 40;

    /// <summary>The pair for a stored key and the key in clear (known only when it is issued or configured).</summary>
    public static ConsumerCredentials Of(ApiKey stored, string apiKey)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return new(stored.ConsumerKey, SecretPrefix + apiKey);
    }

    public static string NewConsumerKey() =>
        KeyPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(IdLength / 2));

    /// <summary>
    /// The consumer key as stored (hex in lower case, as it was always compared), or null when it does not have the
    /// shape Catalog issues, so that nothing else reaches the database.
    /// </summary>
    public static string? Normalize(string consumerKey)
    {
        ArgumentNullException.ThrowIfNull(consumerKey);
        var id = consumerKey.StartsWith(KeyPrefix, StringComparison.Ordinal)
            ? consumerKey[KeyPrefix.Length..]
            : string.Empty;
        return id.Length == IdLength && id.All(char.IsAsciiHexDigit) ? KeyPrefix + id.ToLowerInvariant() : null;
    }
}

/// <summary>A key just issued or rotated: the stored row and the key in clear, which is answered once.</summary>
public sealed record IssuedKey(ApiKey Stored, string Key)
{
    public ConsumerCredentials Credentials => ConsumerCredentials.Of(Stored, Key);
}
