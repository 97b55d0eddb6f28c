using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Catalog.Api.Tests.Postman;

/// <summary>
/// What the files in docs/postman promise a user who imports them: the environment to select, and folders that each
/// stand alone (PostmanCollectionTests runs them).
/// </summary>
public sealed partial class PostmanFilesTests
{
    [Fact]
    public void Collection_Folders_AreTheOnesRunAlone()
    {
        var folders = PostmanFiles.Read(PostmanFiles.Collection).Arr("item").Select(item => item.Str("name"));

        folders.Should().Equal(PostmanFiles.Folders, "PostmanCollectionTests runs each of these folders alone");
    }

    [Fact]
    public void Environment_Variables_AreTheLocalApiAndAnEmptySecretKey()
    {
        var environment = PostmanFiles.Read(PostmanFiles.Environment);

        environment.Str("_postman_variable_scope").Should().Be("environment");
        environment.Str("name").Should().Be("Catalog (local)");
        var values = environment.Arr("values").ToDictionary(value => value.Str("key")!);
        values.Keys.Should().BeEquivalentTo("baseUrl", "apiKey");
        values["baseUrl"].Str("value").Should().Be("http://localhost:5080", "what `dotnet run` listens on");
        values["apiKey"].Str("value").Should().BeEmpty("a key is the user's own and must not be committed");
        values["apiKey"].Str("type").Should().Be("secret");
    }

    [Fact]
    public void Collection_Variables_DoNotShadowTheEnvironment()
    {
        var collection = PostmanFiles.Read(PostmanFiles.Collection);

        var names = (collection["variable"] as JsonArray ?? []).Select(variable => variable.Str("key"));

        names.Should().NotContain(["baseUrl", "apiKey"], "the environment file holds them, and only it");
    }

    [Fact]
    public void Collection_EachFolder_UsesOnlyVariablesItSetsItself()
    {
        var collection = PostmanFiles.Read(PostmanFiles.Collection);
        var shared = Set(collection["event"]).Append("baseUrl").Append("apiKey").ToHashSet();
        shared.Should().Contain(["wooKey", "wooSecret"], "the collection's pre-request script derives the pair");

        foreach (var folder in collection.Arr("item"))
        {
            var own = Set(folder).ToHashSet();
            var foreign = Used(folder).Where(name => !own.Contains(name) && !shared.Contains(name)).Distinct();

            foreign.Should().BeEmpty($"folder '{folder.Str("name")}' must run alone, so it sets what it uses");
        }
    }

    private static IEnumerable<string> Set(JsonNode? node) =>
        Setter().Matches(Text(node)).Select(match => match.Groups["name"].Value);

    private static IEnumerable<string> Used(JsonNode? node)
    {
        var text = Text(node);
        return Placeholder().Matches(text).Concat(Getter().Matches(text)).Select(match => match.Groups["name"].Value);
    }

    /// <summary>Every string under a node (scripts, URLs, bodies, auth), one a line.</summary>
    private static string Text(JsonNode? node) => string.Join('\n', Strings(node));

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(property => Strings(property.Value)),
        JsonArray array => array.SelectMany(Strings),
        JsonValue value when value.TryGetValue<string>(out var text) => [text],
        _ => [],
    };

    [GeneratedRegex(@"(?:collectionVariables|variables)\.set\('(?<name>\w+)'")]
    private static partial Regex Setter();

    [GeneratedRegex(@"(?:collectionVariables|variables)\.get\('(?<name>\w+)'\)")]
    private static partial Regex Getter();

    [GeneratedRegex(@"\{\{(?<name>\w+)\}\}")]
    private static partial Regex Placeholder();
}
