using Microsoft.Extensions.Options;

namespace Catalog.Application.Common.Batches;

/// <summary>A batch request: the items it carries, counted against the configured limit.</summary>
public interface IBatchRequest
{
    int ItemCount { get; }
}

/// <summary>
/// The request-level rules every batch shares: not empty, not over the limit. Registered once for every request:
/// the container leaves it out for requests that are no batch.
/// </summary>
public sealed class BatchRequestValidator<T> : AbstractValidator<T>
    where T : IBatchRequest
{
    public BatchRequestValidator(IOptions<BatchOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var max = options.Value.MaxItems;
        RuleFor(x => x.ItemCount)
            .GreaterThan(0).WithErrorCode(ErrorCodes.EmptyBatch).WithMessage("The batch has no items.")
            .LessThanOrEqualTo(max).WithErrorCode(ErrorCodes.BatchTooLarge)
            .WithMessage(x => $"The batch has {x.ItemCount} items; at most {max} are allowed per request.");
    }
}
