using Catalog.Application.ApiKeys;
using Catalog.Application.ApiKeys.Commands;

namespace Catalog.Api.V1.ApiKeys;

/// <summary>A key to issue: a name to recognise it by and its scopes (<c>catalog:read</c>, <c>catalog:write</c>,
/// <c>catalog:admin</c>).</summary>
public sealed record CreateApiKeyRequest
{
    public required string Name { get; init; }

    public required IReadOnlyList<string> Scopes { get; init; }

    public CreateApiKey ToCommand() => new(Name, Scopes);
}

/// <summary>
/// A key as listed: never its secret or its hash. <c>prefix</c> is a generated key's first characters (empty for a key
/// an operator chose or one issued before keys were managed); <c>consumer_key</c> is the public WooCommerce
/// identifier; <c>can_sign</c> says whether it can sign OAuth 1.0a requests.
/// </summary>
public sealed record ApiKeyResponse(
    long Id,
    string Name,
    string Prefix,
    IReadOnlyList<string> Scopes,
    string ConsumerKey,
    bool CanSign,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt)
{
    public static ApiKeyResponse From(ApiKeyDto key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new(
            key.Id, key.Name, key.Prefix, key.Scopes, key.ConsumerKey, key.CanSign, key.CreatedAt, key.RevokedAt);
    }
}

/// <summary>
/// A key just issued or rotated, with its secret: <c>key</c> (Bearer, <c>X-Api-Key</c>, Medusa) and
/// <c>consumer_secret</c> (WooCommerce). This is the only answer that carries them; keep them now.
/// </summary>
public sealed record IssuedApiKeyResponse(
    long Id,
    string Name,
    string Prefix,
    IReadOnlyList<string> Scopes,
    string ConsumerKey,
    bool CanSign,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt,
    string Key,
    string ConsumerSecret)
{
    public static IssuedApiKeyResponse From(IssuedApiKey issued)
    {
        ArgumentNullException.ThrowIfNull(issued);
        var key = issued.Key;
        return new(
            key.Id,
            key.Name,
            key.Prefix,
            key.Scopes,
            key.ConsumerKey,
            key.CanSign,
            key.CreatedAt,
            key.RevokedAt,
            issued.Secret,
            issued.ConsumerSecret);
    }
}

/// <summary><c>{items}</c>: every key, revoked ones included, oldest first.</summary>
public sealed record ApiKeyListResponse(IReadOnlyList<ApiKeyResponse> Items);
