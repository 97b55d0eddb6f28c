using System.Reflection;
using Catalog.Application.Common.Batches;
using Catalog.Application.Common.Behaviours;
using Catalog.Application.Common.Json;
using Catalog.Application.Common.Mapping;
using Catalog.Application.Common.Mediator;
using FluentValidation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Catalog.Application;

public static class DependencyInjection
{
    public static IServiceCollection AddApplication(this IServiceCollection services, IConfiguration configuration)
    {
        var assembly = typeof(DependencyInjection).Assembly;
        services.AddOptions<BatchOptions>().Bind(configuration.GetSection(BatchOptions.Section))
            .Validate(o => o.MaxItems > 0, "Catalog:Batch:MaxItems must be positive.");
        services.AddOptions<JsonLimits>().Bind(configuration.GetSection(JsonLimits.Section))
            .Validate(o => o.MaxJsonValueBytes > 0, "Catalog:Limits:MaxJsonValueBytes must be positive.");
        services.AddScoped<ISender, Sender>();
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(LoggingBehaviour<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(ValidationBehaviour<,>));
        services.AddAutoMapper(
            cfg => cfg.LicenseKey = configuration["AutoMapper:LicenseKey"], typeof(CatalogMappingProfile));
        services.TryAddSingleton(TimeProvider.System);
        RegisterClosedImplementations(services, assembly, typeof(IRequestHandler<,>), ServiceLifetime.Transient);
        services.AddTransient<BatchEngine>();
        services.AddScoped<RequestWrites>();
        foreach (var spec in assembly.GetTypes().Where(t => !t.IsAbstract && IsBatchSpec(t.BaseType)))
        {
            services.AddTransient(spec);
        }

        // Validators hold compiled rules and no state: built once, they cost nothing per request.
        RegisterClosedImplementations(services, assembly, typeof(IValidator<>), ServiceLifetime.Singleton);
        services.AddSingleton(typeof(IValidator<>), typeof(BatchRequestValidator<>));
        return services;
    }

    private static bool IsBatchSpec(Type? type) =>
        type is { IsGenericType: true } && type.GetGenericTypeDefinition() == typeof(BatchSpec<,,,,>);

    /// <summary>Like MediatR's and FluentValidation's scans: every concrete class, by its closed interface.</summary>
    private static void RegisterClosedImplementations(
        IServiceCollection services, Assembly assembly, Type openInterface, ServiceLifetime lifetime)
    {
        var candidates = assembly.GetTypes().Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false }
            && t.GetConstructors().Any(c => c.GetParameters().All(p => !p.ParameterType.IsPrimitive)));
        bool Closes(Type contract) => contract.IsGenericType && contract.GetGenericTypeDefinition() == openInterface;
        foreach (var type in candidates)
        {
            foreach (var contract in type.GetInterfaces().Where(Closes))
            {
                services.Add(new ServiceDescriptor(contract, type, lifetime));
            }
        }
    }
}
