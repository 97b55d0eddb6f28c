using Catalog.Api.Idempotency;
using Catalog.Application.Attributes;
using Catalog.Application.Attributes.Commands.BatchAttributes;
using Catalog.Application.Attributes.Queries;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Catalog.Api.Dialects.WooCommerce;

/// <summary>
/// WooCommerce's <c>/products/attributes/{attribute_id}/terms</c>: an attribute's values. Every write is one
/// canonical attribute update carrying the whole value list (see <see cref="WooTermEdits"/>).
/// </summary>
[ApiController]
[Route("wp-json/wc/v3/products/attributes/{attributeId:long}/terms")]
[Produces("application/json")]
[WooCommerceErrors]
[ProducesResponseType<WooError>(StatusCodes.Status400BadRequest)]
[ProducesResponseType<WooError>(StatusCodes.Status401Unauthorized)]
[ProducesResponseType<WooError>(StatusCodes.Status404NotFound)]
[Idempotent]
public sealed class WooCommerceAttributeTermsController(ISender sender, IOptions<WooCommerceOptions> settings)
    : ControllerBase
{
    // A concurrent writer of the same attribute moves its version: read again and replay, this many times at most.
    private const int Attempts = 3;
    private static readonly string[] Orderings =
        ["id", "include", "name", "slug", "term_group", "description", "count"];

    /// <summary>The attribute's terms with WooCommerce's paging headers; <c>search</c>, <c>slug</c>, order.</summary>
    [HttpGet]
    [Authorize(AuthenticationSchemes = WooCommerceAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Read)]
    [ProducesResponseType<IReadOnlyList<WooAttributeTerm>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> List(
        long attributeId,
        [FromQuery] string? search,
        [FromQuery] string? slug,
        CancellationToken cancellationToken,
        [FromQuery] string orderby = "name",
        [FromQuery] string order = "asc",
        [FromQuery] int page = 1,
        [FromQuery(Name = "per_page")] int perPage = 10)
    {
        var problems = WooBatchAnswers.PagingProblems(page, perPage);
        if (!Orderings.Contains(orderby))
        {
            problems.Add(("orderby", $"orderby is not one of {string.Join(", ", Orderings)}."));
        }

        if (order is not ("asc" or "desc"))
        {
            problems.Add(("order", "order is not one of asc and desc."));
        }

        if (problems.Count > 0)
        {
            return BadRequest(WooErrors.InvalidParams(problems));
        }

        if (await AttributeAsync(attributeId, cancellationToken) is not { } attribute)
        {
            return NotFound(TaxonomyInvalid);
        }

        var terms = attribute.Values
            .Where(v => string.IsNullOrEmpty(slug) || v.Slug == slug)
            .Where(v => string.IsNullOrEmpty(search)
                || v.Name.Contains(search, StringComparison.OrdinalIgnoreCase)
                || v.Slug.Contains(search, StringComparison.OrdinalIgnoreCase));
        Func<AttributeValueDto, string> key = orderby switch
        {
            "slug" => v => v.Slug,
            "description" => v => v.Description ?? string.Empty,
            _ => v => v.Name,
        };
        var sorted = orderby is "id" or "include" or "term_group" or "count"
            ? terms.OrderBy(v => v.Id).ToList()
            : [.. terms.OrderBy(key, StringComparer.OrdinalIgnoreCase).ThenBy(v => v.Id)];
        if (order == "desc")
        {
            sorted.Reverse();
        }

        WooBatchAnswers.Page(Response, sorted.Count, page, perPage);
        return Ok(sorted.Skip((page - 1) * perPage).Take(perPage).Select(Render).ToList());
    }

    /// <summary>One term; 404 <c>woocommerce_rest_term_invalid</c> when the attribute has none with this id.</summary>
    [HttpGet("{id:long}")]
    [Authorize(AuthenticationSchemes = WooCommerceAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Read)]
    [ProducesResponseType<WooAttributeTerm>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Get(long attributeId, long id, CancellationToken cancellationToken)
    {
        if (await AttributeAsync(attributeId, cancellationToken) is not { } attribute)
        {
            return NotFound(TaxonomyInvalid);
        }

        return attribute.Values.FirstOrDefault(v => v.Id == id) is { } term
            ? Ok(Render(term))
            : NotFound(WooErrors.TermInvalid);
    }

    /// <summary>Creates one term; 201 with the term, 400 <c>term_exists</c> when its name or slug is taken.</summary>
    [HttpPost]
    [Authorize(AuthenticationSchemes = WooCommerceAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Write)]
    [ProducesResponseType<WooAttributeTerm>(StatusCodes.Status201Created)]
    public Task<IActionResult> Create(
        long attributeId, WooAttributeTermInput input, CancellationToken cancellationToken) =>
        SingleAsync(
            attributeId, new(BatchOperation.Create, 0, input), StatusCodes.Status201Created, cancellationToken);

    /// <summary>Updates one term; 404 <c>woocommerce_rest_term_invalid</c> when there is none.</summary>
    [HttpPost("{id:long}")]
    [HttpPut("{id:long}")]
    [HttpPatch("{id:long}")]
    [Authorize(AuthenticationSchemes = WooCommerceAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Write)]
    [ProducesResponseType<WooAttributeTerm>(StatusCodes.Status200OK)]
    public Task<IActionResult> Update(
        long attributeId,
        long id,
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] WooAttributeTermInput? input,
        CancellationToken cancellationToken) =>
        SingleAsync(
            attributeId,
            new(BatchOperation.Update, id, input ?? new WooAttributeTermInput()),
            StatusCodes.Status200OK,
            cancellationToken);

    /// <summary>Deletes one term with <c>force=true</c> and answers it as it was; without it 501.</summary>
    [HttpDelete("{id:long}")]
    [Authorize(AuthenticationSchemes = WooCommerceAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Write)]
    [ProducesResponseType<WooAttributeTerm>(StatusCodes.Status200OK)]
    [ProducesResponseType<WooError>(StatusCodes.Status501NotImplemented)]
    public async Task<IActionResult> Delete(
        long attributeId, long id, [FromQuery] string? force, CancellationToken cancellationToken)
    {
        if (WooForce.Problem(force) is { } problem)
        {
            return BadRequest(problem);
        }

        if (WooForce.IsSet(force))
        {
            return await SingleAsync(
                attributeId, new(BatchOperation.Delete, id, null), StatusCodes.Status200OK, cancellationToken);
        }

        // WordPress checks the term exists before it refuses to trash it.
        var found = await Get(attributeId, id, cancellationToken);
        return found is OkObjectResult ? WooForce.TaxonomyTrashNotSupported() : found;
    }

    /// <summary>Creates, then updates, then deletes terms of one attribute; a failed item answers in place.</summary>
    [HttpPost("batch")]
    [HttpPut("batch")]
    [HttpPatch("batch")]
    [Authorize(AuthenticationSchemes = WooCommerceAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Write)]
    [ProducesResponseType<WooBatchResponse<WooAttributeTerm>>(StatusCodes.Status200OK)]
    [ProducesResponseType<WooError>(StatusCodes.Status413PayloadTooLarge)]
    public async Task<IActionResult> Batch(
        long attributeId,
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] WooBatchRequest<WooAttributeTermInput>? request,
        CancellationToken cancellationToken)
    {
        if (request is not null && request.ItemCount > settings.Value.MaxBatchItems)
        {
            return WooBatchAnswers.TooLarge(settings.Value.MaxBatchItems);
        }

        if (request is null || request.ItemCount == 0)
        {
            return await AttributeAsync(attributeId, cancellationToken) is null
                ? NotFound(TaxonomyInvalid)
                : WooBatchAnswers.Empty();
        }

        var creates = request.Create ?? [];
        var updates = request.Update ?? [];
        var deletes = (request.Delete ?? []).Where(id => id != 0).ToList(); // WooCommerce skips 0.
        var operations = creates.Select(c => new WooTermOperation(BatchOperation.Create, 0, c))
            .Concat(updates.Select(u => new WooTermOperation(BatchOperation.Update, u.Id ?? 0, u)))
            .Concat(deletes.Select(id => new WooTermOperation(BatchOperation.Delete, id, null)))
            .ToList();
        if (await ApplyAsync(attributeId, operations, cancellationToken) is not { } answers)
        {
            return NotFound(TaxonomyInvalid);
        }

        IReadOnlyList<WooBatchEntry<WooAttributeTerm>>? Entries(int from, int count) =>
            count == 0 ? null : [.. answers.Skip(from).Take(count).Select((a, i) => Entry(a, operations[from + i]))];
        return Ok(new WooBatchResponse<WooAttributeTerm>
        {
            Create = Entries(0, creates.Count),
            Update = Entries(creates.Count, updates.Count),
            Delete = Entries(creates.Count + updates.Count, deletes.Count),
        });
    }

    private static WooError TaxonomyInvalid =>
        WooErrors.Of("woocommerce_rest_taxonomy_invalid", "Taxonomy does not exist.", StatusCodes.Status404NotFound);

    private static WooBatchEntry<WooAttributeTerm> Entry(OneOf answer, WooTermOperation operation) =>
        answer.Error is { } error
            ? new(null, new WooItemFailure(operation.Id, error))
            : new(answer.Term, null);

    private async Task<IActionResult> SingleAsync(
        long attributeId, WooTermOperation operation, int status, CancellationToken cancellationToken)
    {
        if (await ApplyAsync(attributeId, [operation], cancellationToken) is not [var answer])
        {
            return NotFound(TaxonomyInvalid);
        }

        return answer.Error is { } error
            ? new ObjectResult(error) { StatusCode = error.Data.Status }
            : new ObjectResult(answer.Term) { StatusCode = status };
    }

    /// <summary>
    /// Applies the operations in order as one canonical update of the attribute, made from its values as the engine
    /// reads them (ADR 15); null when there is no such attribute. An operation the engine refuses (a value it finds
    /// invalid) fails alone and the rest are sent again.
    /// </summary>
    private async Task<IReadOnlyList<OneOf>?> ApplyAsync(
        long attributeId, List<WooTermOperation> operations, CancellationToken cancellationToken)
    {
        var failed = new Dictionary<int, WooError>();
        for (var attempt = 1; ; attempt++)
        {
            WooTermEdits? edits = null;
            List<WooError?> errors = [];
            Resolution<AttributeUpdate> Resolve(int _, AttributeDto stored)
            {
                edits = new WooTermEdits(stored, operations, failed.Keys.ToHashSet());
                errors = [.. edits.Errors.Select((e, i) => failed.GetValueOrDefault(i) ?? e)];
                return edits.Changes && errors.Any(e => e is null)
                    ? Resolution<AttributeUpdate>.To(edits.Command())
                    : Resolution<AttributeUpdate>.Failed(NothingToWrite);
            }

            var command = new BatchAttributes([], [new AttributeUpdate { Id = attributeId }], []) { Resolve = Resolve };
            var result = (await sender.Send(command, cancellationToken)).Update[0];
            if (edits is null)
            {
                return null;
            }

            var attribute = edits.Attribute;
            if (ReferenceEquals(result.Error, NothingToWrite))
            {
                return Answers(operations, errors, attribute, attribute);
            }

            if (result is { Status: ItemStatus.Succeeded, Resource: { } written })
            {
                return Answers(operations, errors, attribute, written);
            }

            var error = result.Error!;
            var blamed = error.Details
                .Select(d => (Detail: d, Operation: ValueIndex(d.Field) is { } v ? edits.OperationOf(v) : null))
                .Where(b => b.Operation is not null)
                .ToList();
            if (error.Code == ErrorCodes.Conflict && attempt < Attempts)
            {
                continue;
            }

            var last = attempt >= Attempts + operations.Count;
            if (error.Code != ErrorCodes.ValidationFailed || blamed.Count == 0 || last)
            {
                return [.. errors.Select(e => new OneOf(null, e ?? Refused(error)))];
            }

            foreach (var group in blamed.GroupBy(b => b.Operation!.Value))
            {
                failed[group.Key] = WooErrors.InvalidParams(
                    [.. group.Select(b => (FieldOf(b.Detail.Field), b.Detail.Message))]);
            }
        }
    }

    /// <summary>Each operation's term (a deleted one as it was) or error, the written terms found by slug.</summary>
    private static List<OneOf> Answers(
        List<WooTermOperation> operations,
        List<WooError?> errors,
        AttributeDto before,
        AttributeDto after)
    {
        var answers = new List<OneOf>(operations.Count);
        var created = after.Values.Where(v => before.Values.All(b => b.Id != v.Id)).ToDictionary(v => v.Slug);
        for (var i = 0; i < operations.Count; i++)
        {
            var (operation, id, input) = operations[i];
            var term = errors[i] is not null ? null : operation switch
            {
                BatchOperation.Delete => before.Values.First(v => v.Id == id),
                BatchOperation.Create => created.GetValueOrDefault(
                    string.IsNullOrEmpty(input!.Slug) ? Catalog.Domain.Common.HandleFormat.FromText(input.Name!)
                        : input.Slug),
                _ => after.Values.First(v => v.Id == id),
            };
            answers.Add(new OneOf(term is null ? null : Render(term), errors[i]));
        }

        return answers;
    }

    private static WooError Refused(ItemError error) => error.Code switch
    {
        ErrorCodes.Conflict =>
            WooErrors.Of("woocommerce_rest_term_conflict", error.Message, StatusCodes.Status409Conflict),
        ErrorCodes.ValidationFailed => WooErrors.InvalidParams(
            [.. error.Details.Select(d => (FieldOf(d.Field), d.Message)).DefaultIfEmpty(("body", error.Message))]),
        _ => WooErrors.Bad($"woocommerce_rest_{error.Code.ToLowerInvariant()}", error.Message),
    };

    /// <summary>The n of a canonical field <c>values[n].x</c>.</summary>
    private static int? ValueIndex(string field) =>
        field.StartsWith("values[", StringComparison.Ordinal) && field.IndexOf(']', StringComparison.Ordinal) is > 7
            and var end && int.TryParse(field.AsSpan(7, end - 7), CultureInfo.InvariantCulture, out var index)
            ? index
            : null;

    private static string FieldOf(string canonical) =>
        canonical.IndexOf("].", StringComparison.Ordinal) is >= 0 and var dot ? canonical[(dot + 2)..] : canonical;

    private async Task<AttributeDto?> AttributeAsync(long attributeId, CancellationToken cancellationToken) =>
        await sender.Send(new GetAttributesByIds([attributeId]), cancellationToken) is [var attribute]
            ? attribute
            : null;

    /// <summary>What fails the canonical update when every operation was refused, or none changes anything.</summary>
    private static readonly ItemError NothingToWrite =
        ItemError.Of(ErrorCodes.ValidationFailed, "No term operation is left to write.");

    private static WooAttributeTerm Render(AttributeValueDto value) =>
        new(value.Id, value.Name, value.Slug, value.Description ?? string.Empty, value.MenuOrder, 0);

    /// <summary>One operation's answer: its term, or its error.</summary>
    private sealed record OneOf(WooAttributeTerm? Term, WooError? Error);
}
