using System.Net.Http.Headers;
using System.Text;
using Catalog.Testing;

namespace Catalog.Api.Tests.Dialects.Medusa;

/// <summary>
/// The whole body is checked before anything runs: an unknown key, a wrong type, broken JSON or a body over
/// 2 MB is refused in Medusa's <c>{type, message}</c> shape, and nothing is written, not even the valid items.
/// </summary>
public abstract class MedusaValidationTests(CatalogApiFactory factory) : MedusaApiTest(factory)
{
    public static TheoryData<string, string> BadBodies => new()
    {
        {
            """{"create":[{"title":"Fine","handle":"fine-one"},{"title":"T","colour":"red"}]}""",
            "Unrecognized key(s) in object: 'colour' at \"create[1]\""
        },
        {
            """{"create":[{"title":"Fine","handle":"fine-one"},{"title":42}]}""",
            "Expected string, received number at \"create[1].title\""
        },
        {
            // An unknown id beside a malformed item: the body's shape is checked first, as zod checks it.
            """{"create":[{"title":42}],"delete":["42"]}""",
            "Expected string, received number at \"create[0].title\""
        },
        {
            """{"create":[{"title":"Fine","handle":"fine-one"}],"extra":[]}""",
            "Unrecognized key(s) in object: 'extra'"
        },
        { """{"create":{"title":"T"}}""", "Expected array, received object at \"create\"" },
        {
            """{"create":[{"title":"Fine","variants":[{"title":"V"}]}]}""",
            "Required at \"create[0].variants[0].prices\""
        },
        { """{"create":[{"title":"Fine","handle":"Not A Handle"}]}""", "at \"create[0].handle\"" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Batch_BadBody_Answers400InvalidDataNamingItAndWritesNothing(string json, string expected)
    {
        var existing = await MedusaSeedAsync(MedusaProduct());
        var before = await CountRowsAsync();

        var (status, body) = await MedusaPostAsync(MedusaProductsBatch, json);

        status.Should().Be(400, body.Text());
        body!.AsObject().Select(p => p.Key).Should().BeEquivalentTo("type", "message");
        body.Str("type").Should().Be("invalid_data");
        body.Str("message").Should().Contain(expected);
        (await CountRowsAsync()).Should().Be(before);
        (await FindProductAsync(NumberOf(existing[0].Str("id")!)))!.Version.Should().Be(1);
    }

    [Fact]
    public async Task Batch_TwoPricesInOneCurrencyDifferingOnlyByRules_Answers400NamingThePrices()
    {
        var product = MedusaProduct();
        var variant = ((Dictionary<string, object?>[])product["variants"]!)[0];
        variant["prices"] = new[]
        {
            new Dictionary<string, object?> { ["currency_code"] = "eur", ["amount"] = 10 },
            new Dictionary<string, object?>
            {
                ["currency_code"] = "eur",
                ["amount"] = 9,
                ["rules"] = new Dictionary<string, string> { ["region_id"] = "reg_de" },
            },
        };

        var (status, body) = await MedusaPostAsync(
            MedusaProductsBatch, new Dictionary<string, object?> { ["create"] = new[] { product } });

        status.Should().Be(400, body.Text());
        body.Str("type").Should().Be("invalid_data");
        body.Str("message").Should().Contain("at \"create[0].variants[0].prices\"");
        (await CountRowsAsync()).Products.Should().Be(0);
    }

    [Fact]
    public async Task Batch_SeveralProblems_AreAllReportedOnePerLine()
    {
        var (status, body) = await MedusaPostAsync(
            MedusaProductsBatch, """{"create":[{"title":1,"x":2}],"delete":["nope"]}""");

        status.Should().Be(400, body.Text());
        body.Str("message")!.Split('\n').Should().HaveCount(2)
            .And.Contain(l => l.Contains("create[0].title", StringComparison.Ordinal))
            .And.Contain(l => l.Contains("'x'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Batch_MalformedJson_Answers400InvalidData()
    {
        var (status, body) = await MedusaPostAsync(MedusaProductsBatch, """{"create":[{"title":"T",}]""");

        status.Should().Be(400, body.Text());
        body.Str("type").Should().Be("invalid_data");
        body.Str("message").Should().StartWith("The body is not valid JSON");
        (await CountRowsAsync()).Products.Should().Be(0);
    }

    [Fact]
    public async Task Batch_EmptyBody_IsAnEmptyBatch()
    {
        using var client = MedusaClient();
        using var content = new StringContent(string.Empty, Encoding.UTF8, "application/json");

        var (status, body) = await SendAsync(HttpMethod.Post, MedusaProductsBatch, content, client);

        status.Should().Be(200, body.Text());
        body.Arr("created").Should().BeEmpty();
        body.Arr("updated").Should().BeEmpty();
        body.Arr("deleted.ids").Should().BeEmpty();
        body.Str("deleted.object").Should().Be("product");
    }

    [Fact]
    public async Task Batch_BodyOver2MB_Answers413InMedusasShapeAndWritesNothing()
    {
        var filler = new string('x', 2 * 1024 * 1024);
        var json = $$"""{"create":[{"title":"T","description":"{{filler}}"}]}""";

        var (status, body) = await MedusaPostAsync(MedusaProductsBatch, json);

        status.Should().Be(413, body.Text());
        body.Str("type").Should().Be("unknown_error");
        body.Str("message").Should().StartWith("request entity too large");
        (await CountRowsAsync()).Products.Should().Be(0);
    }

    [Fact]
    public async Task Batch_BodyJustUnder2MB_IsAccepted()
    {
        // Each product's metadata within the 64 KB a free JSON value may take, the body as a whole just under 2 MB.
        var blob = new string('x', 61_000);
        var items = Enumerable.Range(0, 34)
            .Select(i => $$$"""{"title":"T","handle":"big-{{{i}}}","metadata":{"blob":"{{{blob}}}"}}""");
        var json = $$"""{"create":[{{string.Join(",", items)}}]}""";
        Encoding.UTF8.GetByteCount(json).Should().BeInRange((2 * 1024 * 1024) - 40_000, 2 * 1024 * 1024);

        var (status, body) = await MedusaPostAsync($"{MedusaProductsBatch}?fields=id", json);

        status.Should().Be(200, body.Text());
        (await CountRowsAsync()).Products.Should().Be(34);
    }

    [Fact]
    public async Task Batch_NotJsonContentType_Answers400()
    {
        using var client = MedusaClient();
        using var content = new StringContent("""{"create":[]}""", Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");

        var (status, body) = await SendAsync(HttpMethod.Post, MedusaProductsBatch, content, client);

        status.Should().Be(400, body.Text());
        body.Str("type").Should().Be("invalid_data");
    }

    [Fact]
    public async Task Batch_UnknownQueryKey_Answers400NamingIt()
    {
        var (status, body) = await MedusaPostAsync(
            $"{MedusaProductsBatch}?expand=variants",
            new Dictionary<string, object?> { ["create"] = new[] { MedusaProduct() } });

        status.Should().Be(400, body.Text());
        body.Str("message").Should().Contain("'expand'");
        (await CountRowsAsync()).Products.Should().Be(0);
    }

    [Fact]
    public async Task Batch_MoreItemsThanTheLimit_Answers400AndWritesNothing()
    {
        var deletes = Enumerable.Range(1, 1001).Select(i => $"prod_{i}").ToList();

        var (status, body) = await MedusaPostAsync(
            MedusaProductsBatch, new Dictionary<string, object?> { ["delete"] = deletes });

        status.Should().Be(400, body.Text());
        body.Str("message").Should().Contain("at most 1000 are allowed");
        (await CountRowsAsync()).Products.Should().Be(0);
    }
}

public sealed class MedusaValidationTestsOnSqlite(SqliteApiFactory f)
    : MedusaValidationTests(f), IClassFixture<SqliteApiFactory>;

public sealed class MedusaValidationTestsOnPostgres(PostgresApiFactory f)
    : MedusaValidationTests(f), IClassFixture<PostgresApiFactory>;

public sealed class MedusaValidationTestsOnSqlServer(SqlServerApiFactory f)
    : MedusaValidationTests(f), IClassFixture<SqlServerApiFactory>;
