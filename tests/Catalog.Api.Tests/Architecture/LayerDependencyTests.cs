using System.Reflection;

namespace Catalog.Api.Tests.Architecture;

/// <summary>Dependencies point inward only: Api -> Application -> Domain, Infrastructure -> Application.</summary>
public sealed class LayerDependencyTests
{
    private static readonly Assembly Domain = typeof(Catalog.Domain.Products.Product).Assembly;
    private static readonly Assembly Application = typeof(Catalog.Application.DependencyInjection).Assembly;
    private static readonly Assembly Infrastructure = typeof(Catalog.Infrastructure.DependencyInjection).Assembly;
    private static readonly Assembly Api = typeof(Program).Assembly;

    public static TheoryData<string, string[]> Forbidden => new()
    {
        {
            "Catalog.Domain",
            [
                "Catalog.Application", "Catalog.Infrastructure", "Catalog.Api",
                "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "AutoMapper", "FluentValidation",
            ]
        },
        {
            "Catalog.Application",
            [
                "Catalog.Infrastructure", "Catalog.Api",
                "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Npgsql", "Microsoft.Data.Sqlite",
            ]
        },
        { "Catalog.Infrastructure", ["Catalog.Api", "Microsoft.AspNetCore.Mvc"] },
    };

    [Theory]
    [MemberData(nameof(Forbidden))]
    public void References_OfALayer_NeverPointOutward(string layer, string[] forbidden)
    {
        var assembly = new[] { Domain, Application, Infrastructure, Api }.Single(a => a.GetName().Name == layer);

        var references = assembly.GetReferencedAssemblies().Select(r => r.Name!).ToList();

        references.Should().NotContain(
            r => forbidden.Any(f => r == f || r.StartsWith(f + ".", StringComparison.Ordinal)),
            $"{layer} must not depend on an outer layer or framework");
    }

    [Fact]
    public void References_OfEachLayer_IncludeItsInnerLayer()
    {
        Application.GetReferencedAssemblies().Select(r => r.Name).Should().Contain("Catalog.Domain");
        Infrastructure.GetReferencedAssemblies().Select(r => r.Name).Should().Contain("Catalog.Application");
        Api.GetReferencedAssemblies().Select(r => r.Name).Should().Contain("Catalog.Application");
    }

    [Fact]
    public void Controllers_NeverTouchTheDatabaseDirectly()
    {
        var controllerDependencies = Api.GetTypes()
            .Where(t => t.Name.EndsWith("Controller", StringComparison.Ordinal))
            .SelectMany(t => t.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => p.ParameterType))
            .ToList();

        controllerDependencies.Should().NotBeEmpty();
        controllerDependencies.Where(t => !IsApiSettings(t))
            .Should().OnlyContain(
                t => t.Assembly == Application || t == typeof(Mediator.ISender),
                "a controller binds, translates, sends and renders");
    }

    /// <summary>
    /// A dialect's own settings (its currency, its item limit) are translation input, not a way to the database.
    /// </summary>
    private static bool IsApiSettings(Type type) =>
        type.IsGenericType
        && type.GetGenericTypeDefinition() == typeof(Microsoft.Extensions.Options.IOptions<>)
        && type.GetGenericArguments()[0].Assembly == Api;
}
