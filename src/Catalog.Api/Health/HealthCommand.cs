namespace Catalog.Api.Health;

/// <summary>
/// <c>dotnet Catalog.Api.dll health [base-url]</c>: asks a running instance's <c>/health/ready</c> and exits 0 when it
/// is ready, 1 otherwise. It is the Dockerfile's <c>HEALTHCHECK</c>, since the ASP.NET runtime image has neither curl
/// nor wget. Without a base URL it asks where the instance listens, read as the host reads it (<c>--urls</c>,
/// <c>ASPNETCORE_URLS</c>, <c>ASPNETCORE_HTTP_PORTS</c>), on localhost.
/// </summary>
internal static class HealthCommand
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(string[] args)
    {
        var url = new Uri(BaseUrl(args), "health/ready");
        using var client = new HttpClient { Timeout = Timeout };
        try
        {
            using var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            await Console.Out.WriteLineAsync($"{url}: {(int)response.StatusCode} {body}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception failure) when (failure is HttpRequestException or TaskCanceledException)
        {
            await Console.Error.WriteLineAsync($"{url}: no answer ({failure.Message})");
            return 1;
        }
    }

    private static Uri BaseUrl(string[] args)
    {
        if (args is [var given, ..] && !given.StartsWith('-'))
        {
            return new Uri(given.EndsWith('/') ? given : given + "/");
        }

        var settings = new ConfigurationBuilder()
            .AddEnvironmentVariables("DOTNET_")
            .AddEnvironmentVariables("ASPNETCORE_")
            .AddCommandLine(args)
            .Build();
        if (settings["urls"] is { Length: > 0 } urls)
        {
            var listed = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var chosen = listed.FirstOrDefault(u => u.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
                ?? listed[0];
            var address = new UriBuilder(chosen.Replace("://+", "://localhost", StringComparison.Ordinal)
                .Replace("://*", "://localhost", StringComparison.Ordinal));
            if (address.Host is "0.0.0.0" or "[::]" or "::")
            {
                address.Host = "localhost";
            }

            address.Path = "/";
            return address.Uri;
        }

        var port = settings["http_ports"] is { Length: > 0 } ports ? ports.Split(';')[0].Trim() : "5000";
        return new Uri($"http://localhost:{port}/");
    }
}
