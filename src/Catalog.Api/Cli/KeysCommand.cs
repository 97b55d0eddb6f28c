using Catalog.Application;
using Catalog.Infrastructure;
using Catalog.Infrastructure.Auth;
using Catalog.Infrastructure.Persistence;

namespace Catalog.Api.Cli;

/// <summary>
/// <c>keys create|list|rotate|revoke</c>: manages API keys on the configured database (the same settings as the web
/// server: <c>Database:Provider</c>, <c>ConnectionStrings:Catalog</c>, the data folder, the API-key hash secret)
/// without starting it. Exit codes: 0 done, 1 no such key or a setting to fix (a sentence says which), 2 a usage
/// error.
/// </summary>
internal static class KeysCommand
{
    public const int Done = 0;
    public const int NotFound = 1;
    public const int UsageError = 2;

    /// <summary>A setting must be fixed first, as a server start with it would fail (exit code 1 there too).</summary>
    public const int Failed = 1;

    public const string Usage = "usage: Catalog.Api keys create --name <name> --scopes <scope>[,<scope>...]"
        + " | keys list | keys rotate <id> | keys revoke <id>";

    public static async Task<int> RunAsync(string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        switch (arguments)
        {
            case ["create", .. var options] when CreateOptions(options) is var (name, scopes):
                return await WithKeysAsync(keys => CreateAsync(keys, name, scopes));
            case ["list"]:
                return await WithKeysAsync(ListAsync);
            case ["rotate", var id] when long.TryParse(id, CultureInfo.InvariantCulture, out var rotated):
                return await WithKeysAsync(keys => RotateAsync(keys, rotated));
            case ["revoke", var id] when long.TryParse(id, CultureInfo.InvariantCulture, out var revoked):
                return await WithKeysAsync(keys => RevokeAsync(keys, revoked));
            default:
                await Console.Error.WriteLineAsync(Usage);
                await Console.Error.WriteLineAsync($"scopes: {string.Join(", ", Scopes.Known)}");
                return UsageError;
        }
    }

    /// <summary>The name and normalized scopes of <c>create</c>'s options, or null when they are not usable.</summary>
    private static (string Name, string Scopes)? CreateOptions(string[] options)
    {
        string? name = null;
        string? scopes = null;
        for (var i = 0; i + 1 < options.Length; i += 2)
        {
            switch (options[i])
            {
                case "--name":
                    name = options[i + 1].Trim();
                    break;
                case "--scopes":
                    scopes = Scopes.Normalize([options[i + 1]]);
                    break;
                default:
                    return null;
            }
        }

        const int MaxNameLength = Application.ApiKeys.Commands.CreateApiKey.MaxNameLength;
        return options.Length % 2 == 0 && name is { Length: > 0 and <= MaxNameLength } && scopes is not null
            ? (name, scopes)
            : null;
    }

    /// <summary>
    /// Runs one command on a migrated database, with the server's configuration and services but no server: the
    /// hosted services (the job worker, the first-run key) are never started.
    /// </summary>
    private static async Task<int> WithKeysAsync(Func<ApiKeyService, Task<int>> command)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });

        // Standard output carries the command's answer (a new key), so what the libraries log goes to standard error.
        builder.Logging.ClearProviders()
            .AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace)
            .SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddApplication(builder.Configuration);
        builder.Services.AddInfrastructure(
            builder.Configuration, Path.Combine(builder.Environment.ContentRootPath, "data"));
        await using var app = builder.Build();
        await using var scope = app.Services.CreateAsyncScope();
        try
        {
            await scope.ServiceProvider.MigrateDatabaseAsync();
        }
        catch (StartupFailureException failure)
        {
            // A setting to fix (the API-key hash secret, say): the sentence the server would log, and no stack trace.
            await Console.Error.WriteLineAsync(failure.Message);
            return Failed;
        }

        return await command(scope.ServiceProvider.GetRequiredService<ApiKeyService>());
    }

    private static async Task<int> CreateAsync(ApiKeyService keys, string name, string scopes)
    {
        Issued(await keys.CreateAsync(name, scopes, CancellationToken.None), "Created");
        return Done;
    }

    private static async Task<int> RotateAsync(ApiKeyService keys, long id)
    {
        if (await keys.RotateAsync(id, CancellationToken.None) is not { } issued)
        {
            await Console.Error.WriteLineAsync($"No active API key has the id {id}.");
            return NotFound;
        }

        Issued(issued, "Rotated");
        return Done;
    }

    private static async Task<int> RevokeAsync(ApiKeyService keys, long id)
    {
        if (await keys.RevokeAsync(id, CancellationToken.None) is not { } revoked)
        {
            await Console.Error.WriteLineAsync($"No API key has the id {id}.");
            return NotFound;
        }

        Console.WriteLine($"Revoked API key {revoked.Id} '{revoked.Name}'.");
        return Done;
    }

    private static async Task<int> ListAsync(ApiKeyService keys)
    {
        Console.WriteLine($"{"id",6}  {"name",-24} {"prefix",-8} {"consumer key",-43}  {"status",-8} scopes");
        foreach (var key in await keys.ListAsync(CancellationToken.None))
        {
            var status = key.RevokedAt is null ? "active" : "revoked";
            Console.WriteLine(
                $"{key.Id,6}  {key.Name,-24} {key.Prefix,-8} {key.ConsumerKey,-43}  {status,-8} {key.Scopes}");
        }

        return Done;
    }

    /// <summary>Prints a key once, with its WooCommerce pair; the key line holds the key alone, for scripts.</summary>
    private static void Issued(IssuedKey issued, string verb) =>
        Console.WriteLine(
            $"""
            {verb} API key {issued.Stored.Id} '{issued.Stored.Name}' with the scopes {issued.Stored.Scopes}:

            {issued.Key}

            Send it as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'. WooCommerce clients send
                consumer key    {issued.Credentials.ConsumerKey}
                consumer secret {issued.Credentials.ConsumerSecret}
            It is stored hashed and will not be shown again.
            """);
}
