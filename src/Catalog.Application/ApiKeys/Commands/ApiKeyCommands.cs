using Catalog.Application.Common.Exceptions;

namespace Catalog.Application.ApiKeys.Commands;

/// <summary>Issues a key with a name and scopes; its secret is in the answer and nowhere else.</summary>
public sealed record CreateApiKey(string Name, IReadOnlyList<string> Scopes) : IRequest<IssuedApiKey>
{
    public const int MaxNameLength = 100;
}

/// <summary>Gives an active key a new secret and consumer key; the old ones stop working at once.</summary>
public sealed record RotateApiKey(long Id) : IRequest<IssuedApiKey>;

/// <summary>Revokes a key: refused on every route from the next request. Again changes nothing.</summary>
public sealed record RevokeApiKey(long Id) : IRequest<ApiKeyDto>;

internal sealed class CreateApiKeyHandler(IApiKeyRegistry keys) : IRequestHandler<CreateApiKey, IssuedApiKey>
{
    public async ValueTask<IssuedApiKey> Handle(CreateApiKey request, CancellationToken cancellationToken)
    {
        var name = request.Name.Trim();
        var asked = request.Scopes.SelectMany(s => s.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet(StringComparer.Ordinal);
        List<FieldError> errors = [];
        if (name.Length is 0 or > CreateApiKey.MaxNameLength)
        {
            errors.Add(new("name", $"The name must be 1 to {CreateApiKey.MaxNameLength} characters."));
        }

        if (asked.Count == 0 || !asked.All(keys.KnownScopes.Contains))
        {
            errors.Add(new("scopes", $"Give one or more of {string.Join(", ", keys.KnownScopes)}."));
        }

        return errors.Count > 0
            ? throw new RequestValidationException(ErrorCodes.ValidationFailed, "The key cannot be issued.", errors)
            : await keys.CreateAsync(name, [.. keys.KnownScopes.Where(asked.Contains)], cancellationToken);
    }
}

internal sealed class RotateApiKeyHandler(IApiKeyRegistry keys) : IRequestHandler<RotateApiKey, IssuedApiKey>
{
    public async ValueTask<IssuedApiKey> Handle(RotateApiKey request, CancellationToken cancellationToken) =>
        await keys.RotateAsync(request.Id, cancellationToken)
            ?? throw new NotFoundException($"API key {request.Id} was not found, or it is revoked.");
}

internal sealed class RevokeApiKeyHandler(IApiKeyRegistry keys) : IRequestHandler<RevokeApiKey, ApiKeyDto>
{
    public async ValueTask<ApiKeyDto> Handle(RevokeApiKey request, CancellationToken cancellationToken) =>
        await keys.RevokeAsync(request.Id, cancellationToken) ?? throw new NotFoundException("API key", request.Id);
}
