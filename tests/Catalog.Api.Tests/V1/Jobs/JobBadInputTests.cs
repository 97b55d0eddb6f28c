using System.Text;
using System.Text.Json;
using Catalog.Testing;

namespace Catalog.Api.Tests.V1.Jobs;

/// <summary>A job body that cannot be accepted is refused whole, with a clear 4xx, and leaves nothing stored.</summary>
public abstract class JobBadInputTests(CatalogApiFactory factory) : JobsApiTest(factory)
{
    [Fact]
    public async Task ProductsPost_MalformedJsonAfterManyValidItems_Answers400AndStoresNothing()
    {
        // 1,100 valid items (two chunks' worth, stored before the error is read), then a broken one.
        var json = ToJson(Batch.Of(create: Products(1100)))[..^2] + """, {"title": "broken",]}""";

        var submitted = await SubmitRawAsync(ProductsBatch, RawBody(json));

        submitted.Status.Should().Be(400, submitted.Body.Text());
        submitted.Body.Str("code").Should().Be("MALFORMED_JSON");
        await ShouldBeEmptyAsync();
    }

    [Fact]
    public async Task ProductsPost_WrongTypeInALateItem_Answers400NamingTheField()
    {
        var creates = Products(800);
        creates[700]["title"] = 5;

        var submitted = await SubmitAsync(ProductsBatch, Batch.Of(create: creates));

        submitted.Status.Should().Be(400, submitted.Body.Text());
        submitted.Body.Str("code").Should().Be("INVALID_BODY");
        submitted.Body.Fields("errors").Should().Contain("create[700].title");
        await ShouldBeEmptyAsync();
    }

    [Fact]
    public async Task ProductsPost_UnknownList_Answers400()
    {
        var submitted = await SubmitAsync(ProductsBatch, new { insert = Products(1) });

        submitted.Status.Should().Be(400, submitted.Body.Text());
        submitted.Body.Str("code").Should().Be("INVALID_BODY");
        await ShouldBeEmptyAsync();
    }

    [Fact]
    public async Task ProductsPost_OverTheJobCeiling_Answers400BatchTooLarge()
    {
        var submitted = await SubmitAsync(ProductsBatch, Batch.Of(create: Products(1501)));

        submitted.Status.Should().Be(400, submitted.Body.Text());
        submitted.Body.Str("code").Should().Be("BATCH_TOO_LARGE");
        submitted.Body.Str("detail").Should().Contain("1500");
        await ShouldBeEmptyAsync();
    }

    [Fact]
    public async Task ProductsPost_AtomicLargerThanAChunk_Answers400BatchTooLarge()
    {
        var submitted = await SubmitAsync(ProductsBatch + "?policy=atomic", Batch.Of(create: Products(501)));

        submitted.Status.Should().Be(400, submitted.Body.Text());
        submitted.Body.Str("code").Should().Be("BATCH_TOO_LARGE");
        submitted.Body.Str("detail").Should().Contain("atomic");
        await ShouldBeEmptyAsync();
    }

    [Fact]
    public async Task ProductsPost_AtomicOfExactlyAChunk_IsAccepted()
    {
        var submitted = await SubmitAsync(ProductsBatch + "?policy=atomic", Batch.Of(create: Products(500)));

        submitted.Status.Should().Be(202, submitted.Body.Text());
        (await WaitForJobAsync(submitted.JobId)).Str("status").Should().Be("succeeded");
        (await CountRowsAsync()).Products.Should().Be(500);
    }

    [Theory]
    [InlineData("application/json; charset=iso-8859-1")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData("text/plain")]
    public async Task ProductsPost_NotJsonInUtf8_Answers415(string mediaType)
    {
        var submitted = await SubmitRawAsync(ProductsBatch, RawBody(ToJson(Batch.Of(create: Products(1))), mediaType));

        submitted.Status.Should().Be(415, submitted.Body.Text());
        submitted.Body.Str("code").Should().Be("UNSUPPORTED_MEDIA_TYPE");
        await ShouldBeEmptyAsync();
    }

    [Theory]
    [InlineData("", "MALFORMED_JSON")]
    [InlineData("{}", "EMPTY_BATCH")]
    [InlineData("""{"create": []}""", "EMPTY_BATCH")]
    [InlineData("[]", "INVALID_BODY")]
    [InlineData("null", "INVALID_BODY")]
    public async Task ProductsPost_EmptyBody_Answers400(string json, string code)
    {
        var submitted = await SubmitRawAsync(ProductsBatch, RawBody(json));

        submitted.Status.Should().Be(400, submitted.Body.Text());
        submitted.Body.Str("code").Should().Be(code, submitted.Body.Text());
        await ShouldBeEmptyAsync();
    }

    [Fact]
    public async Task VariantsPost_UnknownProduct_Answers404AndStoresNothing()
    {
        var submitted = await SubmitAsync(VariantsBatch(424242), Batch.Of(create: [new VariantBuilder().Build()]));

        submitted.Status.Should().Be(404, submitted.Body.Text());
        await ShouldBeEmptyAsync();
    }

    private static string ToJson(object value) => JsonSerializer.Serialize(value, Json);

    private async Task ShouldBeEmptyAsync()
    {
        (await CountJobRowsAsync()).Should().Be(new JobRowCounts(0, 0, 0));
        (await CountRowsAsync()).Products.Should().Be(0);
    }
}

public sealed class JobBadInputTestsOnSqlite(JobsSqliteFactory factory)
    : JobBadInputTests(factory), IClassFixture<JobsSqliteFactory>;

public sealed class JobBadInputTestsOnPostgres(JobsPostgresFactory factory)
    : JobBadInputTests(factory), IClassFixture<JobsPostgresFactory>;
