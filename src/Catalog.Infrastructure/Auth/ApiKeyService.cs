using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Catalog.Infrastructure.Persistence;

namespace Catalog.Infrastructure.Auth;

public static class Scopes
{
    public const string Read = "catalog:read";
    public const string Write = "catalog:write";
    public const string All = Read + " " + Write;
}

/// <summary>
/// Issues and checks API keys. Keys are 256-bit random strings, so a plain SHA-256 of the key is enough to check them
/// by (no salt or slow hash is needed against guessing); the key itself is shown once, when it is made, and kept only
/// sealed (<see cref="ApiKeySecrets"/>), for OAuth 1.0a signatures.
/// </summary>
public sealed class ApiKeyService(CatalogDbContext db, TimeProvider clock, ApiKeySecrets secrets)
{
    private const string KeyPrefix = "cat_";

    public static string Hash(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static string NewKey() =>
        KeyPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>Stores a key with the given scopes and answers the key in clear text, which is kept nowhere.</summary>
    public async Task<string> CreateAsync(
        string name, string scopes, CancellationToken cancellationToken, string? key = null)
    {
        key ??= NewKey();
        db.ApiKeys.Add(new ApiKey
        {
            Name = name,
            Prefix = key[..Math.Min(12, key.Length)],
            Hash = Hash(key),
            Scopes = scopes,
            CreatedAt = clock.GetUtcNow(),
            SealedKey = secrets.Seal(key),
        });
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return key;
    }

    public Task<ApiKey?> FindActiveAsync(string key, CancellationToken cancellationToken)
    {
        var hash = Hash(key);
        return db.ApiKeys.AsNoTracking()
            .FirstOrDefaultAsync(k => k.Hash == hash && k.RevokedAt == null, cancellationToken);
    }

    public Task<bool> AnyAsync(CancellationToken cancellationToken) => db.ApiKeys.AnyAsync(cancellationToken);

    /// <summary>The active key a consumer key (see <see cref="ConsumerCredentials"/>) names, if any.</summary>
    public async Task<ApiKey?> FindByConsumerKeyAsync(string consumerKey, CancellationToken cancellationToken)
    {
        if (ConsumerCredentials.HashPrefixOf(consumerKey) is not { } prefix)
        {
            return null;
        }

        var found = await db.ApiKeys.AsNoTracking()
            .Where(k => k.Hash.StartsWith(prefix) && k.RevokedAt == null)
            .OrderBy(k => k.Id).Take(2).ToListAsync(cancellationToken);
        return found.Count == 1 ? found[0] : null;
    }

    /// <summary>Whether a consumer secret (<c>cs_</c> + key) is the key stored as <paramref name="stored"/>.</summary>
    public static bool SecretMatches(ApiKey stored, string consumerSecret)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(consumerSecret);
        if (!consumerSecret.StartsWith(ConsumerCredentials.SecretPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var sent = Encoding.ASCII.GetBytes(Hash(consumerSecret[ConsumerCredentials.SecretPrefix.Length..]));
        return CryptographicOperations.FixedTimeEquals(sent, Encoding.ASCII.GetBytes(stored.Hash));
    }

    /// <summary>
    /// Makes sure the configured bootstrap key exists with both scopes (idempotent across restarts). One stored before
    /// keys were sealed is sealed now: the configuration holds it in clear anyway, so it can sign from this start on.
    /// </summary>
    public async Task EnsureAsync(string name, string key, string scopes, CancellationToken cancellationToken)
    {
        var hash = Hash(key);
        var stored = await db.ApiKeys.FirstOrDefaultAsync(k => k.Hash == hash, cancellationToken);
        if (stored is null)
        {
            await CreateAsync(name, scopes, cancellationToken, key);
        }
        else if (stored.SealedKey is null)
        {
            stored.SealedKey = secrets.Seal(key);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }
}
