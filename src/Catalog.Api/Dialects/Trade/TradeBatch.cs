using Catalog.Application.Common;
using Catalog.Application.Common.Batches;
using Catalog.Application.Common.Mediator;
using Catalog.Application.Products;
using Catalog.Application.Products.Commands.BatchProducts;
using Catalog.Application.Products.Queries;

namespace Catalog.Api.Dialects.Trade;

/// <summary>
/// Runs a trade batch as canonical product updates under partial policy and answers in the trade shape, one result per
/// update in the order sent. The trade API applies updates one after another, so an id sent again must see the earlier
/// update: the updates are cut into runs in which no id repeats, and each run is one canonical batch, sent after the
/// one before it has been written.
/// </summary>
internal sealed class TradeBatch(ISender sender)
{
    public const string ProductNotFound = "Trade product not found";

    public async Task<TradeBatchResponse> RunAsync(IReadOnlyList<TradeProductUpdate> updates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(updates);
        var results = new TradeItemResult?[updates.Count];
        var items = updates.Select(TradeChanges.From).ToList();
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is { Id: <= 0 } unknown)
            {
                results[i] = TradeItemResult.Failed(unknown.Id, ErrorCodes.NotFound, ProductNotFound);
            }
            else if (items[i].Problems.Count > 0)
            {
                results[i] = TradeItemResult.Failed(items[i].Id, ErrorCodes.ValidationFailed, string.Join(" ", items[i].Problems));
            }
        }

        foreach (var run in Runs(items, results))
        {
            await RunAsync(run, items, results, cancellationToken);
        }

        var answered = results.Select(r => r ?? throw new InvalidOperationException("An update was left without a result.")).ToList();
        var succeeded = answered.Count(r => r.Status == TradeItemResult.Ok);
        return new TradeBatchResponse(answered, new TradeSummary(answered.Count, succeeded, answered.Count - succeeded));
    }

    /// <summary>The positions of the updates still to apply, cut before each id already in the current run.</summary>
    private static List<List<int>> Runs(List<TradeChanges> items, TradeItemResult?[] results)
    {
        var runs = new List<List<int>>();
        var current = new List<int>();
        var ids = new HashSet<long>();
        for (var i = 0; i < items.Count; i++)
        {
            if (results[i] is not null)
            {
                continue;
            }

            if (!ids.Add(items[i].Id))
            {
                runs.Add(current);
                current = [i];
                ids = [items[i].Id];
                continue;
            }

            current.Add(i);
        }

        if (current.Count > 0)
        {
            runs.Add(current);
        }

        return runs;
    }

    /// <summary>One run: read its products as they stand now, translate against them, send one canonical batch.</summary>
    private async Task RunAsync(List<int> run, List<TradeChanges> items, TradeItemResult?[] results, CancellationToken cancellationToken)
    {
        var current = (await sender.Send(new GetProductsByIds([.. run.Select(i => items[i].Id)]), cancellationToken)).ToDictionary(p => p.Id);
        var sent = new List<(int Index, ProductUpdate Update)>();
        foreach (var i in run)
        {
            if (!current.TryGetValue(items[i].Id, out var product))
            {
                results[i] = TradeItemResult.Failed(items[i].Id, ErrorCodes.NotFound, ProductNotFound);
                continue;
            }

            var (update, problem) = TradeTranslation.ToUpdate(items[i], product);
            if (update is null)
            {
                results[i] = TradeItemResult.Failed(items[i].Id, ErrorCodes.ValidationFailed, problem!);
                continue;
            }

            sent.Add((i, update));
        }

        if (sent.Count == 0)
        {
            return;
        }

        var outcome = await sender.Send(new BatchProducts([], [.. sent.Select(s => s.Update)], [], BatchPolicy.Partial), cancellationToken);
        for (var k = 0; k < sent.Count; k++)
        {
            results[sent[k].Index] = Render(items[sent[k].Index], outcome.Update[k]);
        }
    }

    /// <summary>The canonical outcome in trade words: the errors a trade client can meet say what to do in its field names.</summary>
    private static TradeItemResult Render(TradeChanges item, ItemResult<ProductDto> result) => result switch
    {
        { Status: ItemStatus.Succeeded, Resource: { } product } => TradeItemResult.Succeeded(item.Id, TradeTranslation.ToTrade(product)),
        { Error.Code: ErrorCodes.NotFound } => TradeItemResult.Failed(item.Id, ErrorCodes.NotFound, ProductNotFound),
        { Error.Code: ErrorCodes.ReferenceNotFound } => TradeItemResult.Failed(
            item.Id, ErrorCodes.ReferenceNotFound, $"Trade category {item.TradeCategoryId.Value} does not exist (tradeCategoryId)."),
        { Error.Code: ErrorCodes.Conflict } => TradeItemResult.Failed(
            item.Id, ErrorCodes.Conflict, "The product was changed by another request while this batch ran; send the update again."),
        { Error: { } error } => TradeItemResult.Failed(item.Id, error.Code, error.Message),
        _ => throw new InvalidOperationException($"A canonical result of status {result.Status} has neither a product nor an error."),
    };
}
