using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Catalog.Api.Tests.Dialects.Medusa;
using Catalog.Infrastructure.Auth;
using Catalog.Testing;

namespace Catalog.Api.Tests.Dialects.WooCommerce;

/// <summary>
/// The official WooCommerce client (<c>@woocommerce/woocommerce-rest-api</c>, from package.json), unchanged, against
/// Catalog on real loopback ports: over <c>http://</c> it signs with OAuth 1.0a (HMAC-SHA256), over <c>https://</c>
/// (a self-signed certificate made here) it sends HTTP Basic, or the credentials in the query with
/// <c>queryStringAuth</c>. A node script runs the integration's scenario and its failure cases (client/ folder); this
/// test then checks how the client authenticated, as the host recorded it.
/// </summary>
public sealed class WooCommerceClientTests : IAsyncLifetime, IDisposable
{
    private readonly int _port = TestEnvironment.FreePort();
    private readonly int _httpsPort = TestEnvironment.FreePort();
    private readonly X509Certificate2 _certificate = SelfSignedCertificate();
    private readonly RecordingApiFactory _factory;
    private readonly string _folder = Directory.CreateTempSubdirectory("woocommerce-client-").FullName;

    public WooCommerceClientTests()
    {
        _factory = new RecordingApiFactory { KestrelPort = _port, KestrelHttps = (_httpsPort, _certificate) };
    }

    public Task InitializeAsync() => _factory.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    public void Dispose()
    {
        _factory.Dispose();
        _certificate.Dispose();
    }

    [Fact]
    public async Task Client_OverHttp_SignsWithOAuthAndRunsTheScenario()
    {
        var output = await RunScenarioAsync($"http://127.0.0.1:{_port}", "oauth");

        output.Should().Contain("\"ok\":true");
        output.Should().Contain("create a tag, use it by id, list it, delete it");
        var writes = Recorded("POST", "/wp-json/wc/v3/products/batch");
        writes.Should().NotBeEmpty();
        writes.Should().OnlyContain(r => r.Authorization == null);
        var consumerKey = _factory.Credentials(CatalogApiFactory.WriteKey).ConsumerKey;
        writes.Should().Contain(r => r.QueryString.Contains("oauth_consumer_key=" + consumerKey, Ordinal));
        writes.Should().OnlyContain(r => r.QueryString.Contains("oauth_signature_method=HMAC-SHA256", Ordinal)
            && r.QueryString.Contains("oauth_signature=", Ordinal)
            && r.QueryString.Contains("oauth_nonce=", Ordinal));
    }

    [Fact]
    public async Task Client_OverHttps_SendsBasicAndRunsTheScenario()
    {
        var output = await RunScenarioAsync($"https://127.0.0.1:{_httpsPort}", "basic");

        output.Should().Contain("\"ok\":true");
        var pair = _factory.Credentials(CatalogApiFactory.WriteKey);
        var basic = "Basic "
            + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{pair.ConsumerKey}:{pair.ConsumerSecret}"));
        var writes = Recorded("POST", "/wp-json/wc/v3/products/batch");
        writes.Should().Contain(r => r.Authorization == basic);
        writes.Should().OnlyContain(
            r => r.Authorization!.StartsWith("Basic ", Ordinal) && r.QueryString == string.Empty);
    }

    [Fact]
    public async Task Client_OverHttpsWithQueryStringAuth_SendsQueryCredentialsAndRunsTheScenario()
    {
        var output = await RunScenarioAsync($"https://127.0.0.1:{_httpsPort}", "query");

        output.Should().Contain("\"ok\":true");
        var pair = _factory.Credentials(CatalogApiFactory.WriteKey);
        var writes = Recorded("POST", "/wp-json/wc/v3/products/batch");
        writes.Should().Contain(r => r.QueryString.Contains($"consumer_key={pair.ConsumerKey}&", Ordinal));
        writes.Should().OnlyContain(r => r.Authorization == null
            && r.QueryString.StartsWith("?consumer_key=ck_", Ordinal)
            && r.QueryString.Contains("&consumer_secret=cs_", Ordinal));
    }

    private const StringComparison Ordinal = StringComparison.Ordinal;

    private List<RecordedRequest> Recorded(string method, string path) =>
        [.. _factory.Recorded.Where(r => r.Method == method && r.Path == path)];

    private async Task<string> RunScenarioAsync(string baseUrl, string mode)
    {
        var root = TestEnvironment.RepositoryRoot();
        File.Exists(Path.Combine(root, "node_modules", "@woocommerce", "woocommerce-rest-api", "package.json"))
            .Should().BeTrue("the client comes from package.json: run `npm ci` at the repository root (.ci/run does)");
        var certificateFile = Path.Combine(_folder, "catalog.pem");
        await File.WriteAllTextAsync(certificateFile, _certificate.ExportCertificatePem());
        var settingsFile = Path.Combine(_folder, $"{mode}.json");
        await File.WriteAllTextAsync(settingsFile, new JsonObject
        {
            ["writer"] = Credentials(CatalogApiFactory.WriteKey),
            ["reader"] = Credentials(await _factory.CreateKeyAsync(Scopes.Read)),
            ["run"] = $"{mode}{Guid.NewGuid():N}"[..12],
            ["ca"] = certificateFile,
        }.ToJsonString());

        var script = Path.Combine(
            root, "tests", "Catalog.Api.Tests", "Dialects", "WooCommerce", "client", "woocommerce-client-scenario.cjs");
        var (exitCode, output, errors) = await TestEnvironment.RunAsync(
            "node", [script, baseUrl, mode, settingsFile], TimeSpan.FromMinutes(2));
        exitCode.Should().Be(0, $"the client script's assertions must hold:\n{output}{errors}");
        return output;
    }

    private JsonObject Credentials(string key)
    {
        var pair = _factory.Credentials(key);
        return new JsonObject { ["key"] = pair.ConsumerKey, ["secret"] = pair.ConsumerSecret };
    }

    /// <summary>A certificate for 127.0.0.1 that the script trusts as its own certificate authority.</summary>
    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(
            new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var certificate =
            request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }
}
