using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Catalog.Infrastructure.Auth;
using Catalog.Testing;

namespace Catalog.Api.Tests.Common;

/// <summary>
/// Bodies over <c>Catalog:Limits</c> (<see cref="Api.Common.RequestLimits"/>) get a 413 in the route's own shape, from
/// real Kestrel on a loopback port: before the body is sent when <c>Content-Length</c> says it is too large and the
/// client waits for <c>100 Continue</c>, as curl does; as it crosses the limit when it is chunked. The limits are set
/// low (1 MiB, 4 MiB for jobs) so that crossing them is quick; what a limit does not depend on its size.
/// </summary>
public abstract class RequestLimitsTests(CatalogApiFactory factory) : CatalogApiTest(factory)
{
    private const long FortyMegabytes = 40L * 1024 * 1024;

    [Fact]
    public async Task ProductsBatch_40MBWithExpectContinue_Answers413ProblemBeforeTheBodyIsSent()
    {
        var body = new CountingContent(FortyMegabytes);

        var (status, answer) = await SendExpectingContinueAsync(Factory, ProductsBatch, body);

        status.Should().Be(413, answer.Text());
        answer.Str("code").Should().Be("BATCH_TOO_LARGE");
        answer.Num("status").Should().Be(413);
        body.BytesSent.Should().Be(0, "the answer came before 100 Continue, so the client never sent the body");
        (await CountRowsAsync()).Products.Should().Be(0);
    }

    [Fact]
    public async Task WooCommerceBatch_40MBWithExpectContinue_Answers413EnvelopeBeforeTheBodyIsSent()
    {
        var body = new CountingContent(FortyMegabytes);
        var pair = Factory.Credentials(CatalogApiFactory.WriteKey);
        var basic = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{pair.ConsumerKey}:{pair.ConsumerSecret}")));

        var (status, answer) = await SendExpectingContinueAsync(
            Factory, "/wp-json/wc/v3/products/batch", body, basic);

        status.Should().Be(413, answer.Text());
        answer.Str("code").Should().Be("woocommerce_rest_request_entity_too_large");
        answer.Num("data.status").Should().Be(413);
        body.BytesSent.Should().Be(0);
    }

    [Fact]
    public async Task ProductsBatch_ChunkedBodyOverTheLimit_Answers413ProblemAsItCrossesIt()
    {
        // HttpClient stops at the first failed write and drops an answer that came early, as curl does not: a socket
        // writes the chunks while the answer is read beside them.
        const long Most = 64L * 1024 * 1024;
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, Factory.KestrelPort!.Value);
        await using var connection = new NetworkStream(socket);
        await connection.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST {ProductsBatch} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + $"Authorization: Bearer {CatalogApiFactory.WriteKey}\r\n"
            + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"));
        var answer = ReadToEndAsync(connection);
        var chunk = Encoding.ASCII.GetBytes($"10000\r\n{{{new string(' ', 0xFFFF)}\r\n");
        long sent = 0;
        try
        {
            while (!answer.IsCompleted && sent < Most)
            {
                await connection.WriteAsync(chunk);
                sent += 0x10000;
            }
        }
        catch (IOException)
        {
            // The server closes the connection once it has answered.
        }

        var text = await answer;
        text.Should().StartWith("HTTP/1.1 413 ");
        text.Should().Contain("\"code\":\"BATCH_TOO_LARGE\"");
        sent.Should().BeLessThan(Most, "the server answered as the body crossed its limit, not at its end");
    }

    private static async Task<string> ReadToEndAsync(Stream connection)
    {
        var answer = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await connection.ReadAsync(buffer)) > 0)
            {
                answer.Write(buffer, 0, read);
            }
        }
        catch (IOException)
        {
            // A reset after the answer ends it as well as a close.
        }

        return Encoding.UTF8.GetString(answer.ToArray());
    }

    [Fact]
    public async Task ProductsBatch_UnderTheLimit_IsRead()
    {
        var json = JsonSerializer.Serialize(Batch.Create(new ProductBuilder()), Json);
        var padded = json[..^1] + new string(' ', (int)SmallLimits.MaxBodyBytes - json.Length - 1) + "}";

        var (status, body) = await PostRawAsync(ProductsBatch, padded);

        status.Should().Be(200, body.Text());
        (await CountRowsAsync()).Products.Should().Be(1);
    }

    [Fact]
    public async Task ProductsJob_OverTheSynchronousLimitUnderTheJobLimit_IsAccepted()
    {
        var json = JsonSerializer.Serialize(Batch.Create(new ProductBuilder()), Json);
        var padded = json[..^1] + new string(' ', (int)(2 * SmallLimits.MaxBodyBytes)) + "}";
        using var request = new HttpRequestMessage(HttpMethod.Post, ProductsBatch) { Content = Body(padded) };
        request.Headers.Add("Prefer", "respond-async");
        request.Headers.ExpectContinue = true;

        using var response = await Client.SendAsync(request);

        ((int)response.StatusCode).Should().Be(202, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ProductsJob_OverTheJobLimit_Answers413Problem()
    {
        var body = new CountingContent(2 * SmallLimits.MaxJobBodyBytes);

        var (status, answer) = await SendExpectingContinueAsync(
            Factory, ProductsBatch, body, prefer: "respond-async");

        status.Should().Be(413, answer.Text());
        answer.Str("code").Should().Be("BATCH_TOO_LARGE");
        body.BytesSent.Should().Be(0);
    }

    /// <summary>
    /// Sends with <c>Expect: 100-continue</c> from a client that waits for the server's word as long as it takes
    /// (HttpClient, like curl, sends the body anyway after one second): what is checked is that the server refuses
    /// before it asks for the body, not how quickly a loaded test machine answers.
    /// </summary>
    internal static async Task<(int Status, JsonNode? Body)> SendExpectingContinueAsync(
        CatalogApiFactory factory,
        string url,
        HttpContent content,
        AuthenticationHeaderValue? authorization = null,
        string? prefer = null)
    {
        using var handler = new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromMinutes(1) };
        using var client = new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{factory.KestrelPort}") };
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.ExpectContinue = true;
        request.Headers.Authorization = authorization ?? new("Bearer", CatalogApiFactory.WriteKey);
        if (prefer is not null)
        {
            request.Headers.Add("Prefer", prefer);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// <summary>
    /// A JSON body of <see cref="Length"/> bytes (spaces inside an object) made as it is sent, counting what the
    /// client wrote to the connection; chunked when the length is not announced.
    /// </summary>
    internal sealed class CountingContent : HttpContent
    {
        private readonly bool _chunked;

        public CountingContent(long length, bool chunked = false)
        {
            Length = length;
            _chunked = chunked;
            Headers.ContentType = new("application/json");
        }

        public long Length { get; }

        public long BytesSent { get; private set; }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var block = new byte[64 * 1024];
            Array.Fill(block, (byte)' ');
            block[0] = (byte)'{';
            while (BytesSent < Length)
            {
                var size = (int)Math.Min(block.Length, Length - BytesSent);
                if (BytesSent + size == Length)
                {
                    block[size - 1] = (byte)'}';
                }

                await stream.WriteAsync(block.AsMemory(0, size));
                BytesSent += size;
                block[0] = (byte)' ';
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = Length;
            return !_chunked;
        }
    }
}

/// <summary>The limits as shipped: 32 MiB for a synchronous request, above Kestrel's own 30,000,000 bytes.</summary>
public abstract class DefaultRequestLimitsTests(CatalogApiFactory factory) : CatalogApiTest(factory)
{
    [Fact]
    public async Task ProductsBatch_40MBWithExpectContinue_Answers413ProblemBeforeTheBodyIsSent()
    {
        var body = new RequestLimitsTests.CountingContent(40L * 1024 * 1024);

        var (status, answer) = await RequestLimitsTests.SendExpectingContinueAsync(Factory, ProductsBatch, body);

        status.Should().Be(413, answer.Text());
        answer.Str("code").Should().Be("BATCH_TOO_LARGE");
        body.BytesSent.Should().Be(0);
    }

    [Fact]
    public async Task ProductsBatch_31MB_IsRead()
    {
        var json = JsonSerializer.Serialize(Batch.Create(new ProductBuilder()), Json);
        var padded = json[..^1] + new string(' ', (31 * 1024 * 1024) - json.Length) + "}";

        var (status, body) = await PostRawAsync(ProductsBatch, padded);

        status.Should().Be(200, body.Text());
        (await CountRowsAsync()).Products.Should().Be(1);
    }
}

/// <summary>Body limits low enough to cross quickly: 1 MiB for a request, 4 MiB for a job.</summary>
public static class SmallLimits
{
    public const long MaxBodyBytes = 1024 * 1024;
    public const long MaxJobBodyBytes = 4 * MaxBodyBytes;

    public static readonly IReadOnlyDictionary<string, string?> Settings = new Dictionary<string, string?>
    {
        ["Catalog:Limits:MaxBodyBytes"] = MaxBodyBytes.ToString(CultureInfo.InvariantCulture),
        ["Catalog:Limits:MaxJobBodyBytes"] = MaxJobBodyBytes.ToString(CultureInfo.InvariantCulture),
        ["Catalog:Jobs:RunWorker"] = "false",
    };
}

public sealed class SmallLimitsSqliteFactory : SqliteApiFactory
{
    public SmallLimitsSqliteFactory() => KestrelPort = TestEnvironment.FreePort();

    protected override IReadOnlyDictionary<string, string?> Settings => SmallLimits.Settings;
}

public sealed class SmallLimitsPostgresFactory : PostgresApiFactory
{
    public SmallLimitsPostgresFactory() => KestrelPort = TestEnvironment.FreePort();

    protected override IReadOnlyDictionary<string, string?> Settings => SmallLimits.Settings;
}

public sealed class RequestLimitsTestsOnSqlite(SmallLimitsSqliteFactory factory)
    : RequestLimitsTests(factory), IClassFixture<SmallLimitsSqliteFactory>;

public sealed class RequestLimitsTestsOnPostgres(SmallLimitsPostgresFactory factory)
    : RequestLimitsTests(factory), IClassFixture<SmallLimitsPostgresFactory>;

public sealed class DefaultRequestLimitsTestsOnSqlite(KestrelSqliteFactory factory)
    : DefaultRequestLimitsTests(factory), IClassFixture<KestrelSqliteFactory>;

public sealed class DefaultRequestLimitsTestsOnPostgres(KestrelPostgresFactory factory)
    : DefaultRequestLimitsTests(factory), IClassFixture<KestrelPostgresFactory>;
