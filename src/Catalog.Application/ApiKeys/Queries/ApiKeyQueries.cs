using Catalog.Application.Common.Exceptions;

namespace Catalog.Application.ApiKeys.Queries;

/// <summary>Every key, revoked ones included, oldest first.</summary>
public sealed record ListApiKeys : IRequest<IReadOnlyList<ApiKeyDto>>;

public sealed record GetApiKey(long Id) : IRequest<ApiKeyDto>;

internal sealed class ListApiKeysHandler(IApiKeyRegistry keys) : IRequestHandler<ListApiKeys, IReadOnlyList<ApiKeyDto>>
{
    public async ValueTask<IReadOnlyList<ApiKeyDto>> Handle(ListApiKeys request, CancellationToken cancellationToken) =>
        await keys.ListAsync(cancellationToken);
}

internal sealed class GetApiKeyHandler(IApiKeyRegistry keys) : IRequestHandler<GetApiKey, ApiKeyDto>
{
    public async ValueTask<ApiKeyDto> Handle(GetApiKey request, CancellationToken cancellationToken) =>
        await keys.FindAsync(request.Id, cancellationToken) ?? throw new NotFoundException("API key", request.Id);
}
