namespace Catalog.Application.Common.Mediator;

/// <summary>A request one handler answers with a <typeparamref name="TResponse"/> (shaped like MediatR's).</summary>
#pragma warning disable CA1040 // A marker interface is the point: it ties a request to its response type.
public interface IRequest<out TResponse>;
#pragma warning restore CA1040

public interface IRequestHandler<in TRequest, TResponse>
    where TRequest : IRequest<TResponse>
{
    Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken);
}

public delegate Task<TResponse> RequestHandlerDelegate<TResponse>();

/// <summary>Wraps every handler call; behaviours run in registration order, outermost first.</summary>
public interface IPipelineBehavior<in TRequest, TResponse>
    where TRequest : notnull
{
    Task<TResponse> Handle(
        TRequest request, RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken);
}

public interface ISender
{
    Task<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default);
}
