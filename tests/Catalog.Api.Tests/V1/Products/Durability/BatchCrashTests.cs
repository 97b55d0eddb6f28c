using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Catalog.Api.Tests.V1.Jobs.Durability;
using Catalog.Testing;
using Xunit.Abstractions;

namespace Catalog.Api.Tests.V1.Products.Durability;

/// <summary>
/// A synchronous batch survives its process being killed: the API runs as a real process, gets a large product batch
/// (500 products, each with two variants carrying prices and every kind of wholesale term), and is killed with SIGKILL
/// at a random moment while it works on it, ten times, restarted each time. After each restart every product of every
/// batch is there whole (its variants, prices and wholesale rows all as sent) or not at all, a batch that was answered
/// 200 is there whole, and the API serves again. (Jobs have JobCrashTests.)
/// </summary>
public abstract class BatchCrashTests(ITestOutputHelper output)
{
    private const int Products = 500;
    private const int Kills = 10;
    private const string Key = "batch-crash-test-key-0123456789";

    protected abstract Task<JobDatabase> CreateDatabaseAsync();

    [Fact]
    public async Task Batch_KilledAtTenRandomMoments_LeavesEveryProductWholeOrAbsentAndServesAgain()
    {
        await using var database = await CreateDatabaseAsync();
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var run = Stopwatch.StartNew();
        var api = await ApiProcess.StartAsync("crash1", database.Provider, database.ConnectionString, Key);
        var outcomes = new List<string>();
        try
        {
            var roles = await SendAsync(api, "/api/v1/wholesale-roles/batch", """
                {"create": [{"key": "gold", "name": "Gold"}, {"key": "silver", "name": "Silver"}]}
                """);
            roles.EnsureSuccessStatusCode();

            // A batch let run whole tells how long one takes here; the kills fall within that time.
            var clock = Stopwatch.StartNew();
            using (var whole = await SendAsync(api, "/api/v1/products/batch", BatchBody(0)))
            {
                whole.EnsureSuccessStatusCode();
            }

            var duration = clock.Elapsed;
            await AssertWholeOrAbsentAsync(database, [0], acknowledged: [0]);
            output.WriteLine($"seed {seed}; one batch of {Products} products takes {duration.TotalMilliseconds:F0} ms");

            var acknowledged = new List<int> { 0 };
            for (var round = 1; round <= Kills; round++)
            {
                var delay = duration * (0.2 + random.NextDouble());
                var sent = SendAsync(api, "/api/v1/products/batch", BatchBody(round));
                await Task.Delay(delay);
                await api.KillAsync();
                var status = await StatusAsync(sent);
                if (status == 200)
                {
                    acknowledged.Add(round);
                }

                var name = $"crash{round + 1}";
                api = await ApiProcess.StartAsync(name, database.Provider, database.ConnectionString, Key);
                var written = await AssertWholeOrAbsentAsync(
                    database, [.. Enumerable.Range(0, round + 1)], acknowledged);
                using var read = await api.Client.GetAsync(new Uri("/api/v1/products?limit=1", UriKind.Relative));
                ((int)read.StatusCode).Should().Be(200, "the restarted API serves");
                var answer = status?.ToString(CultureInfo.InvariantCulture) ?? "none";
                var batch = written.Contains(round) ? "written" : "absent";
                outcomes.Add(
                    $"{run.Elapsed:mm\\:ss\\.f} kill {round} after {delay.TotalMilliseconds:F0} ms: answer {answer}, "
                    + $"batch {batch}");
                output.WriteLine(outcomes[^1]);
            }
        }
        finally
        {
            await api.DisposeAsync();
        }
    }

    /// <summary>
    /// Checks every product of the given rounds in plain SQL: each round's products are all there or none (a batch
    /// commits in one transaction), each there is whole, and an acknowledged round is there. Answers the rounds
    /// written.
    /// </summary>
    private static async Task<HashSet<int>> AssertWholeOrAbsentAsync(
        JobDatabase database, IReadOnlyList<int> rounds, IReadOnlyList<int> acknowledged)
    {
        var rows = await database.RowsAsync("""
            SELECT p.handle, v.sku, v.stock_quantity,
              (SELECT COUNT(*) FROM variant_prices x WHERE x.variant_id = v.id),
              (SELECT SUM(x.amount) FROM variant_prices x WHERE x.variant_id = v.id),
              (SELECT COUNT(*) FROM variant_wholesale_prices x WHERE x.variant_id = v.id),
              (SELECT COUNT(*) FROM variant_wholesale_order_quantities x WHERE x.variant_id = v.id),
              (SELECT COUNT(*) FROM variant_wholesale_visibility x WHERE x.variant_id = v.id),
              (SELECT COUNT(*) FROM variant_wholesale_discount_rules x WHERE x.variant_id = v.id)
            FROM products p LEFT JOIN variants v ON v.product_id = p.id
            """);
        var byProduct = rows.GroupBy(r => (string)r[0]!).ToDictionary(g => g.Key, g => g.ToList());
        var written = new HashSet<int>();
        foreach (var round in rounds)
        {
            var present = Enumerable.Range(0, Products).Count(i => byProduct.ContainsKey(Handle(round, i)));
            present.Should().BeOneOf([0, Products], $"batch {round} commits whole or not at all");
            if (present == 0)
            {
                acknowledged.Should().NotContain(round, $"batch {round} was answered 200, so it is written");
                continue;
            }

            written.Add(round);
            for (var i = 0; i < Products; i++)
            {
                var variants = byProduct[Handle(round, i)].Select(Describe).Order(StringComparer.Ordinal);
                variants.Should().Equal(
                    [Expected(round, i, 0), Expected(round, i, 1)], $"product {Handle(round, i)} is whole");
            }
        }

        byProduct.Keys.Should().BeSubsetOf(
            written.SelectMany(r => Enumerable.Range(0, Products).Select(i => Handle(r, i))), "no stray product");
        return written;
    }

    private static string Describe(object?[] row) => string.Join(' ', row.Skip(1).Select(v =>
        Convert.ToDecimal(v is string ? 0 : v ?? 0, CultureInfo.InvariantCulture)
            .ToString("0.##", CultureInfo.InvariantCulture)))
        + $" {row[1]}";

    // SKU, stock, 2 prices summing to amount + amount + 1, 2 wholesale prices, 1 minimum, 2 visible roles, 1 rule.
    private static string Expected(int round, int i, int v) =>
        string.Join(' ', 0, Stock(i, v), 2, (2 * Amount(i)) + 1, 2, 1, 2, 1) + $" {Sku(round, i, v)}";

    private static string Handle(int round, int i) => $"crash-{round}-{i}";

    private static string Sku(int round, int i, int v) => $"CRASH-{round}-{i}-{v}";

    private static int Stock(int i, int v) => (i * 2) + v;

    private static decimal Amount(int i) => 10 + (i % 50);

    private static string BatchBody(int round)
    {
        var create = Enumerable.Range(0, Products).Select(i => new
        {
            title = $"Crash {round}/{i}",
            handle = Handle(round, i),
            options = new[] { new { title = "Size", values = new[] { "S", "M" } } },
            variants = Enumerable.Range(0, 2).Select(v => new
            {
                title = v == 0 ? "S" : "M",
                sku = Sku(round, i, v),
                options = new Dictionary<string, string> { ["Size"] = v == 0 ? "S" : "M" },
                stock_quantity = Stock(i, v),
                prices = new object[]
                {
                    new { currency_code = "usd", amount = Amount(i) },
                    new { currency_code = "usd", amount = Amount(i) + 1, min_quantity = 10 },
                },
                wholesale = new
                {
                    prices = new[]
                    {
                        new { role = "gold", currency_code = "usd", amount = 8m },
                        new { role = "silver", currency_code = "usd", amount = 9m },
                    },
                    minimum_order_quantities = new[] { new { role = "gold", quantity = 2 } },
                    visibility = new[] { "gold", "silver" },
                    quantity_discount_rules = new[]
                    {
                        new { role = "silver", start_qty = 10, price_type = "percent", value = 5m },
                    },
                },
            }),
        });
        return JsonSerializer.Serialize(new { create });
    }

    private static Task<HttpResponseMessage> SendAsync(ApiProcess api, string url, string json) =>
        api.Client.PostAsync(
            new Uri(url, UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));

    /// <summary>The status the batch was answered with, or null when the process died first.</summary>
    private static async Task<int?> StatusAsync(Task<HttpResponseMessage> sent)
    {
        try
        {
            using var response = await sent;
            return (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }
}

public sealed class BatchCrashTestsOnSqlite(ITestOutputHelper output) : BatchCrashTests(output)
{
    protected override Task<JobDatabase> CreateDatabaseAsync() => JobDatabase.CreateSqliteAsync();
}

public sealed class BatchCrashTestsOnPostgres(ITestOutputHelper output) : BatchCrashTests(output)
{
    protected override Task<JobDatabase> CreateDatabaseAsync() => JobDatabase.CreatePostgresAsync();
}
