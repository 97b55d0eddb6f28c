using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Catalog.Infrastructure.Auth;

/// <summary>
/// Seals and opens the keys that may sign OAuth 1.0a requests, with ASP.NET Core Data Protection (its key ring is kept
/// in the catalog database, table <c>data_protection_keys</c>). What is opened stays in memory for one check.
/// </summary>
public sealed class ApiKeySecrets(IDataProtectionProvider protection)
{
    private const string Purpose = "Catalog.ApiKeys.OAuthSigning.v1";

    private readonly IDataProtector _protector = protection.CreateProtector(Purpose);

    public string Seal(string key) => _protector.Protect(key);

    /// <summary>The consumer secret (<c>cs_</c> + key) of a stored key, or null when it keeps none to open.</summary>
    public string? ConsumerSecretOf(ApiKey stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (stored.SealedKey is not { Length: > 0 } sealedKey)
        {
            return null;
        }

        try
        {
            return ConsumerCredentials.SecretPrefix + _protector.Unprotect(sealedKey);
        }
        catch (CryptographicException)
        {
            // The key ring that sealed it is gone (a database restored without it, say): the key can no longer sign.
            return null;
        }
    }
}
