using System.Security.Cryptography;
using System.Text;
using Catalog.Infrastructure.Auth;
using Catalog.Infrastructure.Persistence.Providers;

namespace Catalog.Infrastructure.Tests.Auth;

/// <summary>
/// Where the API-key hash secret comes from (ADR 20), and what it makes of a key: a setting, else a file beside a
/// SQLite database that only its owner reads, else (a database several instances share) a sentence to fix it by.
/// </summary>
public sealed class ApiKeyHashKeyTests : IDisposable
{
    private const string Setting = "Y2F0YWxvZy10ZXN0LWhhc2gta2V5LW5vdC1hLXNlY3JldA==";
    private readonly string _folder = Directory.CreateTempSubdirectory("catalog-hash-key-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Sqlite => $"Data Source={Path.Combine(_folder, "catalog.db")}";

    private string SecretFile => Path.Combine(_folder, "catalog.db.hash-key");

    [Fact]
    public void Resolve_SqliteWithoutSetting_DrawsASecretIntoAnOwnerOnlyFileBesideTheDatabaseOnce()
    {
        var first = ApiKeyHashKey.Resolve(null, DatabaseProvider.Named("Sqlite"), Sqlite);
        var again = ApiKeyHashKey.Resolve(null, DatabaseProvider.Named("Sqlite"), Sqlite);

        first.CreatedNow.Should().BeTrue();
        again.CreatedNow.Should().BeFalse("the second start reads the file the first wrote");
        again.Hash("my-secret-key").Should().Be(first.Hash("my-secret-key"));
        Convert.FromBase64String(File.ReadAllText(SecretFile).Trim()).Should().HaveCount(32);
        Directory.GetFiles(_folder).Should().Equal([SecretFile], "the temporary file is moved into place");
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(SecretFile).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [Fact]
    public void Resolve_WithSetting_UsesItAndWritesNoFile()
    {
        var configured = ApiKeyHashKey.Resolve(Setting, DatabaseProvider.Named("Sqlite"), Sqlite);
        var onPostgres = ApiKeyHashKey.Resolve(Setting, DatabaseProvider.Named("Postgres"), "Host=localhost");

        configured.Hash("k").Should().Be(onPostgres.Hash("k"));
        File.Exists(SecretFile).Should().BeFalse();
    }

    [Theory]
    [InlineData("Postgres")]
    [InlineData("SqlServer")]
    public void Resolve_SharedDatabaseWithoutSetting_FailsWithASentenceSayingWhatToSet(string provider)
    {
        var resolve = () => ApiKeyHashKey.Resolve(null, DatabaseProvider.Named(provider), "Host=localhost");

        resolve.Should().Throw<StartupFailureException>().WithMessage(
            $"Catalog:Auth:HashKey is not set, and on {provider}, which several instances may share, *"
            + "set Catalog__Auth__HashKey to what `openssl rand -base64 32` prints, on every instance*");
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("c2hvcnQ=")]
    public void Resolve_SettingNotBase64Of32Bytes_FailsWithASentence(string configured)
    {
        var resolve = () => ApiKeyHashKey.Resolve(configured, DatabaseProvider.Named("Sqlite"), Sqlite);

        resolve.Should().Throw<StartupFailureException>()
            .WithMessage("Catalog:Auth:HashKey is not base64 of at least 32 bytes: *");
    }

    [Fact]
    public void Resolve_SecretFileDamaged_FailsWithASentenceAndKeepsTheFile()
    {
        File.WriteAllText(SecretFile, "damaged");

        var resolve = () => ApiKeyHashKey.Resolve(null, DatabaseProvider.Named("Sqlite"), Sqlite);

        resolve.Should().Throw<StartupFailureException>()
            .WithMessage($"The API-key hash secret in {SecretFile} is not base64 of at least 32 bytes: restore*");
        File.ReadAllText(SecretFile).Should().Be("damaged");
    }

    [Fact]
    public void Hash_OfOneKeyUnderTwoSecrets_DiffersAndIsNeitherItsSha256NorLongerThanTheColumn()
    {
        var one = new ApiKeyHasher(RandomNumberGenerator.GetBytes(32));
        var other = new ApiKeyHasher(RandomNumberGenerator.GetBytes(32));
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("my-secret-key")));

        var stored = one.Hash("my-secret-key");

        stored.Should().StartWith(ApiKeyHasher.Marker).And.NotContain(sha256).And.HaveLength(49);
        other.Hash("my-secret-key").Should().NotBe(stored);
        one.Matches(stored, "my-secret-key").Should().BeTrue();
        one.Matches(stored, "my-secret-kez").Should().BeFalse();
        other.Matches(stored, "my-secret-key").Should().BeFalse();
    }

    [Fact]
    public void Upgrade_OfAnEarlierReleasesSha256_IsTheKeyedHashOfTheKey()
    {
        var hasher = new ApiKeyHasher(RandomNumberGenerator.GetBytes(32));
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("my-secret-key")));

        hasher.Upgrade(sha256).Should().Be(hasher.Hash("my-secret-key"));
        hasher.Upgrade(hasher.Hash("my-secret-key")).Should().BeNull("a keyed value is not upgraded twice");
    }
}
