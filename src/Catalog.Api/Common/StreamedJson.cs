using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using Catalog.Application.Common.Exceptions;
using Catalog.Application.Common.Json;

namespace Catalog.Api.Common;

/// <summary>
/// Reads a JSON body as it arrives, one list item at a time, so that a body of any size is never held whole: either
/// a body that is itself a list (<c>[...]</c>), or an object of named lists (<c>{"create": [...], ...}</c>). Broken
/// JSON anywhere, even after many items, ends the enumeration with a <c>MALFORMED_JSON</c>; a body of another shape
/// with an <c>INVALID_BODY</c> naming where.
/// </summary>
internal static class StreamedJson
{
    /// <summary>One item: the list it is in (null for a body that is a list) and its place there.</summary>
    public sealed record Item(string? List, int Index, JsonElement Value)
    {
        public string Path => List is null ? $"[{Index}]" : $"{List}[{Index}]";
    }

    /// <param name="lists">The list names an object body may hold; null when the body itself is the list.</param>
    public static async IAsyncEnumerable<Item> ReadAsync(
        PipeReader body, IReadOnlySet<string>? lists, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var scanner = new Scanner(lists);
        while (true)
        {
            var read = await body.ReadAsync(cancellationToken);
            List<Item> items;
            SequencePosition consumed;
            try
            {
                items = scanner.Scan(read.Buffer, read.IsCompleted, out consumed);
            }
            catch (JsonException broken)
            {
                throw new RequestValidationException(
                    ErrorCodes.MalformedJson,
                    $"The request body is not valid JSON: {broken.Message}",
                    [new FieldError("$", broken.Message)]);
            }

            body.AdvanceTo(consumed, read.Buffer.End);
            foreach (var item in items)
            {
                yield return item;
            }

            if (read.IsCompleted)
            {
                scanner.EnsureComplete();
                yield break;
            }
        }
    }

    private enum Phase
    {
        BeforeRoot,
        InRoot,
        BeforeList,
        InList,
        Done,
    }

    private sealed class Scanner(IReadOnlySet<string>? lists)
    {
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
        private JsonReaderState _state = new(new JsonReaderOptions { MaxDepth = JsonLimits.MaxDocumentDepth });
        private Phase _phase = lists is null ? Phase.BeforeList : Phase.BeforeRoot;
        private string? _list;
        private int _index;

        public List<Item> Scan(ReadOnlySequence<byte> buffer, bool final, out SequencePosition consumed)
        {
            var reader = new Utf8JsonReader(buffer, final, _state);
            var items = new List<Item>();
            var done = 0L;
            var doneState = _state;
            while (true)
            {
                if (_phase == Phase.InList)
                {
                    if (!reader.Read())
                    {
                        break;
                    }

                    if (reader.TokenType == JsonTokenType.EndArray)
                    {
                        (_phase, _list) = (lists is null ? Phase.Done : Phase.InRoot, null);
                    }
                    else
                    {
                        // An item is taken only once all of it has arrived; until then, read on from its start.
                        var probe = reader;
                        if (!probe.TrySkip())
                        {
                            break;
                        }

                        items.Add(new Item(_list, _index++, JsonElement.ParseValue(ref reader)));
                    }
                }
                else if (!reader.Read())
                {
                    break;
                }
                else
                {
                    Step(ref reader);
                }

                (done, doneState) = (reader.BytesConsumed, reader.CurrentState);
            }

            consumed = buffer.GetPosition(done);
            _state = doneState;
            return items;
        }

        public void EnsureComplete()
        {
            if (_phase != Phase.Done)
            {
                throw new RequestValidationException(
                    ErrorCodes.MalformedJson,
                    "The request body is not valid JSON: it ends before its last list or object is closed.",
                    [new FieldError("$", "The body ends early.")]);
            }
        }

        private void Step(ref Utf8JsonReader reader)
        {
            switch (_phase, reader.TokenType)
            {
                case (Phase.BeforeRoot, JsonTokenType.StartObject):
                    _phase = Phase.InRoot;
                    break;
                case (Phase.InRoot, JsonTokenType.EndObject):
                    _phase = Phase.Done;
                    break;
                case (Phase.InRoot, JsonTokenType.PropertyName):
                    var name = reader.GetString()!;
                    if (!lists!.Contains(name))
                    {
                        throw Invalid(name, $"'{name}' is not a property of this body; it takes "
                            + string.Join(", ", lists.Order(StringComparer.Ordinal)) + ".");
                    }

                    if (!_seen.Add(name))
                    {
                        throw Invalid(name, $"'{name}' appears twice in the body.");
                    }

                    (_phase, _list) = (Phase.BeforeList, name);
                    break;
                case (Phase.BeforeList, JsonTokenType.StartArray):
                    (_phase, _index) = (Phase.InList, 0);
                    break;
                case (Phase.BeforeList, JsonTokenType.Null) when _list is not null:
                    (_phase, _list) = (Phase.InRoot, null);
                    break;
                case (Phase.BeforeList, _):
                    throw Invalid(_list ?? "$", _list is null
                        ? "The request body must be a JSON array."
                        : $"'{_list}' must be an array.");
                default:
                    throw Invalid("$", "The request body must be a JSON object of lists.");
            }
        }

        private static RequestValidationException Invalid(string field, string message) =>
            new(ErrorCodes.InvalidBody, message, [new FieldError(field, message)]);
    }
}
