using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Application.Common.Mediator;

/// <summary>Resolves the request's handler and behaviours from the container and runs them.</summary>
internal sealed class Sender(IServiceProvider services) : ISender
{
    private static readonly ConcurrentDictionary<(Type Request, Type Response), Type> InvokerTypes = new();

    public Task<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var invokerType = InvokerTypes.GetOrAdd(
            (request.GetType(), typeof(TResponse)),
            key => typeof(Invoker<,>).MakeGenericType(key.Request, key.Response));
        var invoker = (IInvoker<TResponse>)Activator.CreateInstance(invokerType)!;
        return invoker.Invoke(request, services, cancellationToken);
    }

    private interface IInvoker<TResponse>
    {
        Task<TResponse> Invoke(
            IRequest<TResponse> request, IServiceProvider services, CancellationToken cancellationToken);
    }

    private sealed class Invoker<TRequest, TResponse> : IInvoker<TResponse>
        where TRequest : IRequest<TResponse>
    {
        public Task<TResponse> Invoke(
            IRequest<TResponse> request, IServiceProvider services, CancellationToken cancellationToken)
        {
            var typed = (TRequest)request;
            var handler = services.GetRequiredService<IRequestHandler<TRequest, TResponse>>();
            RequestHandlerDelegate<TResponse> next = () => handler.Handle(typed, cancellationToken);
            foreach (var behaviour in services.GetServices<IPipelineBehavior<TRequest, TResponse>>().Reverse())
            {
                var inner = next;
                next = () => behaviour.Handle(typed, inner, cancellationToken);
            }

            return next();
        }
    }
}
