using Catalog.Application.Common.Behaviours;
using Catalog.Application.Common.Exceptions;
using Catalog.Application.Common.Models;
using Catalog.Application.Tests.Common.Batches;
using Catalog.Application.WholesaleRoles;
using Catalog.Application.WholesaleRoles.Queries;
using Catalog.Domain.Wholesale;
using Mediator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Catalog.Application.Tests.Common;

/// <summary>Requests run through Mediator's generated pipeline: logging with timing, then validation.</summary>
public sealed class MediatorPipelineTests
{
    private readonly CountingRoleStore store = new();
    private readonly RecordingLogger<LoggingBehaviour<ListWholesaleRoles, Page<WholesaleRoleDto>>> log = new();

    [Fact]
    public async Task Send_ValidRequest_ReachesTheHandlerAndIsLoggedWithItsTiming()
    {
        var page = await Send(new ListWholesaleRoles(Limit: 10));

        page.Limit.Should().Be(10);
        store.Lists.Should().Be(1);
        log.Messages.Should().ContainSingle().Which.Should().MatchRegex(@"^ListWholesaleRoles handled in \d+\.\d ms$");
    }

    [Fact]
    public async Task Send_RefusedRequest_NeverReachesTheHandlerAndIsLoggedAsFailedBecauseLoggingWrapsValidation()
    {
        var send = () => Send(new ListWholesaleRoles(Limit: 0));

        (await send.Should().ThrowAsync<RequestValidationException>()).Which.Errors.Should().ContainSingle()
            .Which.Field.Should().Be("limit");
        store.Lists.Should().Be(0);
        log.Entries.Should().ContainSingle().Which.Level.Should().Be(LogLevel.Warning);
        log.Messages.Single().Should().MatchRegex(
            @"^ListWholesaleRoles failed after \d+\.\d ms with RequestValidationException$");
    }

    private async Task<Page<WholesaleRoleDto>> Send(ListWholesaleRoles request)
    {
        var services = new ServiceCollection()
            .AddApplication(new ConfigurationBuilder().Build())
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton<IWholesaleRoleStore>(store)
            .AddSingleton<ILogger<LoggingBehaviour<ListWholesaleRoles, Page<WholesaleRoleDto>>>>(log);
        await using var provider = services.BuildServiceProvider(validateScopes: true);
        await using var scope = provider.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(request);
    }

    private sealed class CountingRoleStore : IWholesaleRoleStore
    {
        public int Lists { get; private set; }

        public Task<Page<WholesaleRole>> ListAsync(int limit, int offset, CancellationToken cancellationToken)
        {
            Lists++;
            return Task.FromResult(new Page<WholesaleRole>([], 0, limit, offset));
        }

        public Task<IReadOnlyList<WholesaleRole>> GetManyAsync(
            IReadOnlyCollection<long> ids, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyDictionary<string, long>> FindKeysAsync(
            IReadOnlyCollection<string> keys, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlySet<string>> FindKeysInUseAsync(
            IReadOnlyCollection<string> keys, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
