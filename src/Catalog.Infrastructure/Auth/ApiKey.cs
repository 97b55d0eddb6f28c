namespace Catalog.Infrastructure.Auth;

/// <summary>An API key as stored: only its SHA-256 hash and a short prefix to recognise it by, never the key.</summary>
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
}
