using Catalog.Api.Tests.V1.Jobs;
using Catalog.Testing;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.Tests.V1.Products;

/// <summary>
/// <c>taken_handles=suffix</c> on the canonical product batches: an item whose handle another product, or an earlier
/// item, holds gets the first free <c>-2</c>, <c>-3</c>..., as WordPress gives a post its slug; <c>fail</c> (the
/// default) fails it as before.
/// </summary>
public abstract class TakenHandlesTests(CatalogApiFactory factory) : JobsApiTest(factory)
{
    private const string Suffix = ProductsBatch + "?taken_handles=suffix";

    [Fact]
    public async Task Batch_SuffixWithStoredHandles_CreatesEachWithTheFirstFreeSuffix()
    {
        await SeedProductsAsync(
            Titled("Linen", "linen"), Titled("Linen two", "linen-2"), Titled("Linen blue", "linen-blue"));

        var (status, body) = await PostAsync(Suffix, Batch.Of(create: new object[]
        {
            Batch.Item(("title", "Linen")),
            Batch.Item(("title", "Another linen"), ("handle", "linen")),
            Batch.Item(("title", "Fresh"), ("handle", "fresh")),
        }));

        status.Should().Be(200, body.Text());
        body.Arr("create").Select(r => r.Str("status")).Should().OnlyContain(s => s == "succeeded", body.Text());
        body.Arr("create").Select(r => r.Str("product.handle")).Should().Equal("linen-3", "linen-4", "fresh");
        (await HandlesAsync()).Should().BeEquivalentTo("linen", "linen-2", "linen-blue", "linen-3", "linen-4", "fresh");
    }

    [Fact]
    public async Task Batch_SuffixTwoCreatesOfOneTitle_TheFirstKeepsItAndTheSecondGetsDashTwo()
    {
        var (status, body) = await PostAsync(Suffix, Batch.Of(create: new object[]
        {
            Batch.Item(("title", "Gift card")),
            Batch.Item(("title", "Gift Card!")),
        }));

        status.Should().Be(200, body.Text());
        body.Arr("create").Select(r => r.Str("product.handle")).Should().Equal("gift-card", "gift-card-2");
        (await HandlesAsync()).Should().BeEquivalentTo("gift-card", "gift-card-2");
    }

    [Fact]
    public async Task Batch_SuffixAfterAnItemThatFailed_TheFailedItemHoldsNoHandle()
    {
        var (status, body) = await PostAsync(Suffix, Batch.Of(create: new object[]
        {
            Batch.Item(("title", "Mug"), ("weight", 1.23456)),
            Batch.Item(("title", "Mug")),
        }));

        status.Should().Be(200, body.Text());
        body.Str("create[0].error.code").Should().Be("VALIDATION_FAILED", body.Text());
        body.Str("create[1].product.handle").Should().Be("mug");
        (await HandlesAsync()).Should().Equal("mug");
    }

    [Fact]
    public async Task Batch_SuffixUpdates_AProductKeepsItsOwnHandleAndAnotherGetsASuffix()
    {
        var alpha = await SeedProductAsync(Titled("Alpha", "alpha"));
        var beta = await SeedProductAsync(Titled("Beta", "beta"));

        var (status, body) = await PostAsync(Suffix, Batch.Of(update: new object[]
        {
            Batch.Item(("id", alpha.Num("id")), ("handle", "alpha")),
            Batch.Item(("id", beta.Num("id")), ("handle", "alpha")),
        }));
        var (patchStatus, patched) = await PatchAsync(Suffix, new
        {
            updates = new[] { Batch.Item(("id", beta.Num("id")), ("handle", "alpha")) },
        });

        status.Should().Be(200, body.Text());
        body.Str("update[0].product.handle").Should().Be("alpha");
        body.Str("update[1].product.handle").Should().Be("alpha-2");
        patchStatus.Should().Be(200, patched.Text());
        patched.Str("results[0].product.handle").Should().Be("alpha-2", "the product holds alpha-2 itself");
        (await FindProductAsync(beta.Num("id")))!.Handle.Should().Be("alpha-2");
    }

    [Fact]
    public async Task Batch_SuffixOnTheLongestHandle_ShortensItSoTheSuffixFits()
    {
        var longest = string.Concat(Enumerable.Repeat("abcde", 51));
        await SeedProductAsync(Titled("Long", longest));

        var (status, body) = await PostAsync(Suffix, Batch.Of(create: new object[]
        {
            Batch.Item(("title", "Long again"), ("handle", longest)),
        }));

        status.Should().Be(200, body.Text());
        body.Str("create[0].product.handle").Should().Be(longest[..253] + "-2");
    }

    [Fact]
    public async Task Batch_SuffixAsADryRun_AnswersTheHandleItWouldGiveAndWritesNothing()
    {
        await SeedProductAsync(Titled("Linen", "linen"));

        var (status, body) = await PostAsync(Suffix + "&dry_run=true", Batch.Of(create: new object[]
        {
            Batch.Item(("title", "Linen")),
        }));

        status.Should().Be(200, body.Text());
        body.Str("create[0].product.handle").Should().Be("linen-2");
        (await HandlesAsync()).Should().Equal("linen");
    }

    [Fact]
    public async Task Batch_WithoutTakenHandles_FailsATakenHandleAsBefore()
    {
        await SeedProductAsync(Titled("Linen", "linen"));

        var (status, body) = await PostAsync(ProductsBatch + "?taken_handles=fail", Batch.Of(create: new object[]
        {
            Batch.Item(("title", "Linen")),
        }));
        var (_, byDefault) = await PostAsync(ProductsBatch, Batch.Of(create: new object[]
        {
            Batch.Item(("title", "Linen")),
        }));

        status.Should().Be(200, body.Text());
        body.Str("create[0].error.code").Should().Be("DUPLICATE_HANDLE", body.Text());
        byDefault.Str("create[0].error.code").Should().Be("DUPLICATE_HANDLE", byDefault.Text());
        (await HandlesAsync()).Should().Equal("linen");
    }

    [Theory]
    [InlineData("taken_handles=rename")]
    [InlineData("taken_handles=7")]
    public async Task Batch_UnknownTakenHandles_Answers400NamingTheParameterAndWritesNothing(string query)
    {
        var (status, body) = await PostAsync($"{ProductsBatch}?{query}", Batch.Create(new ProductBuilder()));

        status.Should().Be(400, body.Text());
        body.Str("code").Should().Be("VALIDATION_FAILED");
        body.Fields("errors").Should().Contain("taken_handles");
        (await CountRowsAsync()).Products.Should().Be(0);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(200)]
    public async Task Batch_SuffixWithTakenHandles_ReadsOneQueryMoreWhateverItsSize(int size)
    {
        await SeedProductAsync(Titled("Linen", "linen"));
        var fresh = Enumerable.Range(0, size).Select(i => (object)Batch.Item(("title", $"Fresh {i}"))).ToList();
        var taken = Enumerable.Range(0, size).Select(_ => (object)Batch.Item(("title", "Linen"))).ToList();

        Factory.Statements.Reset();
        await PostAsync(Suffix, Batch.Of(create: fresh));
        var freshReads = Factory.Statements.Reads;
        Factory.Statements.Reset();
        var (status, body) = await PostAsync(Suffix, Batch.Of(create: taken));
        var takenReads = Factory.Statements.Reads;

        status.Should().Be(200, body.Text());
        body.Num("summary.succeeded").Should().Be(size);
        body.Str($"create[{size - 1}].product.handle").Should().Be($"linen-{size + 1}");
        takenReads.Should().Be(freshReads + 1, "the suffixed forms are read in one query, whatever the size");
    }

    [Fact]
    public async Task Batch_SuffixWhenTheFirstFormsReadAreAllTaken_ReadsOnAndPicksTheFirstFree()
    {
        await SeedProductsAsync([
            Titled("Tee", "tee"), .. Enumerable.Range(2, 11).Select(n => Titled($"Tee {n}", $"tee-{n}"))]);

        Factory.Statements.Reset();
        var (status, body) = await PostAsync(Suffix, Batch.Of(create: new object[] { Batch.Item(("title", "Tee")) }));
        var reads = Factory.Statements.Reads;
        Factory.Statements.Reset();
        await PostAsync(Suffix, Batch.Of(create: new object[] { Batch.Item(("title", "Fresh")) }));
        var freshReads = Factory.Statements.Reads;

        status.Should().Be(200, body.Text());
        body.Str("create[0].product.handle").Should().Be("tee-13");
        reads.Should().Be(freshReads + 2, "tee-2 to tee-10 were all taken, so tee-11 on were read too");
    }

    [Fact]
    public async Task Job_Suffix_GivesTheJobsItemsFreeHandles()
    {
        var creates = Enumerable.Range(0, 3).Select(_ => (object)Batch.Item(("title", "Tote"))).ToList();

        var id = await SubmitAcceptedAsync(Suffix, Batch.Of(create: creates));
        var job = await WaitForJobAsync(id);

        job.Str("status").Should().Be("succeeded", job.Text());
        (await HandlesAsync()).Should().BeEquivalentTo("tote", "tote-2", "tote-3");
    }

    private static ProductBuilder Titled(string title, string handle) =>
        new ProductBuilder().With("title", title).With("handle", handle);

    private Task<List<string>> HandlesAsync() =>
        Factory.QueryAsync(db => db.Products.OrderBy(p => p.Id).Select(p => p.Handle).ToListAsync());
}

public sealed class TakenHandlesTestsOnSqlite(JobsSqliteFactory f)
    : TakenHandlesTests(f), IClassFixture<JobsSqliteFactory>;

public sealed class TakenHandlesTestsOnPostgres(JobsPostgresFactory f)
    : TakenHandlesTests(f), IClassFixture<JobsPostgresFactory>;
