using System.Text.Json.Nodes;
using Catalog.Application.Common.Batches;
using Catalog.Domain.Common;
using Catalog.Testing;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Api.Tests.Common;

/// <summary>The one exception handler: what it tells a client depends on what the request had already done.</summary>
public sealed class CatalogExceptionHandlerTests(SqliteApiFactory factory) : IClassFixture<SqliteApiFactory>
{
    [Fact]
    public async Task Handle_UnexpectedErrorBeforeAnyCommit_Answers500NothingWritten()
    {
        var (status, body) = await HandleAsync(new InvalidOperationException("boom"), committed: false);

        status.Should().Be(500);
        body!["code"]!.GetValue<string>().Should().Be("INTERNAL_ERROR");
        body["detail"]!.GetValue<string>().Should().StartWith("Nothing of this request was written");
    }

    [Fact]
    public async Task Handle_UnexpectedErrorAfterACommit_NeverClaimsNothingWasWritten()
    {
        var (status, body) = await HandleAsync(new InvalidOperationException("boom"), committed: true);

        status.Should().Be(500);
        body!["detail"]!.GetValue<string>().Should().NotContain("Nothing").And.Contain("committed");
    }

    [Fact]
    public async Task Handle_DomainRuleOutsideTheEngine_Answers400ValidationFailed()
    {
        var exception = new DomainRuleException("A price must not be negative.");

        var (status, body) = await HandleAsync(exception, committed: false);

        status.Should().Be(400);
        body!["code"]!.GetValue<string>().Should().Be("VALIDATION_FAILED");
        body["detail"]!.GetValue<string>().Should().Be("A price must not be negative.");
    }

    private async Task<(int Status, JsonNode? Body)> HandleAsync(Exception exception, bool committed)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        if (committed)
        {
            scope.ServiceProvider.GetRequiredService<RequestWrites>().MarkCommitted();
        }

        using var answer = new MemoryStream();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Response.Body = answer;
        var handler = scope.ServiceProvider.GetServices<IExceptionHandler>().Single();

        (await handler.TryHandleAsync(context, exception, CancellationToken.None)).Should().BeTrue();

        return (context.Response.StatusCode, JsonNode.Parse(answer.ToArray()));
    }
}
