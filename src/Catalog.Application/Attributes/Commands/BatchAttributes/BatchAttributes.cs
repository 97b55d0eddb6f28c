namespace Catalog.Application.Attributes.Commands.BatchAttributes;

/// <summary>Create, update and delete global attributes (with their values) in one request.</summary>
public sealed record BatchAttributes(
    IReadOnlyList<AttributeCreate> Create,
    IReadOnlyList<AttributeUpdate> Update,
    IReadOnlyList<long> Delete,
    BatchPolicy Policy = BatchPolicy.Partial)
    : IRequest<BatchResult<AttributeDto>>, IBatchCommand<AttributeCreate, AttributeUpdate>,
        IResolvedUpdates<AttributeDto, AttributeUpdate>
{
    public int ItemCount => Create.Count + Update.Count + Delete.Count;

    public bool DryRun { get; init; }

    /// <summary>
    /// Set by a dialect whose updates are stated against the attributes as stored (WooCommerce's term routes edit
    /// one value of an attribute's whole list): see <see cref="IResolvedUpdates{TDto, TUpdate}"/>.
    /// </summary>
    public UpdateResolver<AttributeDto, AttributeUpdate>? Resolve { get; init; }
}

internal sealed class BatchAttributesHandler(BatchEngine engine, AttributeBatchSpec spec, IMapper mapper)
    : IRequestHandler<BatchAttributes, BatchResult<AttributeDto>>
{
    public ValueTask<BatchResult<AttributeDto>> Handle(BatchAttributes request, CancellationToken cancellationToken) =>
        new(engine.RunAsync(spec, request, mapper.Map<AttributeDto>, cancellationToken));
}
