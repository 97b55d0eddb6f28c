using System.Text.RegularExpressions;
using Catalog.Infrastructure.Auth;

namespace Catalog.Testing.Logs;

/// <summary>
/// Every log line the API wrote during the test run, from in-process hosts (<see cref="CapturingLoggerProvider"/>)
/// and API processes (<see cref="ApiProcess"/>), and every secret the tests handed it: the run's check that no key, key
/// hash or consumer secret is ever logged. A line is checked against the secrets known when it arrives, and a secret
/// against the lines kept when it is registered, so the order of the two does not matter; the test framework checks
/// <see cref="Leaks"/> once more when the whole run ends (<see cref="ProviderTestFramework"/>).
/// </summary>
public static partial class LogCapture
{
    private static readonly Lock Gate = new();
    private static readonly List<string> Lines = [];
    private static readonly Dictionary<string, string> Secrets = new(StringComparer.Ordinal);
    private static readonly List<string> Found = [];

    /// <summary>How many lines were captured so far (so a test can tell that its hosts were heard at all).</summary>
    public static int LineCount
    {
        get
        {
            lock (Gate)
            {
                return Lines.Count;
            }
        }
    }

    /// <summary>Each leak found so far: which secret, in which line.</summary>
    public static IReadOnlyList<string> Leaks
    {
        get
        {
            lock (Gate)
            {
                return [.. Found];
            }
        }
    }

    /// <summary>
    /// An API key a test uses: the key, its SHA-256 hex (what earlier releases stored), its keyed hash under the test
    /// hash secret (what <c>api_keys.hash</c> stores on PostgreSQL, ADR 20) and, through the key, its consumer secret
    /// <c>cs_&lt;key&gt;</c> must never be logged.
    /// </summary>
    public static void RegisterKey(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        RegisterSecret(key, "an API key");
        RegisterSecret(CatalogApiFactory.LegacyHash(key), "an API key's SHA-256");
        RegisterSecret(TestHasher.Hash(key), "an API key's keyed hash");
    }

    private static readonly ApiKeyHasher TestHasher = new(Convert.FromBase64String(CatalogApiFactory.TestHashKey));

    /// <summary>Any other secret a test uses (an OAuth signing key, a token secret).</summary>
    public static void RegisterSecret(string secret, string what)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        lock (Gate)
        {
            if (!Secrets.TryAdd(secret, what))
            {
                return;
            }

            foreach (var line in Lines.Where(l => l.Contains(secret, StringComparison.Ordinal)))
            {
                Found.Add($"{what} in: {line}");
            }
        }
    }

    /// <summary>Keeps a line some API host wrote and checks it.</summary>
    public static void Record(string source, string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var entry = $"{source}: {line}";
        lock (Gate)
        {
            Lines.Add(entry);
            foreach (var (secret, what) in Secrets.Where(s => line.Contains(s.Key, StringComparison.Ordinal)))
            {
                Found.Add($"{what} in: {entry}");
            }

            // A generated key looks like nothing else, so one is caught even if no test registered it.
            if (GeneratedKey().IsMatch(line))
            {
                Found.Add($"a generated API key in: {entry}");
            }
        }
    }

    /// <summary>The captured lines that contain <paramref name="text"/>.</summary>
    public static IReadOnlyList<string> LinesContaining(string text)
    {
        lock (Gate)
        {
            return [.. Lines.Where(l => l.Contains(text, StringComparison.Ordinal))];
        }
    }

    /// <summary>Throws when a secret was logged: what the end of the test run asks.</summary>
    public static void AssertNoLeaks()
    {
        var leaks = Leaks;
        if (leaks.Count > 0)
        {
            throw new InvalidOperationException(
                $"{leaks.Count} log line(s) of the test run hold a secret:\n" + string.Join('\n', leaks.Take(20)));
        }
    }

    // ApiKeyService.NewKey: "cat_" and 32 random bytes in unpadded base64url (43 characters).
    [GeneratedRegex("cat_[A-Za-z0-9_-]{43}")]
    private static partial Regex GeneratedKey();
}
