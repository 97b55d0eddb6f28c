using System.Text.Json.Nodes;
using Catalog.Testing;

namespace Catalog.Api.Tests.Postman;

/// <summary>The collection and environment in docs/postman, and what the tests need to know of them.</summary>
internal static class PostmanFiles
{
    /// <summary>The folders, one per API the catalog speaks, in the collection's order.</summary>
    public static readonly string[] Folders =
        ["Canonical", "Wholesale", "Trade", "WooCommerce", "Medusa", "Wholesale Suite", "Jobs"];

    public static string Collection => Path.Combine(Folder, "catalog.postman_collection.json");

    public static string Environment => Path.Combine(Folder, "catalog.postman_environment.json");

    private static string Folder => Path.Combine(TestEnvironment.RepositoryRoot(), "docs", "postman");

    public static JsonNode Read(string path) =>
        JsonNode.Parse(File.ReadAllText(path)) ?? throw new InvalidOperationException($"{path} is JSON null");

    /// <summary>The requests of the whole collection (no folder) or of one folder, at any depth.</summary>
    public static int CountRequests(string? folder = null)
    {
        var items = Read(Collection).Arr("item");
        var scope = folder is null ? items : items.Single(item => item.Str("name") == folder).Arr("item");
        return Count(scope);

        static int Count(JsonArray items) =>
            items.Sum(item => item!["request"] is not null ? 1 : Count(item.Arr("item")));
    }
}
