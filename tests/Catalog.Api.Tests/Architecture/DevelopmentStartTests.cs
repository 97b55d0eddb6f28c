using Catalog.Testing;
using Microsoft.AspNetCore.Hosting;

namespace Catalog.Api.Tests.Architecture;

/// <summary>
/// <c>dotnet run --project src/Catalog.Api</c> starts in Development (the launch profile), where the host checks at
/// start that every registered service can be built; the other tests run as "Testing", which does not.
/// </summary>
public sealed class DevelopmentStartTests
{
    [Fact]
    public async Task Program_InDevelopment_StartsAndAnswers()
    {
        await using var factory = new DevelopmentApiFactory();
        await factory.InitializeAsync();
        using var client = factory.CreateClientWithKey();

        using var response = await client.GetAsync(new Uri("/api/v1/products", UriKind.Relative));

        ((int)response.StatusCode).Should().Be(200);
    }

    private sealed class DevelopmentApiFactory : SqliteApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Development");
        }
    }
}
