using System.Text.Json.Nodes;
using Catalog.Testing;

namespace Catalog.Api.Tests.V1.Attributes;

/// <summary>
/// <c>POST /api/v1/attributes/batch</c>: global attributes with their values, and the attribute reads.
/// </summary>
public abstract class AttributesBatchTests(CatalogApiFactory factory) : CatalogApiTest(factory)
{
    [Fact]
    public async Task Batch_CreateWithValues_WritesTheAttributeAndItsValues()
    {
        var attribute = new AttributeBuilder().With("name", "Color").Without("slug").WithValues("Red", "Light Blue");

        var (status, body) = await PostAsync(AttributesBatch, Batch.Of(create: [attribute.Build()]));

        status.Should().Be(200, body.Text());
        body.Str("create[0].status").Should().Be("succeeded", body.Text());
        body.Str("create[0].attribute.slug").Should().Be("color");
        body.Str("create[0].attribute.type").Should().Be("select");
        body.Str("create[0].attribute.order_by").Should().Be("menu_order");
        body.Arr("create[0].attribute.values").Select(v => v.Str("slug"))
            .Should().BeEquivalentTo(["red", "light-blue"]);
        var stored = await FindAttributeAsync(body.Num("create[0].id"));
        stored!.Values.Select(v => v.Name).Should().BeEquivalentTo(["Red", "Light Blue"]);
        (await CountRowsAsync()).Should().Be(new RowCounts(0, 0, 0, 0, 0, 0, 1, 2));
    }

    [Fact]
    public async Task Batch_UpdateValues_MergesThemById()
    {
        var attribute = await SeedAttributeAsync(new AttributeBuilder().WithValues("Red", "Green", "Blue"));
        var (red, green, blue) =
            (attribute.Num("values[0].id"), attribute.Num("values[1].id"), attribute.Num("values[2].id"));

        var (status, body) = await UpdateAttributeAsync(attribute.Num("id"), ("values", new object[]
        {
            Batch.Item(("id", red), ("name", "Crimson")),
            Batch.Item(("id", blue)),
            Batch.Item(("name", "Yellow")),
        }));

        status.Should().Be(200, body.Text());
        body.Str("update[0].status").Should().Be("succeeded", body.Text());
        var stored = await FindAttributeAsync(attribute.Num("id"));
        stored!.Name.Should().Be(attribute.Str("name"));
        stored.Values.Select(v => (v.Name, v.Slug))
            .Should().BeEquivalentTo([("Crimson", "red"), ("Blue", "blue"), ("Yellow", "yellow")]);
        stored.Values.Should().NotContain(v => v.Id == green);
        stored.Values.Single(v => v.Id == red).Version.Should().Be(2);
    }

    [Fact]
    public async Task Batch_UpdateWithoutValues_KeepsThem()
    {
        var attribute = await SeedAttributeAsync(new AttributeBuilder().WithValues("Red", "Green"));

        var (status, body) = await UpdateAttributeAsync(attribute.Num("id"), ("order_by", "name"));

        status.Should().Be(200, body.Text());
        var stored = await FindAttributeAsync(attribute.Num("id"));
        stored!.OrderBy.Should().Be("name");
        stored.Values.Should().HaveCount(2);
    }

    [Fact]
    public async Task Batch_RemoveAValueUsedByAVariant_UnlinksTheVariant()
    {
        var attribute = await SeedAttributeAsync(new AttributeBuilder().WithValues("Red", "Green"));
        var (red, green) = (attribute.Num("values[0].id"), attribute.Num("values[1].id"));
        var product = await SeedProductAsync(
            new ProductBuilder().WithVariant(new VariantBuilder().WithAttributeValues(red, green)));

        var (status, body) = await UpdateAttributeAsync(
            attribute.Num("id"), ("values", new[] { Batch.Item(("id", green)) }));

        status.Should().Be(200, body.Text());
        body.Str("update[0].status").Should().Be("succeeded", body.Text());
        var variant = await FindVariantAsync(product.Num("variants[0].id"));
        variant!.AttributeValues.Select(a => a.AttributeValueId).Should().Equal(green);
    }

    [Fact]
    public async Task Batch_Delete_RemovesValuesAndTheirVariantLinks()
    {
        var attribute = await SeedAttributeAsync(new AttributeBuilder().WithValues("Red", "Green"));
        var variant = new VariantBuilder().WithAttributeValues(attribute.Num("values[0].id"));
        var product = await SeedProductAsync(new ProductBuilder().WithVariant(variant));

        var (status, body) = await PostAsync(AttributesBatch, Batch.Delete(attribute.Num("id")));

        status.Should().Be(200, body.Text());
        body.Str("delete[0].status").Should().Be("succeeded");
        body.Arr("delete[0].attribute.values").Should().HaveCount(2, "the result holds the attribute as it was");
        (await CountRowsAsync()).Should().Be(new RowCounts(1, 1, 1, 0, 0, 0, 0, 0));
        (await FindVariantAsync(product.Num("variants[0].id"))).Should().NotBeNull();
    }

    [Theory]
    [InlineData(
        "value id of another attribute",
        """{"update": [{"id": {id}, "values": [{"id": {otherValue}}]}]}""",
        "update[0]:VALIDATION_FAILED:values[0].id")]
    [InlineData(
        "two values with one slug",
        """{"update": [{"id": {id}, "values": [{"id": {value}}, {"name": "Red"}]}]}""",
        "update[0]:VALIDATION_FAILED:values[1].slug")]
    [InlineData(
        "same value id twice",
        """{"update": [{"id": {id}, "values": [{"id": {value}}, {"id": {value}}]}]}""",
        "update[0]:VALIDATION_FAILED:values")]
    [InlineData(
        "new value without name",
        """{"create": [{"name": "Size", "values": [{"slug": "xl"}]}]}""",
        "create[0]:VALIDATION_FAILED:values[0].name")]
    [InlineData(
        "value of a new attribute names an id",
        """{"create": [{"name": "Size", "values": [{"id": {value}, "name": "XL"}]}]}""",
        "create[0]:VALIDATION_FAILED:values[0].id")]
    [InlineData(
        "type other than select",
        """{"create": [{"name": "Size", "type": "text"}]}""",
        "create[0]:VALIDATION_FAILED:type")]
    [InlineData(
        "unknown ordering",
        """{"create": [{"name": "Size", "order_by": "random"}]}""",
        "create[0]:VALIDATION_FAILED:order_by")]
    [InlineData(
        "slug taken in the database",
        """{"create": [{"name": "Colour", "slug": "color"}]}""",
        "create[0]:DUPLICATE_HANDLE:slug")]
    [InlineData("unknown id", """{"delete": [999999]}""", "delete[0]:NOT_FOUND:id")]
    [InlineData(
        "stale version", """{"update": [{"id": {id}, "version": 4, "name": "X"}]}""", "update[0]:CONFLICT:version")]
    public async Task Batch_BadItem_FailsWithItsCodeAndFieldAndWritesNothing(
        string scenario, string template, string expected)
    {
        var color = await SeedAttributeAsync(
            new AttributeBuilder().With("name", "Color").With("slug", "color").WithValues("Red"));
        var material = await SeedAttributeAsync(new AttributeBuilder().WithValues("Wool"));
        var before = await CountRowsAsync();
        var json = template
            .Replace("{id}", Text(color.Num("id")), StringComparison.Ordinal)
            .Replace("{value}", Text(color.Num("values[0].id")), StringComparison.Ordinal)
            .Replace("{otherValue}", Text(material.Num("values[0].id")), StringComparison.Ordinal);

        var (status, body) = await PostRawAsync(AttributesBatch, json);

        status.Should().Be(200, $"{scenario}: {body.Text()}");
        foreach (var (item, code, field) in ItemErrors(expected))
        {
            body.Str($"{item}.status").Should().Be("failed", $"{scenario}: {body.Text()}");
            body.Str($"{item}.error.code").Should().Be(code, $"{scenario}: {body.Text()}");
            body.Fields($"{item}.error.details").Should().Contain(field, $"{scenario}: {body.Text()}");
        }

        (await CountRowsAsync()).Should().Be(before, scenario);
        var stored = await FindAttributeAsync(color.Num("id"));
        stored!.Version.Should().Be(1, scenario);
        stored.Values.Select(v => v.Name).Should().Equal(["Red"], scenario);
    }

    [Fact]
    public async Task Get_Existing_AnswersItWithItsValues()
    {
        var attribute = await SeedAttributeAsync(new AttributeBuilder().WithValues("S", "M"));

        var (status, body) = await GetAsync($"/api/v1/attributes/{attribute.Num("id")}");

        status.Should().Be(200, body.Text());
        body.Arr("values").Select(v => v.Str("name")).Should().BeEquivalentTo(["S", "M"]);
    }

    [Fact]
    public async Task Get_Unknown_Answers404NotFound()
    {
        var (status, body) = await GetAsync("/api/v1/attributes/424242");

        status.Should().Be(404, body.Text());
        body.Str("code").Should().Be("NOT_FOUND");
    }

    private static string Text(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private Task<(int Status, JsonNode? Body)> UpdateAttributeAsync(long id, params (string, object?)[] fields) =>
        PostAsync(AttributesBatch, Batch.Update(Batch.Item([("id", id), .. fields])));
}

public sealed class AttributesBatchTestsOnSqlite(SqliteApiFactory f)
    : AttributesBatchTests(f), IClassFixture<SqliteApiFactory>;

public sealed class AttributesBatchTestsOnPostgres(PostgresApiFactory f)
    : AttributesBatchTests(f), IClassFixture<PostgresApiFactory>;

public sealed class AttributesBatchTestsOnSqlServer(SqlServerApiFactory f)
    : AttributesBatchTests(f), IClassFixture<SqlServerApiFactory>;
