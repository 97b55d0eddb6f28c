using System.Buffers;
using System.Text;
using Catalog.Application.Common.Batches;
using Microsoft.AspNetCore.Mvc.Formatters;

namespace Catalog.Api.Common;

/// <summary>
/// MVC's JSON output: a write's answer serialized whole into pooled memory first, then sent with its
/// <c>Content-Length</c> in one write; a read's answer streamed once it is large (<see cref="BoundedAnswerStream"/>).
/// It takes the place of MVC's <see cref="SystemTextJsonOutputFormatter"/>, with the same options, media types and
/// encodings.
/// </summary>
/// <remarks>
/// A batch answer runs to megabytes. Streamed, it left in chunks of a few kilobytes, each a flush through Kestrel and a
/// chunk the client must take apart; written whole it goes out faster (see docs/benchmarks.md) and the client knows its
/// size up front. And nothing is sent before the whole answer serialized: a value that cannot be written fails before
/// the status line, so the exception handler still answers, instead of a 200 cut off in the middle. A batch's answer
/// is bounded by its body's (<c>Catalog:Limits:MaxBodyBytes</c>).
/// A read's answer is bounded only by its page size times the largest item (docs/reliability.md, "Bounded answers"):
/// hundreds of megabytes, built whole by each of several concurrent readers, is what took a process to gigabytes
/// (issue 16). So a GET is serialized by the asynchronous serializer, which flushes between the items of a list, into
/// a stream that holds the first <see cref="BoundedAnswerStream.Threshold"/> bytes and sends the rest as it comes: a
/// small answer is still whole, with its length and its failure before the status line; a large one costs a bounded
/// buffer, and a failure in it cuts the answer off (a client sees a broken body, never a complete wrong one).
/// </remarks>
internal sealed class BufferedJsonOutputFormatter : TextOutputFormatter
{
    private readonly JsonSerializerOptions _options;

    public BufferedJsonOutputFormatter(JsonSerializerOptions options)
    {
        _options = options;
        SupportedEncodings.Add(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
        SupportedEncodings.Add(new UnicodeEncoding(bigEndian: false, byteOrderMark: true, throwOnInvalidBytes: true));
        SupportedMediaTypes.Add("application/json");
        SupportedMediaTypes.Add("text/json");
        SupportedMediaTypes.Add("application/*+json");
    }

    public static void Replace(MvcOptions mvc, IOptions<JsonOptions> json)
    {
        var index = mvc.OutputFormatters.IndexOf(mvc.OutputFormatters.OfType<SystemTextJsonOutputFormatter>().Single());
        mvc.OutputFormatters[index] = new BufferedJsonOutputFormatter(json.Value.JsonSerializerOptions);
    }

    public override async Task WriteResponseBodyAsync(OutputFormatterWriteContext context, Encoding selectedEncoding)
    {
        // No type here is polymorphic, so the runtime type is the one MVC's own formatter would choose.
        var type = context.Object?.GetType() ?? context.ObjectType ?? typeof(object);
        var response = context.HttpContext.Response;
        var aborted = context.HttpContext.RequestAborted;
        var phases = context.HttpContext.RequestServices.GetRequiredService<BatchPhases>();
        phases.Lap(HostPhases.Render);
        if (HttpMethods.IsGet(context.HttpContext.Request.Method))
        {
            await StreamAsync(context.Object, type, response, selectedEncoding, aborted);
            phases.Lap(HostPhases.Serialize);
            return;
        }

        using var buffer = new PooledSegmentWriter();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions(_options)))
        {
            JsonSerializer.Serialize(writer, context.Object, _options.GetTypeInfo(type));
        }

        phases.Lap(HostPhases.Serialize);

        if (selectedEncoding.CodePage == Encoding.UTF8.CodePage)
        {
            response.ContentLength = buffer.Length;
            await buffer.CopyToAsync(response.Body, aborted);
            return;
        }

        await using var transcoding =
            Encoding.CreateTranscodingStream(response.Body, selectedEncoding, Encoding.UTF8, leaveOpen: true);
        await buffer.CopyToAsync(transcoding, aborted);
    }

    private async Task StreamAsync(
        object? value, Type type, HttpResponse response, Encoding encoding, CancellationToken aborted)
    {
        await using var bounded = new BoundedAnswerStream(response, aborted);
        if (encoding.CodePage == Encoding.UTF8.CodePage)
        {
            await JsonSerializer.SerializeAsync(bounded, value, _options.GetTypeInfo(type), aborted);
        }
        else
        {
            await using var transcoding =
                Encoding.CreateTranscodingStream(bounded, encoding, Encoding.UTF8, leaveOpen: true);
            await JsonSerializer.SerializeAsync(transcoding, value, _options.GetTypeInfo(type), aborted);
            await transcoding.FlushAsync(aborted);
        }

        await bounded.CompleteAsync();
    }

    /// <summary>The serializer's own writer settings: its output is valid by construction.</summary>
    private static JsonWriterOptions WriterOptions(JsonSerializerOptions options) => new()
    {
        Encoder = options.Encoder,
        Indented = options.WriteIndented,
        IndentCharacter = options.IndentCharacter,
        IndentSize = options.IndentSize,
        NewLine = options.NewLine,
        MaxDepth = options.MaxDepth,
        SkipValidation = true,
    };
}

/// <summary>The API's phases after the engine's (<see cref="EnginePhases"/>).</summary>
internal static class HostPhases
{
    /// <summary>From the engine's answer to its serialization: a dialect's rendering, MVC's result.</summary>
    public const string Render = "render";

    /// <summary>The answer written as JSON.</summary>
    public const string Serialize = "serialize";
}
