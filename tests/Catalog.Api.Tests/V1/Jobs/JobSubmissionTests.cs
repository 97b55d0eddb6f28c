using System.Globalization;
using System.Text.Json.Nodes;
using Catalog.Infrastructure.Auth;
using Catalog.Testing;

namespace Catalog.Api.Tests.V1.Jobs;

/// <summary>
/// <c>Prefer: respond-async</c> on the canonical batch routes: the 202, the job as polling sees it, its results, who
/// may see it.
/// </summary>
public abstract class JobSubmissionTests(CatalogApiFactory factory) : JobsApiTest(factory)
{
    [Fact]
    public async Task ProductsPost_RespondAsync_Answers202WithLocationAndTheQueuedJob()
    {
        var product = new ProductBuilder().WithVariants(1);

        var submitted = await SubmitAsync(ProductsBatch, Batch.Create(product));

        submitted.Status.Should().Be(202, submitted.Body.Text());
        submitted.Location.Should().Be($"/api/v1/jobs/{submitted.JobId}");
        submitted.PreferenceApplied.Should().Be("respond-async");
        submitted.Body.Str("kind").Should().Be("products");
        submitted.Body.Str("status").Should().Be("queued");
        submitted.Body.Num("total").Should().Be(1);
        var job = await WaitForJobAsync(submitted.JobId);
        job.Str("status").Should().Be("succeeded", job.Text());
        var (status, list) = await GetAsync("/api/v1/products?sku=" + product.Variants[0].Sku);
        status.Should().Be(200, list.Text());
        list.Str("items[0].handle").Should().Be(product.Handle, list.Text());
    }

    [Fact]
    public async Task ProductsPatch_RespondAsync_AppliesTheUpdates()
    {
        var product = await SeedProductAsync(new ProductBuilder().WithVariants(1));

        var id = await SubmitAcceptedAsync(
            ProductsBatch,
            new { updates = new[] { Batch.Item(("id", product.Num("id")), ("title", "Renamed")) } },
            HttpMethod.Patch);

        (await WaitForJobAsync(id)).Str("status").Should().Be("succeeded");
        var (_, stored) = await GetAsync($"/api/v1/products/{product.Num("id")}");
        stored.Str("title").Should().Be("Renamed", stored.Text());
    }

    [Fact]
    public async Task VariantsPost_RespondAsync_AddsTheVariant()
    {
        var product = await SeedProductAsync(new ProductBuilder().WithVariants(1));
        var variant = new VariantBuilder();

        var id = await SubmitAcceptedAsync(VariantsBatch(product.Num("id")), Batch.Of(create: [variant.Build()]));

        var job = await WaitForJobAsync(id);
        job.Str("status").Should().Be("succeeded", job.Text());
        job.Str("kind").Should().Be("variants");
        var results = await AllResultsAsync(id);
        var (status, stored) = await GetAsync($"/api/v1/variants/{results[0].Num("id")}");
        status.Should().Be(200, stored.Text());
        stored.Str("sku").Should().Be(variant.Sku);
        stored.Num("product_id").Should().Be(product.Num("id"));
    }

    [Fact]
    public async Task CategoriesPost_RespondAsync_CreatesTheCategory()
    {
        var id = await SubmitAcceptedAsync(
            CategoriesBatch, Batch.Of(create: [new CategoryBuilder().With("name", "Async shelf").Build()]));

        (await WaitForJobAsync(id)).Str("status").Should().Be("succeeded");
        var created = (await AllResultsAsync(id))[0].Num("id");
        var (_, stored) = await GetAsync($"/api/v1/categories/{created}");
        stored.Str("name").Should().Be("Async shelf", stored.Text());
    }

    [Fact]
    public async Task AttributesPost_RespondAsync_CreatesTheAttribute()
    {
        var id = await SubmitAcceptedAsync(
            AttributesBatch, Batch.Of(create: [new AttributeBuilder().With("name", "Async colour").Build()]));

        (await WaitForJobAsync(id)).Str("status").Should().Be("succeeded");
        var created = (await AllResultsAsync(id))[0].Num("id");
        var (_, stored) = await GetAsync($"/api/v1/attributes/{created}");
        stored.Str("name").Should().Be("Async colour", stored.Text());
    }

    [Fact]
    public async Task TagsPost_RespondAsync_CreatesTheTag()
    {
        var id = await SubmitAcceptedAsync("/api/v1/tags/batch", Batch.Of(create: [Batch.Item(("name", "Async tag"))]));

        (await WaitForJobAsync(id)).Str("status").Should().Be("succeeded");
        var created = (await AllResultsAsync(id))[0].Num("id");
        var (_, stored) = await GetAsync($"/api/v1/tags/{created}");
        stored.Str("slug").Should().Be("async-tag", stored.Text());
    }

    [Fact]
    public async Task WholesaleRolesPost_RespondAsync_CreatesTheRole()
    {
        var id = await SubmitAcceptedAsync(
            RolesBatch, Batch.Of(create: [Batch.Item(("key", "async_role"), ("name", "Async role"))]));

        (await WaitForJobAsync(id)).Str("status").Should().Be("succeeded");
        var created = (await AllResultsAsync(id))[0].Num("id");
        var (_, stored) = await GetAsync($"/api/v1/wholesale-roles/{created}");
        stored.Str("key").Should().Be("async_role", stored.Text());
    }

    [Fact]
    public async Task ProductsPost_WithoutPrefer_AnswersSynchronouslyAndCreatesNoJob()
    {
        var (status, body) = await PostAsync(ProductsBatch, Batch.Create(new ProductBuilder().WithVariants(1)));

        status.Should().Be(200, body.Text());
        body.Str("create[0].status").Should().Be("succeeded");
        (await CountJobRowsAsync()).Should().Be(new JobRowCounts(0, 0, 0));
    }

    [Fact]
    public async Task ProductsPost_ItemStoredAsSent_IsAppliedAsTheSynchronousRouteAppliesIt()
    {
        // A job keeps each canonical item as sent, not written again from its type: names in another case, spaces,
        // escapes, trailing zeros, an explicit null and free JSON must read back as the synchronous route reads them.
        static string Sent(string tag) => $$"""
            { "create" : [ {
                "Title" : "Caf\u00e9 \"{{tag}}\"",  "handle": "as-sent-{{tag}}", "DESCRIPTION" : null,
                "metadata": { "nested": { "list": [1, 2.50, "x\n", null] }, "flag": true, "\u00fcber": {} },
                "weight": 1.250, "tags" : [ "a" , "b" ],
                "variants": [ { "title": "S", "sku": "AS-SENT-{{tag}}", "Stock_Quantity": 7,
                    "prices": [ { "currency_code": "usd", "amount": 12.50, "min_quantity": 2 } ] } ]
            } ] }
            """;
        var (status, synchronous) = await PostRawAsync(ProductsBatch, Sent("sync"));
        status.Should().Be(200, synchronous.Text());
        synchronous.Str("create[0].status").Should().Be("succeeded", synchronous.Text());

        var submitted = await SubmitRawAsync(ProductsBatch, RawBody(Sent("job")));
        var job = await WaitForJobAsync(submitted.JobId);
        var created = (await AllResultsAsync(submitted.JobId)).Single();
        job.Str("status").Should().Be("succeeded", created.Text());

        var (_, viaSync) = await GetAsync($"/api/v1/products/{synchronous.Num("create[0].id")}");
        var (_, viaJob) = await GetAsync($"/api/v1/products/{created.Num("id")}");
        viaJob.Str("title").Should().Be("Caf\u00e9 \"job\"");
        Comparable(viaJob!, "job").Should().Be(Comparable(viaSync!, "sync"));
    }

    /// <summary>A product's JSON without what differs between two creates: ids, times, versions, the tag.</summary>
    private static string Comparable(JsonNode product, string tag)
    {
        static void Strip(JsonNode? node)
        {
            if (node is JsonObject fields)
            {
                foreach (var name in new[] { "id", "product_id", "variant_id", "created_at", "updated_at", "version" })
                {
                    fields.Remove(name);
                }

                foreach (var (_, value) in fields)
                {
                    Strip(value);
                }
            }
            else if (node is JsonArray items)
            {
                foreach (var item in items)
                {
                    Strip(item);
                }
            }
        }

        var copy = product.DeepClone();
        Strip(copy);
        return copy.ToJsonString().Replace(tag, "TAG", StringComparison.Ordinal)
            .Replace(tag.ToUpperInvariant(), "TAG", StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetJob_Finished_AnswersCountsSummaryAndTimes()
    {
        var existing = await SeedProductAsync(new ProductBuilder().WithVariants(1));
        var batch = Batch.Of(
            create: [new ProductBuilder().WithVariants(1).Build(), new ProductBuilder().WithVariants(1).Build()],
            update: [Batch.Item(("id", 424242), ("title", "Nobody"))],
            delete: [existing.Num("id")]);

        var submitted = await SubmitAsync(ProductsBatch, batch);
        var job = await WaitForJobAsync(submitted.JobId);

        job.Str("status").Should().Be("partially_succeeded", job.Text());
        job.Num("total").Should().Be(4);
        job.Num("processed").Should().Be(4);
        job.Num("left").Should().Be(0);
        job.Num("summary.total").Should().Be(4);
        job.Num("summary.succeeded").Should().Be(3);
        job.Num("summary.failed").Should().Be(1);
        job.Num("summary.not_applied").Should().Be(0);
        var created = DateTimeOffset.Parse(job.Str("created_at")!, CultureInfo.InvariantCulture);
        var started = DateTimeOffset.Parse(job.Str("started_at")!, CultureInfo.InvariantCulture);
        var finished = DateTimeOffset.Parse(job.Str("finished_at")!, CultureInfo.InvariantCulture);
        started.Should().BeOnOrAfter(created);
        finished.Should().BeOnOrAfter(started);
        submitted.Body.At("started_at").Should().BeNull();
    }

    [Fact]
    public async Task GetJob_EveryItemFails_IsFailed()
    {
        var id = await SubmitAcceptedAsync(ProductsBatch, Batch.Delete(424242, 424243));

        var job = await WaitForJobAsync(id);

        job.Str("status").Should().Be("failed", job.Text());
        job.Num("summary.failed").Should().Be(2);
    }

    [Fact]
    public async Task GetResults_MixedBatch_AnswersCreatesThenUpdatesThenDeletesWithPositionAndIndex()
    {
        var existing = await SeedProductsAsync(
            new ProductBuilder().WithVariants(1), new ProductBuilder().WithVariants(1));
        // Sent deletes first, updates second, creates last: applied creates, updates, deletes; positions as sent.
        var body = new Dictionary<string, object?>
        {
            ["delete"] = new[] { existing[0].Num("id") },
            ["update"] = new[] { Batch.Item(("id", existing[1].Num("id")), ("title", "Updated")) },
            ["create"] = Products(2),
        };

        var id = await SubmitAcceptedAsync(ProductsBatch, body);
        await WaitForJobAsync(id);
        var results = await AllResultsAsync(id);

        results.Select(r => (r.Num("position"), r.Str("operation"), r.Num("index"))).Should().Equal(
            (0, "delete", 0), (1, "update", 0), (2, "create", 0), (3, "create", 1));
        results.Should().OnlyContain(r => r.Str("status") == "succeeded");
        results[0].Num("id").Should().Be(existing[0].Num("id"));
        results[1].Num("id").Should().Be(existing[1].Num("id"));
        results[0].At("product").Should().BeNull("a job's result carries no resource");
        var (status, _) = await GetAsync($"/api/v1/products/{existing[0].Num("id")}");
        status.Should().Be(404);
    }

    [Fact]
    public async Task GetResults_FailedOnlyAndPaged_AnswersTheFailuresAcrossPages()
    {
        var creates = Products(7);
        foreach (var i in new[] { 1, 4, 6 })
        {
            creates[i]["category_ids"] = new[] { 424242 };
        }

        var id = await SubmitAcceptedAsync(ProductsBatch, Batch.Of(create: creates));
        await WaitForJobAsync(id);

        var (status, first) = await GetAsync(ResultsUrl(id, "?status=failed&limit=2"));
        status.Should().Be(200, first.Text());
        first.Arr("items").Select(i => i.Num("position")).Should().Equal(1, 4);
        first.Num("next_after").Should().Be(4);
        first.Str("job.status").Should().Be("partially_succeeded");
        var (_, second) = await GetAsync(ResultsUrl(id, "?status=failed&limit=2&after=4"));
        second.Arr("items").Select(i => i.Num("position")).Should().Equal(6);
        second.At("next_after").Should().BeNull(second.Text());
        second.Str("items[0].error.code").Should().Be("REFERENCE_NOT_FOUND");
        var all = await AllResultsAsync(id);
        all.Select(r => r.Num("position")).Should().Equal(0, 1, 2, 3, 4, 5, 6);
    }

    [Fact]
    public async Task GetResults_LimitOutOfRange_Answers400()
    {
        var id = await SubmitAcceptedAsync(ProductsBatch, Batch.Create(new ProductBuilder()));

        var (status, body) = await GetAsync(ResultsUrl(id, "?limit=0"));

        status.Should().Be(400, body.Text());
        body.Fields("errors").Should().Contain("limit");
    }

    [Fact]
    public async Task ProductsPost_1200Items_RunsInThreeChunksAndWritesEachProductOnce()
    {
        var creates = Products(1200);

        var id = await SubmitAcceptedAsync(ProductsBatch, Batch.Of(create: creates));
        var job = await WaitForJobAsync(id);

        job.Str("status").Should().Be("succeeded", job.Text());
        job.Num("processed").Should().Be(1200);
        (await CountRowsAsync()).Products.Should().Be(1200);
        var results = await AllResultsAsync(id);
        results.Select(r => r.Num("position")).Should().Equal(Enumerable.Range(0, 1200).Select(i => (long)i));
        results.Select(r => r.Num("id")).Should().OnlyHaveUniqueItems();
        (await CountJobRowsAsync()).Should().Be(new JobRowCounts(1, 0, 1200), "chunks are deleted as they run");
    }

    [Fact]
    public async Task ProductsPost_DuplicateSkuInALaterChunk_FailsOnlyTheLaterItem()
    {
        var creates = Products(1100);
        var sku = ((List<Dictionary<string, object?>>)creates[10]["variants"]!)[0]["sku"];
        ((List<Dictionary<string, object?>>)creates[1050]["variants"]!)[0]["sku"] = sku;

        var id = await SubmitAcceptedAsync(ProductsBatch, Batch.Of(create: creates));
        var job = await WaitForJobAsync(id);

        job.Str("status").Should().Be("partially_succeeded", job.Text());
        var failed = await AllResultsAsync(id, "&status=failed");
        failed.Select(r => r.Num("position")).Should().Equal(1050);
        failed[0].Str("error.code").Should().Be("DUPLICATE_SKU", "the earlier item is stored by then");
        (await CountRowsAsync()).Products.Should().Be(1099);
    }

    [Fact]
    public async Task ProductsPost_TitleOverTheLimit_FailsOnlyThatItem()
    {
        var creates = Products(3);
        creates[1]["title"] = new string('x', 10_000);

        var id = await SubmitAcceptedAsync(ProductsBatch, Batch.Of(create: creates));
        var job = await WaitForJobAsync(id);

        job.Str("status").Should().Be("partially_succeeded", job.Text());
        var results = await AllResultsAsync(id);
        results.Select(r => r.Str("status")).Should().Equal("succeeded", "failed", "succeeded");
        results[1].Str("error.code").Should().Be("VALIDATION_FAILED");
        results[1].Fields("error.details").Should().Contain("title");
        (await CountRowsAsync()).Products.Should().Be(2);
    }

    [Fact]
    public async Task ProductsPost_AtomicWithOneBadItem_AppliesNothing()
    {
        var creates = Products(4);
        creates[2]["category_ids"] = new[] { 424242 };

        var id = await SubmitAcceptedAsync(ProductsBatch + "?policy=atomic", Batch.Of(create: creates));
        var job = await WaitForJobAsync(id);

        job.Str("status").Should().Be("failed", job.Text());
        job.Str("policy").Should().Be("atomic");
        var results = await AllResultsAsync(id);
        results.Select(r => r.Str("status")).Should().Equal("not_applied", "not_applied", "failed", "not_applied");
        (await CountRowsAsync()).Products.Should().Be(0);
    }

    [Fact]
    public async Task ProductsPost_NoPolicy_IsPartial()
    {
        var creates = Products(2);
        creates[0]["category_ids"] = new[] { 424242 };

        var submitted = await SubmitAsync(ProductsBatch, Batch.Of(create: creates));
        var job = await WaitForJobAsync(submitted.JobId);

        submitted.Body.Str("policy").Should().Be("partial");
        job.Str("status").Should().Be("partially_succeeded", job.Text());
        (await CountRowsAsync()).Products.Should().Be(1);
    }

    [Fact]
    public async Task Jobs_AnotherKey_GetsNotFoundAndDoesNotSeeTheJob()
    {
        var id = await SubmitAcceptedAsync(ProductsBatch, Batch.Create(new ProductBuilder()));
        await WaitForJobAsync(id);
        using var other = Factory.CreateClientWithKey(await Factory.CreateKeyAsync(Scopes.All));

        (await GetAsync(JobUrl(id), other)).Status.Should().Be(404);
        (await GetAsync(ResultsUrl(id), other)).Status.Should().Be(404);
        (await SendAsync(HttpMethod.Delete, JobUrl(id), null, other)).Status.Should().Be(404);
        var (status, list) = await GetAsync("/api/v1/jobs", other);
        status.Should().Be(200, list.Text());
        list.Arr("items").Should().BeEmpty();
        var (_, mine) = await GetAsync("/api/v1/jobs");
        mine.Arr("items").Select(j => j.Num("id")).Should().Equal(id);
    }

    [Fact]
    public async Task ListJobs_Paged_AnswersNewestFirst()
    {
        var ids = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await SubmitAcceptedAsync(ProductsBatch, Batch.Create(new ProductBuilder())));
        }

        var (_, first) = await GetAsync("/api/v1/jobs?limit=2");
        first.Arr("items").Select(j => j.Num("id")).Should().Equal(ids[2], ids[1]);
        var (_, second) = await GetAsync($"/api/v1/jobs?limit=2&before={first.Num("next_before")}");
        second.Arr("items").Select(j => j.Num("id")).Should().Equal(ids[0]);
        second.At("next_before").Should().BeNull();
    }

    [Fact]
    public async Task CancelJob_Finished_Answers409()
    {
        var id = await SubmitAcceptedAsync(ProductsBatch, Batch.Create(new ProductBuilder()));
        await WaitForJobAsync(id);

        var (status, body) = await SendAsync(HttpMethod.Delete, JobUrl(id));

        status.Should().Be(409, body.Text());
        body.Str("code").Should().Be("CONFLICT");
        (await GetAsync(JobUrl(id))).Body.Str("status").Should().Be("succeeded");
    }

    [Fact]
    public async Task Jobs_UnknownId_Answers404()
    {
        (await GetAsync(JobUrl(424242))).Status.Should().Be(404);
        (await GetAsync(ResultsUrl(424242))).Status.Should().Be(404);
        (await SendAsync(HttpMethod.Delete, JobUrl(424242))).Status.Should().Be(404);
    }
}

public sealed class JobSubmissionTestsOnSqlite(JobsSqliteFactory factory)
    : JobSubmissionTests(factory), IClassFixture<JobsSqliteFactory>;

public sealed class JobSubmissionTestsOnPostgres(JobsPostgresFactory factory)
    : JobSubmissionTests(factory), IClassFixture<JobsPostgresFactory>;
