using System.Security.Cryptography;

namespace Catalog.Infrastructure.Auth;

/// <summary>
/// Where the secret of <see cref="ApiKeyHasher"/> comes from (ADR 20): <c>Catalog:Auth:HashKey</c> when set; else,
/// for SQLite, a file beside the database, drawn on the first start and readable by its owner only; else (PostgreSQL
/// or SQL Server, which several instances may share) nowhere, and the start stops with a sentence saying what to set.
/// Never the database itself: a secret kept there would not protect what the database holds.
/// </summary>
internal static class ApiKeyHashKey
{
    public const string Setting = "Catalog:Auth:HashKey";
    public const int MinBytes = 32;

    /// <summary>Appended to the SQLite file's name: <c>catalog.db</c> keeps its secret in <c>catalog.db.hash-key</c>.
    /// </summary>
    public const string FileSuffix = ".hash-key";

    private const string Make = "openssl rand -base64 32";

    public static ApiKeyHasher Resolve(string? configured, DatabaseProvider? provider, string connectionString)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new ApiKeyHasher(Parse(configured) ?? throw new StartupFailureException(
                $"{Setting} is not base64 of at least {MinBytes} bytes: set Catalog__Auth__HashKey to what `{Make}` "
                + "prints, the same on every instance."));
        }

        if (provider is null || provider.SharedByInstances)
        {
            throw new StartupFailureException(
                $"{Setting} is not set, and on {provider?.Kind.ToString() ?? "this database"}, which several "
                + "instances may share, every instance must be given the same secret to check API keys with: set "
                + $"Catalog__Auth__HashKey to what `{Make}` prints, on every instance, and keep it as safe as the "
                + "database's password (changing it makes every API key invalid).");
        }

        // An in-memory SQLite database ends with the process, and so may its secret.
        return provider.DatabaseFile(connectionString) is { } database
            ? ReadOrCreate(database + FileSuffix)
            : new ApiKeyHasher(RandomNumberGenerator.GetBytes(MinBytes), createdNow: true);
    }

    private static byte[]? Parse(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text.Trim(), buffer, out var length) && length >= MinBytes
            ? buffer[..length]
            : null;
    }

    /// <summary>
    /// The file's secret, or a new one written to it: to a temporary file first, moved into place only if none is
    /// there yet, so that two processes starting at once (the server and the <c>keys</c> command) agree on one.
    /// </summary>
    private static ApiKeyHasher ReadOrCreate(string file)
    {
        try
        {
            while (true)
            {
                if (File.Exists(file))
                {
                    return new ApiKeyHasher(Parse(File.ReadAllText(file)) ?? throw new StartupFailureException(
                        $"The API-key hash secret in {file} is not base64 of at least {MinBytes} bytes: restore the "
                        + "file from a backup (without it no stored API key can be checked), or delete it, which "
                        + "makes every API key invalid, and issue new ones."));
                }

                var secret = RandomNumberGenerator.GetBytes(MinBytes);
                var temporary = $"{file}.{Guid.NewGuid():N}.tmp";
                WriteOwnerOnly(temporary, Convert.ToBase64String(secret) + "\n");
                try
                {
                    File.Move(temporary, file, overwrite: false);
                    return new ApiKeyHasher(secret, createdNow: true);
                }
                catch (IOException) when (File.Exists(file))
                {
                    // Another process put its secret there first: that one is read on the next turn.
                    File.Delete(temporary);
                }
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new StartupFailureException(
                $"Catalog cannot read or write its API-key hash secret {file} ({exception.Message.TrimEnd('.')}): "
                + $"make the folder {Path.GetDirectoryName(file)} writable by the user running Catalog, or set "
                + $"Catalog__Auth__HashKey to what `{Make}` prints.",
                exception);
        }
    }

    private static void WriteOwnerOnly(string file, string text)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var writer = new StreamWriter(file, options);
        writer.Write(text);
    }
}
