using Catalog.Testing;

namespace Catalog.Api.Tests.RateLimiting;

/// <summary>
/// A key that sends more than its bucket holds (<see cref="RateLimitSettings.Burst"/>, then one a second) gets 429 with
/// <c>Retry-After</c> on every route family it uses, in that family's shape; other keys are served as before.
/// </summary>
public abstract class PerKeyLimitTests(CatalogApiFactory factory) : RateLimitingApiTest(factory)
{
    [Fact]
    public async Task Key_OverItsLimit_Answers429InTheRouteShapeAndAnotherKeyIsServed()
    {
        var busy = await NewKeyAsync();
        var other = await NewKeyAsync();
        using var client = ClientFrom(NewAddress());
        var burst = new List<Answer>();
        for (var n = 0; n < RateLimitSettings.Burst; n++)
        {
            burst.Add(await RequestAsync(client, CanonicalRoute, Bearer(busy)));
        }

        var canonical = await FirstRefusedAsync(client, CanonicalRoute, Bearer(busy));
        var medusa = await FirstRefusedAsync(client, MedusaRoute, Basic(busy));
        var otherKey = await RequestAsync(client, CanonicalRoute, Bearer(other));

        burst.Select(a => a.Status).Should().AllBeEquivalentTo(200);
        canonical.RetryAfter.Should().Be(1);
        canonical.Body.Str("code").Should().Be("RATE_LIMITED");
        canonical.Body.Num("status").Should().Be(429);
        medusa.RetryAfter.Should().Be(1);
        medusa.Body.Str("type").Should().Be("not_allowed");
        otherKey.Status.Should().Be(200, otherKey.Body.Text());
    }

    /// <summary>
    /// The first 429 of a few requests: the bucket gains a token each second, so one request may still pass.
    /// </summary>
    private static async Task<Answer> FirstRefusedAsync(
        HttpClient client, string url, System.Net.Http.Headers.AuthenticationHeaderValue credential)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var answer = await RequestAsync(client, url, credential);
            if (answer.Status != 200)
            {
                answer.Status.Should().Be(429, answer.Body.Text());
                return answer;
            }
        }

        throw new Xunit.Sdk.XunitException($"{url} answered 200 five times to a key over its limit.");
    }
}

public sealed class PerKeyLimitTestsOnSqlite(TightKeysSqliteFactory f)
    : PerKeyLimitTests(f), IClassFixture<TightKeysSqliteFactory>;

public sealed class PerKeyLimitTestsOnPostgres(TightKeysPostgresFactory f)
    : PerKeyLimitTests(f), IClassFixture<TightKeysPostgresFactory>;
