using System.Diagnostics;
using Catalog.Testing;

namespace Catalog.Api.Tests.RateLimiting;

/// <summary>A lockout lasts until its window ends (here two seconds); then wrong credentials are 401s again.</summary>
public abstract class FailedAuthenticationWindowTests(CatalogApiFactory factory) : RateLimitingApiTest(factory)
{
    [Fact]
    public async Task WrongCredentials_AfterTheWindow_Answer401Again()
    {
        using var client = ClientFrom(NewAddress());
        var guesses = new List<Answer>();
        do
        {
            // On a busy machine five guesses can outlast a window, which then starts again: guess until locked out.
            guesses.Add(await RequestAsync(client, CanonicalRoute, Bearer($"cat_guess-{guesses.Count}")));
        }
        while (guesses[^1].Status == 401 && guesses.Count < 50);

        var locked = guesses[^1];
        locked.Status.Should().Be(429, locked.Body.Text());
        locked.RetryAfter.Should().Be(2);

        var clock = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(locked.RetryAfter!.Value));
        var after = await RequestAsync(client, CanonicalRoute, Bearer("cat_guess-after"));
        while (after.Status == 429 && clock.Elapsed < TimeSpan.FromSeconds(6))
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
