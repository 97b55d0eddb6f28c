namespace Catalog.Api.Dialects.Trade;

public static class TradeDialect
{
    /// <summary>The trade dialect's one service: the writer of its error envelope.</summary>
    public static IServiceCollection AddTradeDialect(this IServiceCollection services)
    {
        // The problem details service asks its writers in registration order and MVC's own writer claims every
        // controller endpoint, so the trade writer goes first wherever this line stands; it claims only trade requests.
        services.Insert(0, ServiceDescriptor.Singleton<IProblemDetailsWriter, TradeProblemDetailsWriter>());
        return services;
    }
}
