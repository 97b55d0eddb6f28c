using AutoMapper;
using Catalog.Application.Attributes;
using Catalog.Application.Categories;
using Catalog.Application.Common.Batches;
using Catalog.Application.Common.Mediator;
using Catalog.Application.Variants;
using Catalog.Application.WholesaleRoles;
using Catalog.Domain.Products;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace Catalog.Application.Products.Commands.BatchProducts;

/// <summary>Create, update and delete products (with their variants) in one request: creates first, then updates, then deletes.</summary>
public sealed record BatchProducts(
    IReadOnlyList<ProductCreate> Create,
    IReadOnlyList<ProductUpdate> Update,
    IReadOnlyList<long> Delete,
    BatchPolicy Policy = BatchPolicy.Partial) : IRequest<BatchResult<ProductDto>>, IBatchRequest
{
    public int ItemCount => Create.Count + Update.Count + Delete.Count;
}

public sealed class BatchProductsValidator(IOptions<BatchOptions> options) : BatchRequestValidator<BatchProducts>(options);

internal sealed class BatchProductsHandler(
    IProductStore products,
    ICategoryStore categories,
    IAttributeStore attributes,
    IWholesaleRoleStore roles,
    IIdAllocator idAllocator,
    IBatchWriter writer,
    IValidator<ProductCreate> createValidator,
    IValidator<ProductUpdate> updateValidator,
    TimeProvider clock,
    IMapper mapper) : IRequestHandler<BatchProducts, BatchResult<ProductDto>>
{
    public async Task<BatchResult<ProductDto>> Handle(BatchProducts request, CancellationToken cancellationToken)
    {
        var ledger = new BatchLedger<Product>(request.Create.Count, request.Update.Select(u => u.Id), request.Delete);
        var items = new ProductBatchItems(ledger, request);

        ledger.ValidateItems(createValidator, request.Create, updateValidator, request.Update);
        ledger.FailRepeatedIds("Product");
        items.FailRepeatedClaims();

        var loaded = await LoadAsync(ledger.OpenTargetIds(), items, cancellationToken);
        items.CheckAgainst(loaded);

        var ids = await idAllocator.AllocateAsync(items.InsertCounts(loaded), cancellationToken);
        items.Plan(loaded, ids, clock.GetUtcNow());

        return await BatchCompletion.CompleteAsync(ledger, request.Policy, writer, mapper.Map<ProductDto>, cancellationToken);
    }

    /// <summary>Everything the batch refers to, in a fixed number of queries whatever its size.</summary>
    private async Task<ProductBatchState> LoadAsync(HashSet<long> productIds, ProductBatchItems items, CancellationToken cancellationToken)
    {
        var skus = items.ClaimedSkus();
        var handles = items.ClaimedHandles();
        var categoryIds = items.ReferencedCategoryIds();
        var attributeIds = items.ReferencedAttributeIds();
        var valueIds = items.ReferencedAttributeValueIds();
        var references = attributeIds.Count == 0 && valueIds.Count == 0
            ? new AttributeReferences(new HashSet<long>(), new HashSet<long>())
            : await attributes.FindReferencesAsync(attributeIds, valueIds, cancellationToken);
        var roleKeys = items.ReferencedRoleKeys();
        return new ProductBatchState(
            productIds.Count == 0 ? new Dictionary<long, Product>() : (await products.GetManyAsync(productIds, cancellationToken)).ToDictionary(p => p.Id),
            skus.Count == 0 ? new Dictionary<string, SkuOwner>() : await products.FindSkusAsync(skus, cancellationToken),
            handles.Count == 0 ? new Dictionary<string, long>() : await products.FindHandlesAsync(handles, cancellationToken),
            categoryIds.Count == 0 ? new HashSet<long>() : await categories.FindExistingAsync(categoryIds, cancellationToken),
            references.AttributeIds,
            references.ValueIds,
            roleKeys.Count == 0 ? new HashSet<string>() : [.. (await roles.FindKeysAsync(roleKeys, cancellationToken)).Keys]);
    }
}

/// <summary>What a product batch found in the database.</summary>
internal sealed record ProductBatchState(
    IReadOnlyDictionary<long, Product> Products,
    IReadOnlyDictionary<string, SkuOwner> Skus,
    IReadOnlyDictionary<string, long> Handles,
    IReadOnlySet<long> CategoryIds,
    IReadOnlySet<long> AttributeIds,
    IReadOnlySet<long> AttributeValueIds,
    IReadOnlySet<string> RoleKeys);
