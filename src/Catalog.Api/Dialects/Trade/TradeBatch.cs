using Catalog.Application.Products.Commands.BatchProducts;

namespace Catalog.Api.Dialects.Trade;

/// <summary>
/// Runs a trade batch as partial canonical product updates, one result per update in the order sent. The trade API
/// applies updates in turn, so an id sent again must see the earlier update: each run without a repeated id is one
/// canonical batch, sent after the one before it was written.
/// </summary>
internal sealed class TradeBatch(ISender sender)
{
    public const string ProductNotFound = "Trade product not found";

    private const string Stale =
        "The product was changed by another request while this batch ran; send the update again.";

    public async Task<TradeBatchResponse> RunAsync(
        IReadOnlyList<TradeProductUpdate> updates, CancellationToken cancellationToken)
    {
        var items = updates.Select(TradeChanges.From).ToList();
        var results = items.Select(Refused).ToArray();
        foreach (var run in Runs(items, results))
        {
            await RunAsync(run, items, results, cancellationToken);
        }

        var answered = results
            .Select(r => r ?? throw new InvalidOperationException("An update was left without a result."))
            .ToList();
        var succeeded = answered.Count(r => r.Status == TradeItemResult.Ok);
        var summary = new TradeSummary(answered.Count, succeeded, answered.Count - succeeded);
        return new TradeBatchResponse(answered, summary);
    }

    /// <summary>The result of an update refused on its own, before anything is read; null when it may go on.</summary>
    private static TradeItemResult? Refused(TradeChanges item) => item switch
    {
        { Id: <= 0 } => TradeItemResult.Failed(item.Id, ErrorCodes.NotFound, ProductNotFound),
        { Problems.Count: > 0 } =>
            TradeItemResult.Failed(item.Id, ErrorCodes.ValidationFailed, string.Join(" ", item.Problems)),
        _ => null,
    };

    /// <summary>The positions of the updates still to apply, cut before each id already in the current run.</summary>
    private static List<List<int>> Runs(List<TradeChanges> items, TradeItemResult?[] results)
    {
        var runs = new List<List<int>>();
        var ids = new HashSet<long>();
        foreach (var i in Enumerable.Range(0, items.Count).Where(i => results[i] is null))
        {
            if (runs.Count == 0 || !ids.Add(items[i].Id))
            {
                runs.Add([]);
                ids = [items[i].Id];
            }

            runs[^1].Add(i);
        }

        return runs;
    }

    /// <summary>
    /// One run as one canonical batch, each update translated against its product as the engine reads it (what a
    /// trade field means can depend on it): the route reads nothing itself.
    /// </summary>
    private async Task RunAsync(
        List<int> run, List<TradeChanges> items, TradeItemResult?[] results, CancellationToken cancellationToken)
    {
        Resolution<ProductUpdate> Resolve(int k, ProductDto product) =>
            TradeTranslation.ToUpdate(items[run[k]], product) switch
            {
                (null, var problem) => Resolution<ProductUpdate>.Failed(
                    ItemError.Of(ErrorCodes.ValidationFailed, problem!)),
                (var update, _) => Resolution<ProductUpdate>.To(update),
            };

        var stated = run.Select(i => new ProductUpdate { Id = items[i].Id }).ToList();
        var command = new BatchProducts([], stated, [], BatchPolicy.Partial) { Resolve = Resolve };
        var outcome = await sender.Send(command, cancellationToken);
        for (var k = 0; k < run.Count; k++)
        {
            results[run[k]] = Render(items[run[k]], outcome.Update[k]);
        }
    }

    /// <summary>The canonical outcome in trade words: the errors a trade client can meet, in its field names.</summary>
    private static TradeItemResult Render(TradeChanges item, ItemResult<ProductDto> result) => result switch
    {
        { Status: ItemStatus.Succeeded, Resource: { } product } =>
            TradeItemResult.Succeeded(item.Id, TradeTranslation.ToTrade(product)),
        { Error.Code: ErrorCodes.NotFound } => TradeItemResult.Failed(item.Id, ErrorCodes.NotFound, ProductNotFound),
        { Error.Code: ErrorCodes.ReferenceNotFound } => TradeItemResult.Failed(item.Id, ErrorCodes.ReferenceNotFound,
            $"Trade category {item.Fields.TradeCategoryId.Value} does not exist (tradeCategoryId)."),
        { Error.Code: ErrorCodes.Conflict } => TradeItemResult.Failed(item.Id, ErrorCodes.Conflict, Stale),
        { Error: { } error } => TradeItemResult.Failed(item.Id, error.Code, error.Message),
        _ => throw new InvalidOperationException(
            $"A canonical result of status {result.Status} has neither a product nor an error."),
    };
}
