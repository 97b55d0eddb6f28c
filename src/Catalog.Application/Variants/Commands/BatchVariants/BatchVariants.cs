using AutoMapper;
using Catalog.Application.Attributes;
using Catalog.Application.Common.Batches;
using Catalog.Application.Common.Exceptions;
using Catalog.Application.Common.Mediator;
using Catalog.Application.Products;
using Catalog.Application.WholesaleRoles;
using Catalog.Domain.Products;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace Catalog.Application.Variants.Commands.BatchVariants;

/// <summary>Create, update and delete the variants of one product in one request: creates first, then updates, then deletes.</summary>
public sealed record BatchVariants(
    long ProductId,
    IReadOnlyList<VariantCreate> Create,
    IReadOnlyList<VariantUpdate> Update,
    IReadOnlyList<long> Delete,
    BatchPolicy Policy = BatchPolicy.Partial) : IRequest<BatchResult<VariantDto>>, IBatchRequest
{
    public int ItemCount => Create.Count + Update.Count + Delete.Count;
}

public sealed class BatchVariantsValidator(IOptions<BatchOptions> options) : BatchRequestValidator<BatchVariants>(options);

internal sealed class BatchVariantsHandler(
    IProductStore products,
    IAttributeStore attributes,
    IWholesaleRoleStore roles,
    IIdAllocator idAllocator,
    IBatchWriter writer,
    IValidator<VariantCreate> createValidator,
    IValidator<VariantUpdate> updateValidator,
    TimeProvider clock,
    IMapper mapper) : IRequestHandler<BatchVariants, BatchResult<VariantDto>>
{
    public async Task<BatchResult<VariantDto>> Handle(BatchVariants request, CancellationToken cancellationToken)
    {
        var ledger = new BatchLedger<Variant>(request.Create.Count, request.Update.Select(u => u.Id), request.Delete);
        var items = new VariantBatchItems(ledger, request);

        ledger.ValidateItems(createValidator, request.Create, updateValidator, request.Update);
        ledger.FailRepeatedIds("Variant");
        items.FailRepeatedClaims();

        var loaded = await LoadAsync(request.ProductId, items, cancellationToken);
        items.CheckAgainst(loaded);

        var ids = await idAllocator.AllocateAsync(items.InsertCounts(), cancellationToken);
        items.Plan(loaded, ids, clock.GetUtcNow());

        return await BatchCompletion.CompleteAsync(ledger, request.Policy, writer, mapper.Map<VariantDto>, cancellationToken);
    }

    /// <summary>The product (with its variants) and everything the items refer to, in a fixed number of queries.</summary>
    private async Task<VariantBatchState> LoadAsync(long productId, VariantBatchItems items, CancellationToken cancellationToken)
    {
        var found = await products.GetManyAsync([productId], cancellationToken);
        var product = found.Count == 1 ? found[0] : throw new NotFoundException("Product", productId);
        var skus = items.ClaimedSkus();
        var valueIds = items.ReferencedAttributeValueIds();
        var roleKeys = items.ReferencedRoleKeys();
        return new VariantBatchState(
            product,
            product.Variants.ToDictionary(v => v.Id),
            skus.Count == 0 ? new Dictionary<string, SkuOwner>() : await products.FindSkusAsync(skus, cancellationToken),
            valueIds.Count == 0 ? new HashSet<long>() : await attributes.FindExistingValuesAsync(valueIds, cancellationToken),
            roleKeys.Count == 0 ? new HashSet<string>() : [.. (await roles.FindKeysAsync(roleKeys, cancellationToken)).Keys]);
    }
}

/// <summary>What a variant batch found in the database: the product, its variants by id, and the claimed SKUs and referenced values.</summary>
internal sealed record VariantBatchState(
    Product Product,
    IReadOnlyDictionary<long, Variant> Variants,
    IReadOnlyDictionary<string, SkuOwner> Skus,
    IReadOnlySet<long> AttributeValueIds,
    IReadOnlySet<string> RoleKeys);
