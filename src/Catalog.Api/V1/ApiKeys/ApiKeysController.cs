using Catalog.Application.ApiKeys.Commands;
using Catalog.Application.ApiKeys.Queries;

namespace Catalog.Api.V1.ApiKeys;

/// <summary>
/// API keys as a managed resource, for keys with the <c>catalog:admin</c> scope: issue, list, read, rotate and revoke;
/// and <c>me</c>, which any key may read. A key's secret is answered once, when it is issued or rotated.
/// </summary>
/// <remarks>The actions are in the order Swagger UI's examples run them: rotate before revoke.</remarks>
[Route("api/v1/api-keys")]
public sealed class ApiKeysController(ISender sender) : V1Controller
{
    /// <summary>Issues a key with the given name and scopes; the answer is the only one to carry its secret.</summary>
    [HttpPost]
    [Authorize(Policy = CatalogPolicies.Admin)]
    [ProducesResponseType<IssuedApiKeyResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<ActionResult<IssuedApiKeyResponse>> Create(
        CreateApiKeyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var issued = IssuedApiKeyResponse.From(await sender.Send(request.ToCommand(), cancellationToken));
        return CreatedAtAction(nameof(Get), new { id = issued.Id }, issued);
    }

    /// <summary>Every key, revoked ones included, oldest first; never a secret or a hash.</summary>
    [HttpGet]
    [Authorize(Policy = CatalogPolicies.Admin)]
    [ProducesResponseType<ApiKeyListResponse>(StatusCodes.Status200OK)]
    public async Task<ApiKeyListResponse> List(CancellationToken cancellationToken) =>
        new([.. (await sender.Send(new ListApiKeys(), cancellationToken)).Select(ApiKeyResponse.From)]);

    /// <summary>
    /// The key that sends this request, whatever its scopes: how a client that holds only its key learns its
    /// WooCommerce consumer key, which is drawn at random and so cannot be worked out from the key.
    /// </summary>
    [HttpGet("me")]
    [Authorize]
    [ProducesResponseType<ApiKeyResponse>(StatusCodes.Status200OK)]
    public async Task<ApiKeyResponse> Me(CancellationToken cancellationToken)
    {
        var id = ApiKeyAuthenticationHandler.KeyIdOf(User)!.Value;
        return ApiKeyResponse.From(await sender.Send(new GetApiKey(id), cancellationToken));
    }

    /// <summary>
    /// Gives an active key a new secret and a new consumer key, keeping its id, name and scopes; the old secret stops
    /// working at once.
    /// </summary>
    [HttpPost("{id:long}/rotate")]
    [Authorize(Policy = CatalogPolicies.Admin)]
    [ProducesResponseType<IssuedApiKeyResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<IssuedApiKeyResponse> Rotate(long id, CancellationToken cancellationToken) =>
        IssuedApiKeyResponse.From(await sender.Send(new RotateApiKey(id), cancellationToken));

    /// <summary>One key, without its secret.</summary>
    [HttpGet("{id:long}")]
    [Authorize(Policy = CatalogPolicies.Admin)]
    [ProducesResponseType<ApiKeyResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ApiKeyResponse> Get(long id, CancellationToken cancellationToken) =>
        ApiKeyResponse.From(await sender.Send(new GetApiKey(id), cancellationToken));

    /// <summary>Revokes a key: every route refuses it from the next request. Again changes nothing.</summary>
    [HttpDelete("{id:long}")]
    [Authorize(Policy = CatalogPolicies.Admin)]
    [ProducesResponseType<ApiKeyResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ApiKeyResponse> Revoke(long id, CancellationToken cancellationToken) =>
        ApiKeyResponse.From(await sender.Send(new RevokeApiKey(id), cancellationToken));
}
