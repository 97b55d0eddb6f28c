namespace Catalog.Api.RateLimiting;

/// <summary>Settings of the rate limits (<c>Catalog:RateLimits</c>); on by default, with generous limits.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Catalog:RateLimits";

    /// <summary>False: no limit per key and no lockout after failed authentications.</summary>
    public bool Enabled { get; set; } = true;

    public PerKeyLimit PerKey { get; set; } = new();

    public FailedAuthenticationLimit FailedAuthentication { get; set; } = new();
}

/// <summary>
/// A token bucket per API key: <see cref="Burst"/> requests at once, refilled by <see cref="PermitsPerSecond"/> each
/// second. The defaults are about what one small instance answers at best, so that one key is held back only when it
/// would keep the whole instance to itself for seconds: honest integrations, the tests and the benchmarks never meet
/// it.
/// </summary>
public sealed class PerKeyLimit
{
    public int PermitsPerSecond { get; set; } = 1000;

    public int Burst { get; set; } = 5000;
}

/// <summary>
/// How many failed authentications one client address may make in a <see cref="Window"/> before it is locked out for
/// the rest of that window.
/// </summary>
public sealed class FailedAuthenticationLimit
{
    public int Limit { get; set; } = 20;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
