using Catalog.Application.ApiKeys;

namespace Catalog.Infrastructure.Auth;

/// <summary>The Application's view of <see cref="ApiKeyService"/>: keys as DTOs, never a hash or sealed copy.</summary>
internal sealed class ApiKeyRegistry(ApiKeyService keys) : IApiKeyRegistry
{
    public IReadOnlyList<string> KnownScopes => Scopes.Known;

    public async Task<IssuedApiKey> CreateAsync(
        string name, IReadOnlyList<string> scopes, CancellationToken cancellationToken) =>
        Issued(await keys.CreateAsync(name, string.Join(' ', scopes), cancellationToken));

    public async Task<IReadOnlyList<ApiKeyDto>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await keys.ListAsync(cancellationToken)).Select(Dto)];

    public async Task<ApiKeyDto?> FindAsync(long id, CancellationToken cancellationToken) =>
        await keys.FindAsync(id, cancellationToken) is { } stored ? Dto(stored) : null;

    public async Task<IssuedApiKey?> RotateAsync(long id, CancellationToken cancellationToken) =>
        await keys.RotateAsync(id, cancellationToken) is { } issued ? Issued(issued) : null;

    public async Task<ApiKeyDto?> RevokeAsync(long id, CancellationToken cancellationToken) =>
        await keys.RevokeAsync(id, cancellationToken) is { } stored ? Dto(stored) : null;

    private static IssuedApiKey Issued(IssuedKey issued) =>
        new(Dto(issued.Stored), issued.Key, issued.Credentials.ConsumerSecret);

    private static ApiKeyDto Dto(ApiKey stored) => new(
        stored.Id,
        stored.Name,
        stored.Prefix,
        stored.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries),
        stored.ConsumerKey,
        stored.SealedKey is not null,
        stored.CreatedAt,
        stored.RevokedAt);
}
