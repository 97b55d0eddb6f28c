using Catalog.Application.Common.Exceptions;
using Catalog.Infrastructure.Auth;

namespace Catalog.Api.V1.ApiKeys;

/// <summary>
/// API keys as a managed resource, for keys with the <c>catalog:admin</c> scope: issue, list, read, rotate and revoke.
/// A key's secret is answered once, when it is issued or rotated.
/// </summary>
[Route("api/v1/api-keys")]
[Authorize(Policy = CatalogPolicies.Admin)]
public sealed class ApiKeysController(ApiKeyService keys) : V1Controller
{
    private const string Resource = "API key";

    /// <summary>Issues a key with the given name and scopes; the answer is the only one to carry its secret.</summary>
    [HttpPost]
    [ProducesResponseType<IssuedApiKeyResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<ActionResult<IssuedApiKeyResponse>> Create(
        CreateApiKeyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = request.Name.Trim();
        var scopes = Scopes.Normalize(request.Scopes);
        List<FieldError> errors = [];
        if (name.Length is 0 or > CreateApiKeyRequest.MaxNameLength)
        {
            errors.Add(new("name", $"The name must be 1 to {CreateApiKeyRequest.MaxNameLength} characters."));
        }

        if (scopes is null)
        {
            errors.Add(new("scopes", $"Give one or more of {string.Join(", ", Scopes.Known)}."));
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(ErrorCodes.ValidationFailed, "The key cannot be issued.", errors);
        }

        var issued = await keys.CreateAsync(name, scopes!, cancellationToken);
        return CreatedAtAction(nameof(Get), new { id = issued.Stored.Id }, IssuedApiKeyResponse.From(issued));
    }

    /// <summary>Every key, revoked ones included, oldest first; never a secret or a hash.</summary>
    [HttpGet]
    [ProducesResponseType<ApiKeyListResponse>(StatusCodes.Status200OK)]
    public async Task<ApiKeyListResponse> List(CancellationToken cancellationToken) =>
        new([.. (await keys.ListAsync(cancellationToken)).Select(ApiKeyResponse.From)]);

    /// <summary>One key, without its secret.</summary>
    [HttpGet("{id:long}")]
    [ProducesResponseType<ApiKeyResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ApiKeyResponse> Get(long id, CancellationToken cancellationToken) =>
        ApiKeyResponse.From(await keys.FindAsync(id, cancellationToken) ?? throw new NotFoundException(Resource, id));

    /// <summary>
    /// Gives an active key a new secret and a new consumer key, keeping its id, name and scopes; the old secret stops
    /// working at once.
    /// </summary>
    [HttpPost("{id:long}/rotate")]
    [ProducesResponseType<IssuedApiKeyResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<IssuedApiKeyResponse> Rotate(long id, CancellationToken cancellationToken) =>
        IssuedApiKeyResponse.From(await keys.RotateAsync(id, cancellationToken)
            ?? throw new NotFoundException($"{Resource} {id} was not found, or it is revoked."));

    /// <summary>Revokes a key: every route refuses it from the next request. Revoking it again changes nothing.</summary>
    [HttpDelete("{id:long}")]
    [ProducesResponseType<ApiKeyResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ApiKeyResponse> Revoke(long id, CancellationToken cancellationToken) =>
        ApiKeyResponse.From(await keys.RevokeAsync(id, cancellationToken) ?? throw new NotFoundException(Resource, id));
}
