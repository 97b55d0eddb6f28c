using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Catalog.Infrastructure.Auth;

/// <summary>
/// The one place a key becomes the value stored to find it by (ADR 20): an HMAC-SHA256, under a secret kept out of
/// the database (<see cref="ApiKeyHashKey"/>), of the key's SHA-256. A reader of the database alone cannot test a
/// guess against it. HMAC over the SHA-256 rather than over the key lets a row of an earlier release, which stored
/// SHA-256(key) in hex, be upgraded in place without the key.
/// </summary>
public sealed class ApiKeyHasher
{
    /// <summary>
    /// Starts every keyed value (6 + 43 characters, within the column's 64); an earlier release's value is 64 hex
    /// digits, which never hold a colon.
    /// </summary>
    public const string Marker = "hmac1:";

    private const int LegacyLength = 64;

    private readonly byte[] _secret;

    public ApiKeyHasher(ReadOnlySpan<byte> secret, bool createdNow = false)
    {
        if (secret.Length < ApiKeyHashKey.MinBytes)
        {
            throw new ArgumentException($"The secret needs at least {ApiKeyHashKey.MinBytes} bytes.", nameof(secret));
        }

        _secret = secret.ToArray();
        CreatedNow = createdNow;
    }

    /// <summary>The secret was drawn at this start (no setting, no file): no key stored before can match it.</summary>
    public bool CreatedNow { get; }

    public string Hash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Keyed(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    /// <summary>Whether <paramref name="key"/> is stored as <paramref name="stored"/>, in constant time.</summary>
    public bool Matches(string stored, string key)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Hash(key)), Encoding.ASCII.GetBytes(stored));
    }

    /// <summary>
    /// The keyed value of a value an earlier release stored (SHA-256 of the key in hex), or null when
    /// <paramref name="legacy"/> is not one.
    /// </summary>
    public string? Upgrade(string legacy)
    {
        ArgumentNullException.ThrowIfNull(legacy);
        return legacy.Length == LegacyLength && legacy.All(char.IsAsciiHexDigit)
            ? Keyed(Convert.FromHexString(legacy))
            : null;
    }

    /// <summary>A 256-bit key for another use of the secret, independent of the hash and of every other purpose.
    /// </summary>
    internal byte[] Derive(string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, _secret, 32, info: Encoding.UTF8.GetBytes(purpose));

    private string Keyed(ReadOnlySpan<byte> digest) =>
        Marker + Base64Url.EncodeToString(HMACSHA256.HashData(_secret, digest));
}
