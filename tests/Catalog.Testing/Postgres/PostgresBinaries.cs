using System.Globalization;

namespace Catalog.Testing.Postgres;

internal sealed record PostgresBinaries(string Folder, string FoundVia)
{
    public const string BinFolderVariable = "CATALOG_PG_BIN";
    private const string DebianRoot = "/usr/lib/postgresql";

    public string InitDb => Path.Combine(Folder, "initdb");

    public string PgCtl => Path.Combine(Folder, "pg_ctl");

    public static PostgresBinaries Find()
    {
        var configured = Environment.GetEnvironmentVariable(BinFolderVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            // An explicit setting that points nowhere is a mistake to report, not to work around.
            return HasTools(configured)
                ? new PostgresBinaries(Path.GetFullPath(configured), $"${BinFolderVariable}")
                : throw new InvalidOperationException(
                    $"{BinFolderVariable} is set to '{configured}', but that folder does not contain both initdb "
                    + "and pg_ctl. Point it at the bin folder of a PostgreSQL server install "
                    + $"(on Debian: {DebianRoot}/<version>/bin), or unset it.");
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault(HasTools);
        if (onPath is not null)
        {
            return new PostgresBinaries(onPath, "PATH");
        }

        // Debian's packages keep the server tools off PATH, one folder per major version.
        var newest = Directory.Exists(DebianRoot)
            ? Directory.EnumerateDirectories(DebianRoot)
                .Select(folder => (Version: ParseVersion(Path.GetFileName(folder)), Bin: Path.Combine(folder, "bin")))
                .Where(candidate => HasTools(candidate.Bin))
                .OrderByDescending(candidate => candidate.Version)
                .Select(candidate => candidate.Bin)
                .FirstOrDefault()
            : null;
        if (newest is not null)
        {
            return new PostgresBinaries(newest, DebianRoot);
        }

        throw new InvalidOperationException(
            "The tests need a PostgreSQL server, and none was found: initdb and pg_ctl are neither in " +
            $"${BinFolderVariable}, nor on PATH, nor in {DebianRoot}/*/bin. Do one of these: " +
            "(1) install it: `sudo apt-get install -y postgresql` (Debian/Ubuntu; `.ci/run` does this on CI); " +
            $"(2) set {BinFolderVariable} to the folder that holds initdb and pg_ctl; " +
            $"(3) set {PostgresServer.ExternalServerVariable} to an Npgsql connection string for a running server " +
            "whose user may CREATE DATABASE (e.g. \"Host=localhost;Username=postgres;Password=...\").");
    }

    private static bool HasTools(string folder) =>
        File.Exists(Path.Combine(folder, "initdb")) && File.Exists(Path.Combine(folder, "pg_ctl"));

    private static double ParseVersion(string name) =>
        double.TryParse(name, NumberStyles.Float, CultureInfo.InvariantCulture, out var version) ? version : -1;
}
