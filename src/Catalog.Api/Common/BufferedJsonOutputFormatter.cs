using System.Buffers;
using System.Text;
using Catalog.Application.Common.Batches;
using Microsoft.AspNetCore.Mvc.Formatters;

namespace Catalog.Api.Common;

/// <summary>
/// MVC's JSON output, written whole: serialized into pooled memory first, then sent with its <c>Content-Length</c> in
/// one write. It takes the place of MVC's <see cref="SystemTextJsonOutputFormatter"/>, with the same options, media
/// types and encodings.
/// </summary>
/// <remarks>
/// A batch answer runs to megabytes. Streamed, it left in chunks of a few kilobytes, each a flush through Kestrel and a
/// chunk the client must take apart; written whole it goes out faster (see docs/benchmarks.md) and the client knows its
/// size up front. And nothing is sent before the whole answer serialized: a value that cannot be written fails before
/// the status line, so the exception handler still answers, instead of a 200 cut off in the middle.
/// Serializing synchronously suits every answer here; an action that streams (<c>IAsyncEnumerable</c>) would need MVC's
/// own formatter back.
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
        using var buffer = new PooledBufferWriter();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions(_options)))
        {
            JsonSerializer.Serialize(writer, context.Object, _options.GetTypeInfo(type));
        }

        phases.Lap(HostPhases.Serialize);

        if (selectedEncoding.CodePage == Encoding.UTF8.CodePage)
        {
            response.ContentLength = buffer.Written.Length;
            await response.Body.WriteAsync(buffer.Written, aborted);
            return;
        }

        await using var transcoding =
            Encoding.CreateTranscodingStream(response.Body, selectedEncoding, Encoding.UTF8, leaveOpen: true);
        await transcoding.WriteAsync(buffer.Written, aborted);
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
