namespace Catalog.Application.ApiKeys;

/// <summary>Where API keys are issued and kept (Infrastructure: hashed, with a random consumer key; ADR 18).</summary>
public interface IApiKeyRegistry
{
    /// <summary>The scopes a key may hold, in their canonical order.</summary>
    IReadOnlyList<string> KnownScopes { get; }

    Task<IssuedApiKey> CreateAsync(string name, IReadOnlyList<string> scopes, CancellationToken cancellationToken);

    Task<IReadOnlyList<ApiKeyDto>> ListAsync(CancellationToken cancellationToken);

    Task<ApiKeyDto?> FindAsync(long id, CancellationToken cancellationToken);

    /// <summary>A new secret and consumer key for an active key; null when there is none or it is revoked.</summary>
    Task<IssuedApiKey?> RotateAsync(long id, CancellationToken cancellationToken);

    Task<ApiKeyDto?> RevokeAsync(long id, CancellationToken cancellationToken);
}

/// <summary>A key as it may be shown: never its secret or its hash.</summary>
public sealed record ApiKeyDto(
    long Id,
    string Name,
    string Prefix,
    IReadOnlyList<string> Scopes,
    string ConsumerKey,
    bool CanSign,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt);

/// <summary>A key just issued or rotated, with its secret and consumer secret: answered once, kept nowhere.</summary>
public sealed record IssuedApiKey(ApiKeyDto Key, string Secret, string ConsumerSecret);
