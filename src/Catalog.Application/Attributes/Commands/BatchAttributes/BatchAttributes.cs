using AutoMapper;
using Catalog.Application.Common.Batches;
using Catalog.Application.Common.Mediator;
using Catalog.Domain.Attributes;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace Catalog.Application.Attributes.Commands.BatchAttributes;

/// <summary>Create, update and delete global attributes (with their values) in one request: creates first, then updates, then deletes.</summary>
public sealed record BatchAttributes(
    IReadOnlyList<AttributeCreate> Create,
    IReadOnlyList<AttributeUpdate> Update,
    IReadOnlyList<long> Delete,
    BatchPolicy Policy = BatchPolicy.Partial) : IRequest<BatchResult<AttributeDto>>, IBatchRequest
{
    public int ItemCount => Create.Count + Update.Count + Delete.Count;
}

public sealed class BatchAttributesValidator(IOptions<BatchOptions> options) : BatchRequestValidator<BatchAttributes>(options);

internal sealed class BatchAttributesHandler(
    IAttributeStore attributes,
    IIdAllocator idAllocator,
    IBatchWriter writer,
    IValidator<AttributeCreate> createValidator,
    IValidator<AttributeUpdate> updateValidator,
    TimeProvider clock,
    IMapper mapper) : IRequestHandler<BatchAttributes, BatchResult<AttributeDto>>
{
    public async Task<BatchResult<AttributeDto>> Handle(BatchAttributes request, CancellationToken cancellationToken)
    {
        var ledger = new BatchLedger<ProductAttribute>(request.Create.Count, request.Update.Select(u => u.Id), request.Delete);
        var items = new AttributeBatchItems(ledger, request);

        ledger.ValidateItems(createValidator, request.Create, updateValidator, request.Update);
        ledger.FailRepeatedIds("Attribute");
        items.FailRepeatedClaims();

        var loaded = await LoadAsync(ledger.OpenTargetIds(), items, cancellationToken);
        items.CheckAgainst(loaded);

        var ids = await idAllocator.AllocateAsync(items.InsertCounts(), cancellationToken);
        items.Plan(loaded, ids, clock.GetUtcNow());

        return await BatchCompletion.CompleteAsync(ledger, request.Policy, writer, mapper.Map<AttributeDto>, cancellationToken);
    }

    /// <summary>Everything the batch refers to, in at most two queries whatever its size.</summary>
    private async Task<AttributeBatchState> LoadAsync(HashSet<long> attributeIds, AttributeBatchItems items, CancellationToken cancellationToken)
    {
        var slugs = items.ClaimedSlugs();
        return new AttributeBatchState(
            attributeIds.Count == 0 ? new Dictionary<long, ProductAttribute>() : (await attributes.GetManyAsync(attributeIds, cancellationToken)).ToDictionary(a => a.Id),
            slugs.Count == 0 ? new Dictionary<string, long>() : await attributes.FindSlugsAsync(slugs, cancellationToken));
    }
}

/// <summary>What an attribute batch found in the database: the attributes it names (with their values) and the slugs it claims.</summary>
internal sealed record AttributeBatchState(
    IReadOnlyDictionary<long, ProductAttribute> Attributes,
    IReadOnlyDictionary<string, long> Slugs);
