using System.Security.Cryptography;
using System.Text;
using Catalog.Infrastructure.Persistence;

namespace Catalog.Infrastructure.Auth;

/// <summary>Records the nonces of OAuth 1.0a requests in the database, so that each one is accepted once.</summary>
public sealed class OAuthNonces(CatalogDbContext db)
{
    /// <summary>
    /// Records <paramref name="nonce"/> for the key and answers true, or answers false when the key has already used
    /// it. Nonces whose timestamp is before <paramref name="oldest"/> are forgotten first: their requests are refused
    /// for their timestamp anyway.
    /// </summary>
    public async Task<bool> TryUseAsync(
        long apiKeyId, string nonce, long timestamp, long oldest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nonce);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(nonce)));
        await db.OAuthNonces.Where(n => n.ApiKeyId == apiKeyId && n.Timestamp < oldest)
            .ExecuteDeleteAsync(cancellationToken);
        db.OAuthNonces.Add(new OAuthNonce { ApiKeyId = apiKeyId, NonceHash = hash, Timestamp = timestamp });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another request (on this instance or another) recorded it first, and the primary key refused this one.
            db.ChangeTracker.Clear();
            if (await db.OAuthNonces.AnyAsync(n => n.ApiKeyId == apiKeyId && n.NonceHash == hash, cancellationToken))
            {
                return false;
            }

            throw;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
