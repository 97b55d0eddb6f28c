namespace Catalog.Application.Common.Models;

/// <summary>One page of a list: <c>{items, total, limit, offset}</c>.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int Limit, int Offset)
{
    public Page<TOut> Map<TOut>(Func<T, TOut> map) => new([.. Items.Select(map)], Total, Limit, Offset);
}

/// <summary>A request for one page of a list.</summary>
public interface IPagedRequest
{
    int Limit { get; }
    int Offset { get; }
}

/// <summary>A page holds 1 to 200 items, from an offset that is not negative.</summary>
public abstract class PagingValidator<T> : AbstractValidator<T>
    where T : IPagedRequest
{
    protected PagingValidator()
    {
        RuleFor(x => x.Limit).InclusiveBetween(1, 200);
        RuleFor(x => x.Offset).GreaterThanOrEqualTo(0);
    }
}
