namespace Catalog.Application.Tags.Commands.BatchTags;

/// <summary>
/// Create, update and delete tags in one request: creates first, then updates, then deletes. A rename is written on
/// every product that carries the old name, and a delete takes the name off them, in the same transaction.
/// </summary>
public sealed record BatchTags(
    IReadOnlyList<TagCreate> Create,
    IReadOnlyList<TagUpdate> Update,
    IReadOnlyList<long> Delete,
    BatchPolicy Policy = BatchPolicy.Partial)
    : IRequest<BatchResult<TagDto>>, IBatchCommand<TagCreate, TagUpdate>
{
    public int ItemCount => Create.Count + Update.Count + Delete.Count;

    public bool DryRun { get; init; }
}

internal sealed class BatchTagsHandler(BatchEngine engine, TagBatchSpec spec)
    : IRequestHandler<BatchTags, BatchResult<TagDto>>
{
    public ValueTask<BatchResult<TagDto>> Handle(BatchTags request, CancellationToken cancellationToken) =>
        new(engine.RunAsync(spec, request, spec.Answer, cancellationToken));
}
