using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Catalog.Testing;

namespace Catalog.Client.Tests;

/// <summary>
/// Whether a test covered the whole SDK: every method of the generated client interfaces and every operation that
/// <c>docs/openapi.json</c> documents, judged from what an <see cref="SdkCallRecorder"/> saw.
/// </summary>
public static class SdkCoverage
{
    /// <summary>Every method declared on a generated client interface was called through the recorder.</summary>
    public static void EveryClientMethodWasCalled(SdkCallRecorder recorder)
    {
        ArgumentNullException.ThrowIfNull(recorder);
        var declared = typeof(IProductsClient).Assembly.GetTypes()
            .Where(t => t.IsInterface && t.Namespace == "Catalog.Client")
            .Where(t => t.Name.EndsWith("Client", StringComparison.Ordinal))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Select(m => $"{t.Name}.{m.Name}"))
            .ToHashSet();

        declared.Should().HaveCountGreaterThan(10, "the SDK has a client per resource and dialect");
        var missing = declared.Except(recorder.Methods).Order().ToList();
        missing.Should().BeEmpty($"every one of the {declared.Count} client methods is called; not called: "
            + string.Join(", ", missing));
    }

    /// <summary>Every operation of <c>docs/openapi.json</c> was requested at least once, by method and path.</summary>
    public static void EveryDocumentedOperationWasRequested(SdkCallRecorder recorder)
    {
        ArgumentNullException.ThrowIfNull(recorder);
        var operations = DocumentedOperations();
        var requested = new HashSet<string>();
        var undocumented = new List<string>();
        foreach (var (method, path) in recorder.Requests)
        {
            // The template with the fewest parameters wins: a request to a literal path is never credited to a
            // template that would also match it.
            var match = operations
                .Where(o => o.Method == method && o.Path.IsMatch(path))
                .MinBy(o => o.Parameters);
            if (match is null)
            {
                undocumented.Add($"{method} {path}");
            }
            else
            {
                requested.Add(match.OperationId);
            }
        }

        operations.Should().HaveCountGreaterThan(10);
        undocumented.Should().BeEmpty("the SDK requests only documented operations");
        var missing = operations.Select(o => o.OperationId).Except(requested).Order().ToList();
        missing.Should().BeEmpty($"every one of the {operations.Count} documented operations is requested; "
            + "not requested: " + string.Join(", ", missing));
    }

    private sealed record Operation(string OperationId, string Method, Regex Path, int Parameters);

    private static List<Operation> DocumentedOperations()
    {
        using var document = JsonDocument.Parse(
            File.ReadAllText(Path.Combine(TestEnvironment.RepositoryRoot(), "docs", "openapi.json")));
        string[] methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];
        return
        [
            .. from path in document.RootElement.GetProperty("paths").EnumerateObject()
            from operation in path.Value.EnumerateObject()
            where methods.Contains(operation.Name)
            let segments = path.Name.Split('/')
            select new Operation(
                operation.Value.GetProperty("operationId").GetString()!,
                operation.Name.ToUpperInvariant(),
                new Regex("^" + string.Join('/', segments.Select(Segment)) + "$"),
                segments.Count(s => s.StartsWith('{'))),
        ];

        static string Segment(string segment) => segment.StartsWith('{') ? "[^/]+" : Regex.Escape(segment);
    }
}
