using Catalog.Application.Common.Behaviours;
using Catalog.Application.Common.Mapping;
using Catalog.Application.Jobs;
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

        // Handlers use the request's DbContext, so the mediator and its handlers live as long as the request.
        // Behaviours run in this order, outermost first: timing and logging see validation's refusals too.
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.GenerateTypesAsInternal = true;
            options.Assemblies = [typeof(DependencyInjection)];
            options.PipelineBehaviors = [typeof(LoggingBehaviour<,>), typeof(ValidationBehaviour<,>)];
        });
        services.AddAutoMapper(
            cfg => cfg.LicenseKey = configuration["AutoMapper:LicenseKey"], typeof(CatalogMappingProfile));
        services.TryAddSingleton(TimeProvider.System);
        services.AddTransient<BatchEngine>();
        services.AddScoped<BatchPhases>();
        services.AddTransient<Products.Commands.BatchProducts.ProductUpserts>();
        services.AddTransient<Variants.Commands.BatchVariants.VariantUpserts>();
        services.AddScoped<RequestWrites>();
        services.AddScoped<BatchCheckpoint>();
        services.AddOptions<JobOptions>().Bind(configuration.GetSection(JobOptions.Section))
            .Validate(o => o.MaxItems > 0 && o.ChunkSize > 0, "Catalog:Jobs:MaxItems and ChunkSize must be positive.")
            .Validate(o => o.LeaseDuration > TimeSpan.Zero && o.PollInterval > TimeSpan.Zero, "Catalog:Jobs: "
                + "LeaseDuration and PollInterval must be positive.");
        services.AddSingleton<JobSignal>();
        services.AddOptions<Common.Idempotency.IdempotencyOptions>()
            .Bind(configuration.GetSection(Common.Idempotency.IdempotencyOptions.Section))
            .Validate(o => o.Retention > TimeSpan.Zero, "Catalog:Idempotency:Retention must be positive.");
        services.AddScoped<JobRunner>();
        foreach (var spec in assembly.GetTypes().Where(t => !t.IsAbstract && IsBatchSpec(t.BaseType)))
        {
            services.AddTransient(spec);
        }

        // Validators hold compiled rules and no state: built once, they cost nothing per request. Every concrete
        // validator in this assembly is registered, except those a parent builds for what it knows (a variant's
        // validator is told whether its product is new): no container can supply that bool. The request-level batch
        // rules are one open generic.
        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Singleton, scan => scan.ValidatorType
            .GetConstructors().Any(c => c.GetParameters().All(p => !p.ParameterType.IsPrimitive)));
        services.AddSingleton(typeof(IValidator<>), typeof(BatchRequestValidator<>));
        return services;
    }

    private static bool IsBatchSpec(Type? type) =>
        type is { IsGenericType: true } && type.GetGenericTypeDefinition() == typeof(BatchSpec<,,,,>);
}
