using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Infrastructure.Auth;

/// <summary>
/// Encrypts each key of Data Protection's key ring at rest, in the database beside the keys it seals (ADR 14), with
/// AES-256-GCM under a key derived from the API-key hash secret (ADR 20): whoever reads the database alone can no
/// more open a sealed key than guess one from its hash. Data Protection calls it through its own extension point. The
/// hasher is asked for only when a key is encrypted: building Data Protection (its hosted service is built before the
/// start runs) must not resolve the secret, whose absence the start reports in its own sentence.
/// </summary>
public sealed class KeyRingEncryptor(Func<ApiKeyHasher> hasher) : IXmlEncryptor
{
    internal const string Purpose = "Catalog.DataProtection.KeyRing.v1";

    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    private static readonly XNamespace DataProtection = "http://schemas.asp.net/2015/03/dataProtection";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var sealedBytes = new byte[NonceBytes + TagBytes + plaintext.Length];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(hasher().Derive(Purpose), TagBytes);
        aes.Encrypt(
            nonce, plaintext, sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes));
        var element = new XElement(
            "encryptedKey",
            new XComment(" AES-256-GCM under a key derived from Catalog:Auth:HashKey (ADR 20) "),
            new XElement("value", Convert.ToBase64String(sealedBytes)));
        return new EncryptedXmlInfo(element, typeof(KeyRingDecryptor));
    }

    /// <summary>
    /// A key ring key as an earlier release stored it (its master key in clear, marked <c>requiresEncryption</c>)
    /// with each such element encrypted, as Data Protection would have written it with this encryptor; null when
    /// nothing in it is in clear.
    /// </summary>
    public string? EncryptInClear(string keyXml)
    {
        var key = XElement.Parse(keyXml);
        var inClear = key.DescendantsAndSelf()
            .Where(e => (bool?)e.Attribute(DataProtection + "requiresEncryption") == true)
            .ToList();
        foreach (var element in inClear)
        {
            var encrypted = Encrypt(element);
            element.ReplaceWith(new XElement(
                DataProtection + "encryptedSecret",
                new XAttribute("decryptorType", encrypted.DecryptorType.AssemblyQualifiedName!),
                encrypted.EncryptedElement));
        }

        return inClear.Count == 0 ? null : key.ToString(SaveOptions.DisableFormatting);
    }

    internal static XElement Decrypt(ApiKeyHasher hasher, XElement encryptedElement)
    {
        var sealedBytes = Convert.FromBase64String((string?)encryptedElement.Element("value") ?? string.Empty);
        if (sealedBytes.Length < NonceBytes + TagBytes)
        {
            throw new CryptographicException("The key ring key is not one KeyRingEncryptor wrote.");
        }

        var plaintext = new byte[sealedBytes.Length - NonceBytes - TagBytes];
        using var aes = new AesGcm(hasher.Derive(Purpose), TagBytes);
        // A different secret fails here (the tag does not match): the key is then unusable, and so are its seals.
        aes.Decrypt(
            sealedBytes.AsSpan(0, NonceBytes),
            sealedBytes.AsSpan(NonceBytes + TagBytes),
            sealedBytes.AsSpan(NonceBytes, TagBytes),
            plaintext);
        return XElement.Parse(Encoding.UTF8.GetString(plaintext));
    }
}

/// <summary>Opens what <see cref="KeyRingEncryptor"/> wrote; Data Protection makes it, by type name, with its services.
/// </summary>
public sealed class KeyRingDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        return KeyRingEncryptor.Decrypt(services.GetRequiredService<ApiKeyHasher>(), encryptedElement);
    }
}
