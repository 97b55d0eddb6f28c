using Catalog.Api.Auth;
using Catalog.Application.Common.Mediator;
using Catalog.Application.Products.Queries;
using Catalog.Application.Variants;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Catalog.Api.V1.Products;

[ApiController]
[Route("api/v1/variants")]
[Produces("application/json")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, "application/problem+json")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
public sealed class VariantsController(ISender sender) : ControllerBase
{
    /// <summary>One variant with its prices.</summary>
    [HttpGet("{id:long}")]
    [Authorize(Policy = CatalogPolicies.Read)]
    [ProducesResponseType<VariantDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public Task<VariantDto> Get(long id, CancellationToken cancellationToken) => sender.Send(new GetVariant(id), cancellationToken);
}
