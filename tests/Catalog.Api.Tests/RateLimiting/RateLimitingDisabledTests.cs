using Catalog.Testing;

namespace Catalog.Api.Tests.RateLimiting;

/// <summary><c>Catalog:RateLimits:Enabled=false</c>: limits of one are set, and nothing is refused.</summary>
public abstract class RateLimitingDisabledTests(CatalogApiFactory factory) : RateLimitingApiTest(factory)
{
    [Fact]
    public async Task Requests_WithTheLimiterOff_AllGetThrough()
    {
        var key = await NewKeyAsync();
        using var client = ClientFrom(NewAddress());
        var wrong = new List<int>();
        var valid = new List<int>();

        for (var n = 0; n < 30; n++)
        {
            var (url, credential) = WrongCredential(n);
            wrong.Add((await RequestAsync(client, url, credential)).Status);
        }

        for (var n = 0; n < 10; n++)
        {
            valid.Add((await RequestAsync(client, CanonicalRoute, Bearer(key))).Status);
        }

        wrong.Should().AllSatisfy(s => s.Should().Be(401));
        valid.Should().AllSatisfy(s => s.Should().Be(200));
    }
}

public sealed class RateLimitingDisabledTestsOnSqlite(LimitsOffSqliteFactory f)
    : RateLimitingDisabledTests(f), IClassFixture<LimitsOffSqliteFactory>;

public sealed class RateLimitingDisabledTestsOnPostgres(LimitsOffPostgresFactory f)
    : RateLimitingDisabledTests(f), IClassFixture<LimitsOffPostgresFactory>;
