using System.Buffers.Text;
using System.Security.Cryptography;
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
/// Issues, checks and manages API keys. A key is stored as its keyed hash (<see cref="ApiKeyHasher"/>, ADR 20) and
/// found by it in one indexed query; the key itself is shown once, when it is made, and kept only sealed
/// (<see cref="ApiKeySecrets"/>), for OAuth 1.0a signatures.
/// </summary>
public sealed class ApiKeyService(CatalogDbContext db, TimeProvider clock, ApiKeySecrets secrets, ApiKeyHasher hasher)
{
    private const string KeyPrefix = "cat_";

    /// <summary>How much of a generated key its hint shows: the prefix and 4 of its 43 random characters.</summary>
    private const int HintLength = 8;

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
            Hash = hasher.Hash(key),
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
        stored.Hash = hasher.Hash(key);
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
        var hash = hasher.Hash(key);
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
    public bool SecretMatches(ApiKey stored, string consumerSecret)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(consumerSecret);
        return consumerSecret.StartsWith(ConsumerCredentials.SecretPrefix, StringComparison.Ordinal)
            && hasher.Matches(stored.Hash, consumerSecret[ConsumerCredentials.SecretPrefix.Length..]);
    }

    /// <summary>
    /// Rewrites every hash an earlier release stored (the key's plain SHA-256, in hex) in its keyed form, which is
    /// computed from it without the key, so those keys go on working; answers how many. Each row changes only if it
    /// still holds the old value, so instances starting at once on one database do the work once.
    /// </summary>
    public async Task<int> UpgradeLegacyHashesAsync(CancellationToken cancellationToken)
    {
        var legacy = await db.ApiKeys.AsNoTracking()
            .Where(k => !k.Hash.StartsWith(ApiKeyHasher.Marker))
            .Select(k => new { k.Id, k.Hash })
            .ToListAsync(cancellationToken);
        var upgraded = 0;
        foreach (var row in legacy)
        {
            if (hasher.Upgrade(row.Hash) is { } keyed)
            {
                upgraded += await db.ApiKeys.Where(k => k.Id == row.Id && k.Hash == row.Hash)
                    .ExecuteUpdateAsync(k => k.SetProperty(x => x.Hash, keyed), cancellationToken);
            }
        }

        return upgraded;
    }

    /// <summary>
    /// Encrypts, in place, every key of Data Protection's ring that an earlier release stored with its master key in
    /// clear (<see cref="KeyRingEncryptor"/>); the keys it sealed open as before. Answers how many.
    /// </summary>
    public async Task<int> EncryptKeyRingAsync(CancellationToken cancellationToken)
    {
        var encryptor = new KeyRingEncryptor(() => hasher);
        var encrypted = 0;
        foreach (var key in await db.DataProtectionKeys.ToListAsync(cancellationToken))
        {
            if (key.Xml is { } xml && encryptor.EncryptInClear(xml) is { } sealedXml)
            {
                key.Xml = sealedXml;
                encrypted++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return encrypted;
    }

    /// <summary>Whether any key is stored in the keyed form, under whichever secret.</summary>
    public Task<bool> AnyKeyedAsync(CancellationToken cancellationToken) =>
        db.ApiKeys.AnyAsync(k => k.Hash.StartsWith(ApiKeyHasher.Marker), cancellationToken);

    /// <summary>
    /// Makes sure the configured bootstrap key exists with every scope (idempotent across restarts) and answers it.
    /// One stored by an earlier release is brought up to date: sealed (the configuration holds it in clear anyway, so
    /// it can sign from this start on), given the admin scope, and its hint, which kept 12 characters of the key,
    /// emptied.
    /// </summary>
    public async Task<ApiKey> EnsureAsync(string name, string key, string scopes, CancellationToken cancellationToken)
    {
        var hash = hasher.Hash(key);
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
