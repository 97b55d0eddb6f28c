using System.Diagnostics;
using Catalog.Testing;

namespace Catalog.Api.Tests.RateLimiting;

/// <summary>A lockout lasts until its window ends (here one second); then wrong credentials are 401s again.</summary>
public abstract class FailedAuthenticationWindowTests(CatalogApiFactory factory) : RateLimitingApiTest(factory)
{
    [Fact]
    public async Task WrongCredentials_AfterTheWindow_Answer401Again()
    {
        using var client = ClientFrom(NewAddress());
        for (var n = 0; n < 5; n++)
        {
            (await RequestAsync(client, CanonicalRoute, Bearer($"cat_guess-{n}"))).Status.Should().Be(401);
        }

        var locked = await RequestAsync(client, CanonicalRoute, Bearer("cat_guess-locked"));
        locked.Status.Should().Be(429);
        locked.RetryAfter.Should().Be(1);

        var clock = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(locked.RetryAfter!.Value));
        var after = await RequestAsync(client, CanonicalRoute, Bearer("cat_guess-after"));
        while (after.Status == 429 && clock.Elapsed < TimeSpan.FromSeconds(5))
        {
            // The limiter turns its windows over on a timer of its own; give it a moment past Retry-After.
            await Task.Delay(100);
            after = await RequestAsync(client, CanonicalRoute, Bearer("cat_guess-after"));
        }

        after.Status.Should().Be(401, after.Body.Text());
        after.Body.Str("code").Should().Be("UNAUTHORIZED");
    }
}

public sealed class FailedAuthenticationWindowTestsOnSqlite(ShortWindowSqliteFactory f)
    : FailedAuthenticationWindowTests(f), IClassFixture<ShortWindowSqliteFactory>;

public sealed class FailedAuthenticationWindowTestsOnPostgres(ShortWindowPostgresFactory f)
    : FailedAuthenticationWindowTests(f), IClassFixture<ShortWindowPostgresFactory>;
