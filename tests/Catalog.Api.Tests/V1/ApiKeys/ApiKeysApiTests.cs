using System.Diagnostics;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Catalog.Infrastructure.Auth;
using Catalog.Infrastructure.Persistence;
using Catalog.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Api.Tests.V1.ApiKeys;

/// <summary>
/// <c>/api/v1/api-keys</c>: an admin key issues, lists, rotates and revokes keys; a key's secret is answered once;
/// a revoked or rotated secret is refused on every route family from the next request; keys stored by the previous
/// release keep working.
/// </summary>
public abstract class ApiKeysApiTests(CatalogApiFactory factory) : CatalogApiTest(factory)
{
    private const string Keys = "/api/v1/api-keys";
    private const string WooProducts = "/wp-json/wc/v3/products";
    private const string MedusaProducts = "/admin/products";

    [Fact]
    public async Task Create_WithAdminKey_Answers201WithTheSecretOnceAndTheKeyWorksWithItsScopes()
    {
        var (status, body) = await PostAsync(Keys, new { name = "storefront", scopes = new[] { Scopes.Read } });

        status.Should().Be(201, body.Text());
        var key = body.Str("key")!;
        key.Should().MatchRegex("^cat_[A-Za-z0-9_-]{43}$", "256 random bits in base64url");
        body.Str("name").Should().Be("storefront");
        body.Arr("scopes").Select(s => s!.GetValue<string>()).Should().Equal(Scopes.Read);
        body.Str("prefix").Should().Be(key[..8]);
        body.Str("consumer_key").Should().MatchRegex("^ck_[0-9a-f]{40}$");
        body.Str("consumer_key")![3..].Should().NotBe(
            CatalogApiFactory.LegacyHash(key)[..40], "the consumer key of a release before ADR 18");
        body.Str("consumer_secret").Should().Be("cs_" + key);
        using var reader = Factory.CreateClientWithKey(key);
        (await GetAsync("/api/v1/products", reader)).Status.Should().Be(200);
        (await PostAsync(ProductsBatch, Batch.Create(new ProductBuilder()), reader)).Status.Should().Be(403);
        using var woo = WooClient(body.Str("consumer_key")!, body.Str("consumer_secret")!);
        (await GetAsync(WooProducts, woo)).Status.Should().Be(200);
    }

    [Fact]
    public async Task ListAndGet_AfterCreate_ShowTheKeyButNeverItsSecretOrHash()
    {
        var (_, created) = await PostAsync(Keys, new { name = "pim", scopes = new[] { Scopes.Read, Scopes.Write } });
        var key = created.Str("key")!;
        var id = created.Num("id");

        using var listed = await Client.GetAsync(Keys);
        using var one = await Client.GetAsync($"{Keys}/{id}");

        foreach (var response in new[] { listed, one })
        {
            ((int)response.StatusCode).Should().Be(200);
            var text = await response.Content.ReadAsStringAsync();
            var stored = Factory.Hasher.Hash(key)[ApiKeyHasher.Marker.Length..];
            text.Should().NotContain(key[8..]).And.NotContain(stored).And.NotContain(CatalogApiFactory.LegacyHash(key))
                .And.NotContain(CatalogApiFactory.WriteKey).And.NotContain("cs_").And.NotContain("sealed");
        }

        var list = JsonNode.Parse(await listed.Content.ReadAsStringAsync());
        // Keys outlive the per-test reset: the bootstrap key is the first, the one just made the last.
        list.Arr("items").Select(k => k.Str("name")).Should().StartWith("bootstrap").And.EndWith("pim");
        list.At("items[0]").Arr("scopes").Select(s => s!.GetValue<string>())
            .Should().Equal(Scopes.Read, Scopes.Write, Scopes.Admin);
        var got = JsonNode.Parse(await one.Content.ReadAsStringAsync());
        got!.AsObject().Select(p => p.Key).Should().BeEquivalentTo(
            "id", "name", "prefix", "scopes", "consumer_key", "can_sign", "created_at", "revoked_at");
        got.Str("consumer_key").Should().Be(created.Str("consumer_key"));
    }

    [Fact]
    public async Task Me_WithAReadOnlyKey_AnswersItsOwnConsumerKeyAndNoSecret()
    {
        var key = await Factory.CreateKeyAsync(Scopes.Read);
        using var reader = Factory.CreateClientWithKey(key);

        var (status, body) = await GetAsync($"{Keys}/me", reader);

        status.Should().Be(200, body.Text());
        body.Str("consumer_key").Should().Be(Factory.Credentials(key).ConsumerKey);
        body.Text().Should().NotContain(key[8..]).And.NotContain("cs_");
    }

    [Fact]
    public async Task Rotate_WithAdminKey_GivesANewSecretAndTheOldOneStopsWorking()
    {
        var (_, created) = await PostAsync(Keys, new { name = "sync", scopes = new[] { Scopes.Read } });
        var oldKey = created.Str("key")!;

        var (status, rotated) = await PostAsync($"{Keys}/{created.Num("id")}/rotate", new { });

        status.Should().Be(200, rotated.Text());
        rotated.Num("id").Should().Be(created.Num("id"));
        rotated.Str("key").Should().NotBe(oldKey);
        rotated.Str("consumer_key").Should().NotBe(created.Str("consumer_key"));
        using var old = Factory.CreateClientWithKey(oldKey);
        using var fresh = Factory.CreateClientWithKey(rotated.Str("key"));
        using var oldWoo = WooClient(created.Str("consumer_key")!, created.Str("consumer_secret")!);
        using var freshWoo = WooClient(rotated.Str("consumer_key")!, rotated.Str("consumer_secret")!);
        (await GetAsync("/api/v1/products", old)).Status.Should().Be(401);
        (await GetAsync(WooProducts, oldWoo)).Status.Should().Be(401);
        (await GetAsync("/api/v1/products", fresh)).Status.Should().Be(200);
        (await GetAsync(WooProducts, freshWoo)).Status.Should().Be(200);
    }

    [Fact]
    public async Task Revoke_WithAdminKey_IsRefusedOnCanonicalWooAndMedusaRoutesWithinASecond()
    {
        var (_, created) = await PostAsync(Keys, new { name = "leaked", scopes = new[] { Scopes.Read } });
        var key = created.Str("key")!;
        using var bearer = Factory.CreateClientWithKey(key);
        using var woo = WooClient(created.Str("consumer_key")!, created.Str("consumer_secret")!);
        using var medusa = MedusaClient(key);
        (await GetAsync("/api/v1/products", bearer)).Status.Should().Be(200);
        (await GetAsync(WooProducts, woo)).Status.Should().Be(200);
        (await GetAsync(MedusaProducts, medusa)).Status.Should().Be(200);

        var (status, revoked) = await SendAsync(HttpMethod.Delete, $"{Keys}/{created.Num("id")}");
        var since = Stopwatch.StartNew();
        var canonical = await GetAsync("/api/v1/products", bearer);
        var wordPress = await GetAsync(WooProducts, woo);
        var admin = await GetAsync(MedusaProducts, medusa);
        since.Stop();

        status.Should().Be(200, revoked.Text());
        revoked.Str("revoked_at").Should().NotBeNull();
        revoked.At("can_sign")!.GetValue<bool>().Should().BeFalse("a revoked key's sealed copy is dropped");
        canonical.Status.Should().Be(401, canonical.Body.Text());
        canonical.Body.Str("code").Should().Be("UNAUTHORIZED");
        wordPress.Status.Should().Be(401, wordPress.Body.Text());
        wordPress.Body.Str("code").Should().Be("woocommerce_rest_authentication_error");
        admin.Status.Should().Be(401, admin.Body.Text());
        admin.Body.Str("type").Should().Be("unauthorized");
        since.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(1));
    }

    [Theory]
    [InlineData("GET", Keys)]
    [InlineData("POST", Keys)]
    [InlineData("GET", Keys + "/1")]
    [InlineData("POST", Keys + "/1/rotate")]
    [InlineData("DELETE", Keys + "/1")]
    public async Task Route_WithReadWriteKeyWithoutAdmin_Answers403AndChangesNothing(string method, string url)
    {
        using var writer = Factory.CreateClientWithKey(await Factory.CreateKeyAsync($"{Scopes.Read} {Scopes.Write}"));
        var before = await Factory.QueryAsync(db => db.ApiKeys.AsNoTracking().OrderBy(k => k.Id).ToListAsync());

        var (status, body) = await SendAsync(
            new HttpMethod(method), url, Body(new { name = "mine", scopes = new[] { Scopes.Admin } }), writer);

        status.Should().Be(403, body.Text());
        body.Str("code").Should().Be("FORBIDDEN");
        var after = await Factory.QueryAsync(db => db.ApiKeys.AsNoTracking().OrderBy(k => k.Id).ToListAsync());
        after.Should().BeEquivalentTo(before);
    }

    [Fact]
    public async Task List_WithoutKey_Answers401()
    {
        using var anonymous = Factory.CreateClientWithKey(null);

        var (status, body) = await GetAsync(Keys, anonymous);

        status.Should().Be(401, body.Text());
        body.Str("code").Should().Be("UNAUTHORIZED");
    }

    [Theory]
    [InlineData("storefront", "catalog:everything", "scopes")]
    [InlineData("storefront", "", "scopes")]
    [InlineData(" ", "catalog:read", "name")]
    public async Task Create_WithBadNameOrScopes_Answers400NamingTheField(string name, string scope, string field)
    {
        var before = await Factory.QueryAsync(db => db.ApiKeys.CountAsync());

        var (status, body) = await PostAsync(Keys, new { name, scopes = scope.Length == 0 ? [] : new[] { scope } });

        status.Should().Be(400, body.Text());
        body.Str("code").Should().Be("VALIDATION_FAILED");
        body.Arr("errors").Select(e => e.Str("field")).Should().Equal(field);
        (await Factory.QueryAsync(db => db.ApiKeys.CountAsync())).Should().Be(before);
    }

    [Theory]
    [InlineData("GET", Keys + "/999")]
    [InlineData("POST", Keys + "/999/rotate")]
    [InlineData("DELETE", Keys + "/999")]
    public async Task Route_WithUnknownId_Answers404(string method, string url)
    {
        var (status, body) = await SendAsync(new HttpMethod(method), url);

        status.Should().Be(404, body.Text());
        body.Str("code").Should().Be("NOT_FOUND");
    }

    /// <summary>
    /// A write route of every family, with a read-only key: each refuses it in its own shape (WooCommerce, and so
    /// Wholesale Suite, answers a key without write permission with a 401, as WooCommerce does) and writes nothing.
    /// </summary>
    [Theory]
    [InlineData("canonical", "POST", "/api/v1/products/batch", 403)]
    [InlineData("canonical async job", "POST", "/api/v1/products/batch", 403)]
    [InlineData("jobs", "DELETE", "/api/v1/jobs/1", 403)]
    [InlineData("woocommerce", "POST", "/wp-json/wc/v3/products/batch", 401)]
    [InlineData("woocommerce", "POST", "/wp-json/wc/v3/products", 401)]
    [InlineData("wholesale suite", "POST", "/wp-json/wholesale/v1/products/batch", 401)]
    [InlineData("medusa", "POST", "/admin/products/batch", 403)]
    [InlineData("medusa", "POST", "/admin/products", 403)]
    [InlineData("trade", "PATCH", "/v1/products/batch", 403)]
    [InlineData("operation list", "POST", "/api/products/batches.json", 403)]
    [InlineData("process", "PATCH", "/process/products", 403)]
    [InlineData("admin", "POST", Keys, 403)]
    public async Task Write_WithReadOnlyKeyOnEveryFamily_IsRefusedAndWritesNothing(
        string family, string method, string url, int expected)
    {
        var reader = await Factory.CreateKeyAsync(Scopes.Read);
        var pair = Factory.Credentials(reader);
        using var client = family switch
        {
            "woocommerce" or "wholesale suite" => WooClient(pair.ConsumerKey, pair.ConsumerSecret),
            "medusa" => MedusaClient(reader),
            _ => Factory.CreateClientWithKey(reader),
        };
        if (family == "canonical async job")
        {
            client.DefaultRequestHeaders.Add("Prefer", "respond-async");
        }

        var (status, body) = await SendAsync(new HttpMethod(method), url, Body(WriteBodyOf(family)), client);

        status.Should().Be(expected, body.Text());
        body.Text().Should().MatchRegex("(?i)scope|permission", "the answer says why");

        (await CountRowsAsync()).Products.Should().Be(0);
        (await Factory.QueryAsync(db => db.Jobs.CountAsync())).Should().Be(0);
        (await Factory.QueryAsync(db => db.ApiKeys.CountAsync(k => k.Name == "intruder"))).Should().Be(0);
    }

    /// <summary>
    /// A database whose keys earlier releases stored as a plain SHA-256 (one from before ADR 18: a 12-character
    /// prefix, no consumer key column, not sealed; and the bootstrap key) starts: each hash is rewritten in the keyed
    /// form (ADR 20) and no plain one remains; the keys still authenticate, by Bearer and by WooCommerce Basic with the
    /// consumer key the first was given (the first 40 hex digits of its old hash); the bootstrap key is found, not made
    /// again; and the prefix no longer keeps any of a key.
    /// </summary>
    [Fact]
    public async Task Start_OnKeysHashedByEarlierReleases_UpgradesThemInPlaceAndTheyStillAuthenticate()
    {
        const string Legacy = "my-secret-key";
        var hash = CatalogApiFactory.LegacyHash(Legacy);
        var bootstrapHash = CatalogApiFactory.LegacyHash(CatalogApiFactory.WriteKey);
        var bootstraps = await Factory.QueryAsync(db => db.ApiKeys.CountAsync(k => k.Name == "bootstrap"));
        await Factory.QueryAsync(async db =>
        {
            var migrations = db.Database.GetMigrations().ToList();
            var migrator = db.GetService<IMigrator>();
            // The schema of the release before managed keys: the migration just before ManagedApiKeys.
            var managed = migrations.FindIndex(m => m.EndsWith("_ManagedApiKeys", StringComparison.Ordinal));
            await migrator.MigrateAsync(migrations[managed - 1]);
            await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO api_keys (name, prefix, hash, scopes, created_at)
                VALUES ('first-run', {Legacy[..12]}, {hash}, 'catalog:read catalog:write', {DateTimeOffset.UtcNow})
                """);
            await migrator.MigrateAsync();
            await DecryptKeyRingAsync(db);
            return await db.ApiKeys.Where(k => k.Name == "bootstrap")
                .ExecuteUpdateAsync(k => k.SetProperty(x => x.Hash, bootstrapHash));
        });

        await using var upgraded = Factory.WithWebHostBuilder(_ => { });
        using var bearer = Authorized(upgraded.CreateClient(), "Bearer", Legacy);
        using var woo = Authorized(upgraded.CreateClient(), "Basic", Basic("ck_" + hash[..40], "cs_" + Legacy));
        using var bootstrap = Authorized(upgraded.CreateClient(), "Bearer", CatalogApiFactory.WriteKey);
        var canonical = await GetAsync("/api/v1/products", bearer);
        var wordPress = await GetAsync(WooProducts, woo);
        var listed = await GetAsync(Keys, bearer);
        var operators = await GetAsync("/api/v1/products", bootstrap);

        canonical.Status.Should().Be(200, canonical.Body.Text());
        wordPress.Status.Should().Be(200, wordPress.Body.Text());
        operators.Status.Should().Be(200, operators.Body.Text());
        listed.Status.Should().Be(200, "the first-run key is the operator's and may manage keys");
        var stored = listed.Body.Arr("items").Single(k => k.Str("consumer_key") == "ck_" + hash[..40]);
        stored.Str("prefix").Should().BeEmpty();
        stored.Arr("scopes").Select(s => s!.GetValue<string>()).Should().Contain(Scopes.Admin);
        var hashes = await Factory.QueryAsync(db => db.ApiKeys.Select(k => new { k.Name, k.Hash }).ToListAsync());
        hashes.Should().OnlyContain(k => k.Hash.StartsWith(ApiKeyHasher.Marker), "no plain SHA-256 remains");
        hashes.Count(k => k.Name == "bootstrap").Should().Be(bootstraps, "the bootstrap key was found, not made again");
        hashes.Select(k => k.Hash).Should().Contain(Factory.Hasher.Hash(Legacy)).And.NotContain([hash, bootstrapHash]);
        var ring = await Factory.QueryAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync());
        ring.Should().NotBeEmpty().And.OnlyContain(
            xml => xml.Contains("encryptedSecret") && !xml.Contains("requiresEncryption"), "no master key in clear");
        var bootstrapKeyed = Factory.Hasher.Hash(CatalogApiFactory.WriteKey);
        var sealedBootstrap = await Factory.QueryAsync(
            db => db.ApiKeys.AsNoTracking().SingleAsync(k => k.Hash == bootstrapKeyed));
        upgraded.Services.GetRequiredService<ApiKeySecrets>().ConsumerSecretOf(sealedBootstrap)
            .Should().Be("cs_" + CatalogApiFactory.WriteKey, "the keys sealed under the ring open as before");
    }

    /// <summary>
    /// Data Protection's key ring, kept in the database beside the sealed keys, is encrypted under the hash secret
    /// (ADR 20): no master key is stored in clear, and another secret cannot open a sealed key.
    /// </summary>
    [Fact]
    public async Task Seal_OfAKey_KeepsNoMasterKeyInClearAndOpensOnlyUnderTheSecret()
    {
        var key = await Factory.CreateKeyAsync(Scopes.Read);
        var keyed = Factory.Hasher.Hash(key);
        var stored = await Factory.QueryAsync(db => db.ApiKeys.AsNoTracking().SingleAsync(k => k.Hash == keyed));
        var ring = await Factory.QueryAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync());
        var other = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await using var wrong = Factory.WithWebHostBuilder(host => host
            .UseSetting("Catalog:Auth:HashKey", other).UseSetting("Catalog:Auth:BootstrapKey", string.Empty));

        ring.Should().NotBeEmpty().And.OnlyContain(
            xml => xml.Contains("encryptedSecret") && !xml.Contains("requiresEncryption"), "no master key in clear");
        Factory.Services.GetRequiredService<ApiKeySecrets>().ConsumerSecretOf(stored).Should().Be("cs_" + key);
        wrong.Services.GetRequiredService<ApiKeySecrets>().ConsumerSecretOf(stored).Should().BeNull();
    }

    /// <summary>
    /// What is stored for a key is an HMAC under the hash secret (ADR 20), not its SHA-256: an instance given another
    /// secret computes another value for the same key, and refuses it; the right secret still takes it.
    /// </summary>
    [Fact]
    public async Task Start_WithAnotherHashKey_RefusesKeysStoredUnderTheFirst()
    {
        var key = await Factory.CreateKeyAsync(Scopes.Read);
        var stored = Factory.Hasher.Hash(key);
        var other = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

        // No bootstrap key there: under its secret the configured one would be stored again, as a new key.
        await using var wrong = Factory.WithWebHostBuilder(host => host
            .UseSetting("Catalog:Auth:HashKey", other).UseSetting("Catalog:Auth:BootstrapKey", string.Empty));
        using var refused = Authorized(wrong.CreateClient(), "Bearer", key);
        using var accepted = Factory.CreateClientWithKey(key);
        var withOther = await GetAsync("/api/v1/products", refused);
        var withFirst = await GetAsync("/api/v1/products", accepted);

        withOther.Status.Should().Be(401, withOther.Body.Text());
        withFirst.Status.Should().Be(200, withFirst.Body.Text());
        (await Factory.QueryAsync(db => db.ApiKeys.CountAsync(k => k.Hash == stored))).Should().Be(1);
        stored.Should().StartWith(ApiKeyHasher.Marker).And.NotContain(CatalogApiFactory.LegacyHash(key));
        wrong.Services.GetRequiredService<ApiKeyHasher>().Hash(key).Should().NotBe(stored);
    }

    /// <summary>Puts the key ring back as releases before ADR 20 kept it: each master key in clear.</summary>
    private async Task DecryptKeyRingAsync(CatalogDbContext db)
    {
        XNamespace dataProtection = "http://schemas.asp.net/2015/03/dataProtection";
        var decryptor = new KeyRingDecryptor(Factory.Services);
        foreach (var row in await db.DataProtectionKeys.ToListAsync())
        {
            var xml = XElement.Parse(row.Xml!);
            foreach (var secret in xml.Descendants(dataProtection + "encryptedSecret").ToList())
            {
                secret.ReplaceWith(decryptor.Decrypt(secret.Elements().Single()));
            }

            row.Xml = xml.ToString(SaveOptions.DisableFormatting);
        }

        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }

    private static HttpClient Authorized(HttpClient client, string scheme, string credentials)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(scheme, credentials);
        return client;
    }

    private static string Basic(string user, string password) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));

    private static object WriteBodyOf(string family) => family switch
    {
        "canonical" or "canonical async job" => Batch.Create(new ProductBuilder()),
        "woocommerce" or "wholesale suite" => new { create = new[] { new { name = "Intruder", type = "simple" } } },
        "medusa" => new { create = new[] { new { title = "Intruder" } } },
        "trade" => new { updates = new[] { new { id = 1, title = "Intruder" } } },
        "process" => new[] { new { sku = "INTRUDER", title = "Intruder" } },
        "operation list" => new { operations = Array.Empty<object>() },
        "admin" => new { name = "intruder", scopes = new[] { Scopes.Admin } },
        _ => new { },
    };

    private HttpClient WooClient(string consumerKey, string consumerSecret)
    {
        var client = Factory.CreateClientWithKey(null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{consumerKey}:{consumerSecret}")));
        return client;
    }

    private HttpClient MedusaClient(string key)
    {
        var client = Factory.CreateClientWithKey(null);
        client.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(key + ":")));
        return client;
    }
}

public sealed class ApiKeysApiTestsOnSqlite(SqliteApiFactory f) : ApiKeysApiTests(f), IClassFixture<SqliteApiFactory>;

public sealed class ApiKeysApiTestsOnPostgres(PostgresApiFactory f)
    : ApiKeysApiTests(f), IClassFixture<PostgresApiFactory>;
