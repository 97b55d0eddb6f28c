using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Catalog.Infrastructure.Persistence;

namespace Catalog.Infrastructure.Auth;

public static class Scopes
{
    public const string Read = "catalog:read";
    public const string Write = "catalog:write";

    /// <summary>Manages API keys (<c>/api/v1/api-keys</c>); grants no catalog access by itself.</summary>
    public const string Admin = "catalog:admin";

    /// <summary>What the operator's key (bootstrap or first run) holds.</summary>
    public const string All = Read + " " + Write + " " + Admin;

    public static readonly IReadOnlyList<string> Known = [Read, Write, Admin];

    /// <summary>
    /// The scopes a caller asked for, deduplicated in the canonical order; null when one is unknown or none given.
    /// </summary>
    public static string? Normalize(IEnumerable<string> requested)
    {
        ArgumentNullException.ThrowIfNull(requested);
        var asked = requested.SelectMany(s => s.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries)).ToHashSet();
        return asked.Count == 0 || !asked.All(Known.Contains)
            ? null
            : string.Join(' ', Known.Where(asked.Contains));
    }
}

/// <summary>
/// Issues, checks and manages API keys. Keys are 256-bit random strings, so a plain SHA-256 of the key is enough to
/// check them by (no salt or slow hash is needed against guessing, ADR 18); the key itself is shown once, when it is
/// made, and kept only sealed (<see cref="ApiKeySecrets"/>), for OAuth 1.0a signatures.
/// </summary>
public sealed class ApiKeyService(CatalogDbContext db, TimeProvider clock, ApiKeySecrets secrets)
{
    private const string KeyPrefix = "cat_";

    /// <summary>How much of a generated key its hint shows: the prefix and 4 of its 43 random characters.</summary>
    private const int HintLength = 8;

    public static string Hash(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static string NewKey() =>
        KeyPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>The non-secret hint kept of a key: a generated key's first characters, none of a chosen one.</summary>
    public static string HintOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.StartsWith(KeyPrefix, StringComparison.Ordinal) && key.Length >= 40 ? key[..HintLength] : "";
    }

    /// <summary>Stores a key with the given scopes; answers it with the key in clear, which is kept nowhere.</summary>
    public async Task<IssuedKey> CreateAsync(
        string name, string scopes, CancellationToken cancellationToken, string? key = null)
    {
        key ??= NewKey();
        var stored = new ApiKey
        {
            Name = name,
            Prefix = HintOf(key),
            Hash = Hash(key),
            ConsumerKey = ConsumerCredentials.NewConsumerKey(),
            Scopes = scopes,
            CreatedAt = clock.GetUtcNow(),
            SealedKey = secrets.Seal(key),
        };
        db.ApiKeys.Add(stored);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return new IssuedKey(stored, key);
    }

    /// <summary>Every key, revoked ones included, oldest first.</summary>
    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken) =>
        await db.ApiKeys.AsNoTracking().OrderBy(k => k.Id).ToListAsync(cancellationToken);

    public Task<ApiKey?> FindAsync(long id, CancellationToken cancellationToken) =>
        db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Id == id, cancellationToken);

    /// <summary>
    /// Gives an active key a new secret and a new consumer key; the old ones stop working at once. Null when there is
    /// no such key or it is revoked.
    /// </summary>
    public async Task<IssuedKey?> RotateAsync(long id, CancellationToken cancellationToken)
    {
        var stored = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id && k.RevokedAt == null, cancellationToken);
        if (stored is null)
        {
            return null;
        }

        var key = NewKey();
        stored.Prefix = HintOf(key);
        stored.Hash = Hash(key);
        stored.ConsumerKey = ConsumerCredentials.NewConsumerKey();
        stored.SealedKey = secrets.Seal(key);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return new IssuedKey(stored, key);
    }

    /// <summary>Revokes a key (again is harmless: the first time is kept) and answers it, or null.</summary>
    public async Task<ApiKey?> RevokeAsync(long id, CancellationToken cancellationToken)
    {
        var stored = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (stored is null)
        {
            return null;
        }

        // Nothing is cached between requests (every request reads its key), so a revoked key is refused by the next.
        stored.RevokedAt ??= clock.GetUtcNow();
        stored.SealedKey = null;
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return stored;
    }

    public Task<ApiKey?> FindActiveAsync(string key, CancellationToken cancellationToken)
    {
        var hash = Hash(key);
        return db.ApiKeys.AsNoTracking()
            .FirstOrDefaultAsync(k => k.Hash == hash && k.RevokedAt == null, cancellationToken);
    }

    public Task<bool> AnyAsync(CancellationToken cancellationToken) => db.ApiKeys.AnyAsync(cancellationToken);

    /// <summary>The active key a consumer key (see <see cref="ConsumerCredentials"/>) names, if any.</summary>
    public Task<ApiKey?> FindByConsumerKeyAsync(string consumerKey, CancellationToken cancellationToken) =>
        ConsumerCredentials.Normalize(consumerKey) is { } normalized
            ? db.ApiKeys.AsNoTracking()
                .FirstOrDefaultAsync(k => k.ConsumerKey == normalized && k.RevokedAt == null, cancellationToken)
            : Task.FromResult<ApiKey?>(null);

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
    /// Makes sure the configured bootstrap key exists with every scope (idempotent across restarts) and answers it.
    /// One stored by an earlier release is brought up to date: sealed (the configuration holds it in clear anyway, so
    /// it can sign from this start on), given the admin scope, and its hint, which kept 12 characters of the key,
    /// emptied.
    /// </summary>
    public async Task<ApiKey> EnsureAsync(string name, string key, string scopes, CancellationToken cancellationToken)
    {
        var hash = Hash(key);
        var stored = await db.ApiKeys.FirstOrDefaultAsync(k => k.Hash == hash, cancellationToken);
        if (stored is null)
        {
            return (await CreateAsync(name, scopes, cancellationToken, key)).Stored;
        }

        stored.SealedKey ??= secrets.Seal(key);
        stored.Prefix = HintOf(key);
        stored.Scopes = Scopes.Normalize([stored.Scopes, scopes]) ?? scopes;
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return stored;
    }
}
