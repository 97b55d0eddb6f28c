using Catalog.Application.Common.Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Application.Tests.Common;

public sealed class SenderTests
{
    private sealed record Ping(string Text) : IRequest<string>;

    private sealed class PingHandler(List<string> log) : IRequestHandler<Ping, string>
    {
        public Task<string> Handle(Ping request, CancellationToken cancellationToken)
        {
            log.Add("handler");
            return Task.FromResult(request.Text + "!");
        }
    }

    private sealed class Tag(List<string> log, string name) : IPipelineBehavior<Ping, string>
    {
        public async Task<string> Handle(Ping request, RequestHandlerDelegate<string> next, CancellationToken cancellationToken)
        {
            log.Add($"{name} before");
            var response = await next();
            log.Add($"{name} after");
            return response;
        }
    }

    [Fact]
    public async Task Send_WithBehaviours_RunsThemInRegistrationOrderAroundTheHandler()
    {
        var log = new List<string>();
        var services = new ServiceCollection()
            .AddSingleton(log)
            .AddTransient<IRequestHandler<Ping, string>, PingHandler>()
            .AddTransient<IPipelineBehavior<Ping, string>>(_ => new Tag(log, "outer"))
            .AddTransient<IPipelineBehavior<Ping, string>>(_ => new Tag(log, "inner"))
            .AddTransient<ISender, Sender>()
            .BuildServiceProvider();

        var response = await services.GetRequiredService<ISender>().Send(new Ping("hi"));

        response.Should().Be("hi!");
        log.Should().Equal("outer before", "inner before", "handler", "inner after", "outer after");
    }
}
