using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Catalog.Infrastructure.Auth;
using Catalog.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

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
        body.Str("consumer_key")![3..].Should().NotBe(ApiKeyService.Hash(key)[..40]);
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
            text.Should().NotContain(key[8..]).And.NotContain(ApiKeyService.Hash(key))
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
    /// A key stored by the previous release (SHA-256 hash, a 12-character prefix, no consumer key column, not sealed)
    /// still authenticates after the upgrade, by Bearer and by WooCommerce Basic with the consumer key it was given
    /// (the first 40 hex digits of its hash); the prefix no longer keeps any of it.
    /// </summary>
    [Fact]
    public async Task Upgrade_OfAKeyStoredByThePreviousRelease_StillAuthenticatesByBearerAndWooBasic()
    {
        const string Legacy = "my-secret-key";
        var hash = ApiKeyService.Hash(Legacy);
        await Factory.QueryAsync(async db =>
        {
            var migrations = db.Database.GetMigrations().ToList();
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(migrations[^2]);
            await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO api_keys (name, prefix, hash, scopes, created_at)
                VALUES ('first-run', {Legacy[..12]}, {hash}, 'catalog:read catalog:write', {DateTimeOffset.UtcNow})
                """);
            await migrator.MigrateAsync();
            return 0;
        });

        using var bearer = Factory.CreateClientWithKey(Legacy);
        using var woo = WooClient("ck_" + hash[..40], "cs_" + Legacy);
        var canonical = await GetAsync("/api/v1/products", bearer);
        var wordPress = await GetAsync(WooProducts, woo);
        var listed = await GetAsync(Keys, bearer);

        canonical.Status.Should().Be(200, canonical.Body.Text());
        wordPress.Status.Should().Be(200, wordPress.Body.Text());
        listed.Status.Should().Be(200, "the first-run key is the operator's and may manage keys");
        var stored = listed.Body.Arr("items").Single(k => k.Str("consumer_key") == "ck_" + hash[..40]);
        stored.Str("prefix").Should().BeEmpty();
        stored.Arr("scopes").Select(s => s!.GetValue<string>()).Should().Contain(Scopes.Admin);
    }

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
