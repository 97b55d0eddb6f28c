using Catalog.Testing;

namespace Catalog.Api.Tests.RateLimiting;

/// <summary>
/// After <see cref="RateLimitSettings.FailureLimit"/> failed authentications, an address is locked out: every
/// authenticated route answers it 429 with <c>Retry-After</c>, in the route's shape, whatever it sends.
/// </summary>
public abstract class FailedAuthenticationsTests(CatalogApiFactory factory) : RateLimitingApiTest(factory)
{
    [Fact]
    public async Task WrongCredentials_AThousandFromOneAddress_EndIn429sWithRetryAfter()
    {
        using var attacker = ClientFrom(NewAddress());
        var answers = new List<(string Url, Answer Answer)>();

        for (var n = 0; n < 1000; n++)
        {
            var (url, credential) = WrongCredential(n);
            answers.Add((url, await RequestAsync(attacker, url, credential)));
        }

        answers.Take(RateLimitSettings.FailureLimit).Select(a => a.Answer.Status).Should().AllBeEquivalentTo(401);
        var locked = answers.Skip(RateLimitSettings.FailureLimit).ToList();
        locked.Select(a => a.Answer.Status).Should().AllBeEquivalentTo(429);
        locked.Select(a => a.Answer.RetryAfter).Should().AllSatisfy(s => s.Should().BeInRange(1, 60));
        var byRoute = locked.ToLookup(a => a.Url, a => a.Answer.Body);
        byRoute[CanonicalRoute].Should().AllSatisfy(b => b.Str("code").Should().Be("RATE_LIMITED"));
        byRoute[WooRoute].Should().AllSatisfy(b =>
        {
            b.Str("code").Should().Be("rest_rate_limited");
            b.Num("data.status").Should().Be(429);
        });
        byRoute[MedusaRoute].Should().AllSatisfy(b => b.Str("type").Should().Be("not_allowed"));
    }

    [Fact]
    public async Task ValidKey_FromALockedOutAddress_Answers429UntilTheWindowEnds()
    {
        var address = NewAddress();
        var key = await NewKeyAsync();
        using var client = ClientFrom(address);
        for (var n = 0; n < RateLimitSettings.FailureLimit; n++)
        {
            (await RequestAsync(client, CanonicalRoute, Bearer($"cat_guess-{n}"))).Status.Should().Be(401);
        }

        var valid = await RequestAsync(client, CanonicalRoute, Bearer(key));
        using var elsewhere = ClientFrom(NewAddress());
        var validElsewhere = await RequestAsync(elsewhere, CanonicalRoute, Bearer(key));
        var health = await RequestAsync(client, "/health");

        valid.Status.Should().Be(429, "a lockout lets no key through, or the one guess let through would be the key");
        valid.RetryAfter.Should().BeInRange(1, 60);
        valid.Body.Str("code").Should().Be("RATE_LIMITED");
        validElsewhere.Status.Should().Be(200, validElsewhere.Body.Text());
        health.Status.Should().Be(200, "public routes stay open to a locked-out address");
    }

    [Fact]
    public async Task SuccessfulAuthentications_BetweenFailures_DoNotResetTheCount()
    {
        var key = await NewKeyAsync();
        using var client = ClientFrom(NewAddress());
        var successes = new List<int>();
        var failures = new List<int>();

        for (var n = 0; n < RateLimitSettings.FailureLimit; n++)
        {
            successes.Add((await RequestAsync(client, MedusaRoute, Basic(key))).Status);
            failures.Add((await RequestAsync(client, CanonicalRoute, Bearer($"cat_guess-{n}"))).Status);
        }

        successes.Should().AllSatisfy(s => s.Should().Be(200));
        failures.Should().AllSatisfy(s => s.Should().Be(401));
        (await RequestAsync(client, CanonicalRoute, Bearer("cat_one-more-guess"))).Status.Should().Be(429);
    }

    [Fact]
    public async Task RequestsWithoutCredentials_ManyFromOneAddress_AreNotCountedAsFailures()
    {
        using var client = ClientFrom(NewAddress());

        for (var n = 0; n < 2 * RateLimitSettings.FailureLimit; n++)
        {
            (await RequestAsync(client, CanonicalRoute)).Status.Should().Be(401);
        }

        var valid = await RequestAsync(client, CanonicalRoute, Bearer(await NewKeyAsync()));
        valid.Status.Should().Be(200, valid.Body.Text());
    }
}

public sealed class FailedAuthenticationsTestsOnSqlite(LockoutSqliteFactory f)
    : FailedAuthenticationsTests(f), IClassFixture<LockoutSqliteFactory>;

public sealed class FailedAuthenticationsTestsOnPostgres(LockoutPostgresFactory f)
    : FailedAuthenticationsTests(f), IClassFixture<LockoutPostgresFactory>;
