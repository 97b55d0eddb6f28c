namespace Catalog.Api.Dialects.WooCommerce;

/// <summary>A batch answer in the order items were sent: translation failures and the engine's results.</summary>
internal static class WooBatchAnswers
{
    /// <summary>WooCommerce's answer to a batch of more items than its limit.</summary>
    public static ObjectResult TooLarge(int limit) =>
        new(WooErrors.TooLarge(limit)) { StatusCode = StatusCodes.Status413PayloadTooLarge };

    /// <summary>WooCommerce answers an empty batch with an empty list.</summary>
    public static OkObjectResult Empty() => new(Array.Empty<object>());

    /// <summary>A batch route's answer: the empty list, 413 beyond <paramref name="limit"/> items, else the run's.
    /// </summary>
    public static async Task<IActionResult> RunAsync<TInput, TAnswer>(
        WooBatchRequest<TInput>? request, int limit, Func<WooBatchRequest<TInput>, Task<TAnswer>> run)
        where TInput : class
    {
        if (request is null || request.ItemCount == 0)
        {
            return Empty();
        }

        return request.ItemCount > limit ? TooLarge(limit) : new OkObjectResult(await run(request));
    }

    /// <summary>What is wrong with WordPress's paging parameters, if anything.</summary>
    public static List<(string Field, string Message)> PagingProblems(int page, int perPage)
    {
        var problems = new List<(string, string)>();
        if (page < 1)
        {
            problems.Add(("page", "page must be greater than or equal to 1"));
        }

        if (perPage is < 1 or > 100)
        {
            problems.Add(("per_page", "per_page must be between 1 (inclusive) and 100 (inclusive)"));
        }

        return problems;
    }

    /// <summary>
    /// WordPress's paging headers: <c>X-WP-Total</c>, <c>X-WP-TotalPages</c>, and a <c>Link</c> to the previous and
    /// next pages (the request's own URL with another <c>page</c>).
    /// </summary>
    public static void Page(HttpResponse response, long total, int page, int perPage)
    {
        var pages = (total + perPage - 1) / perPage;
        response.Headers["X-WP-Total"] = total.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-WP-TotalPages"] = pages.ToString(CultureInfo.InvariantCulture);
        var links = new List<string>(2);
        if (page > 1)
        {
            links.Add($"<{PageUrl(response.HttpContext.Request, Math.Min(page - 1, pages))}>; rel=\"prev\"");
        }

        if (pages > page)
        {
            links.Add($"<{PageUrl(response.HttpContext.Request, page + 1)}>; rel=\"next\"");
        }

        if (links.Count > 0)
        {
            response.Headers.Link = string.Join(", ", links);
        }
    }

    /// <summary>A single route's answer: the entry's resource with <paramref name="status"/>, or its error.</summary>
    public static IActionResult Single<T>(WooBatchResponse<T> answer, int status)
    {
        var entry = (answer.Create ?? answer.Update ?? answer.Delete)![0];
        return entry.Failure is { Error: var error }
            ? new ObjectResult(error) { StatusCode = error.Data.Status }
            : new ObjectResult(entry.Resource) { StatusCode = status };
    }

    private static string PageUrl(HttpRequest request, long page)
    {
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(request.QueryString.Value);
        query["page"] = page.ToString(CultureInfo.InvariantCulture);
        var pairs = query.SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)));
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(
            $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}", pairs);
    }

    /// <summary>The engine's results; a batch with no item left (all failed translation) is not sent.</summary>
    public static async Task<BatchResult<T>> SendAsync<T>(
        ISender sender, IRequest<BatchResult<T>> command, CancellationToken cancellationToken)
        where T : class =>
        command is IBatchRequest { ItemCount: 0 }
            ? new([], [], [], new BatchSummary(0, 0, 0, 0))
            : await sender.Send(command, cancellationToken);

    /// <summary>
    /// A translation made once the engine has read what it depends on (ADR 15): the item, or the error that fails it
    /// (answered as the translation's own error, see <see cref="Translated{T}"/>).
    /// </summary>
    public static Resolution<T> Resolution<T>(Translated<T> translated)
        where T : class =>
        translated is { Item: { } item }
            ? Catalog.Application.Common.Batches.Resolution<T>.To(item)
            : Catalog.Application.Common.Batches.Resolution<T>.Failed(
                ItemError.Of(ErrorCodes.ValidationFailed, translated.Error!.Message));

    /// <summary>
    /// The engine's results of items it translated through a resolver, without those whose translation failed: the
    /// results <see cref="Entries"/> pairs with the translated items.
    /// </summary>
    public static List<ItemResult<TDto>> Translated<T, TDto>(
        IReadOnlyList<ItemResult<TDto>> results, IReadOnlyList<Translated<T>> translated)
        where T : class
        where TDto : class => [.. results.Where((_, i) => translated[i].Error is null)];

    /// <summary>The canonical items to send: those that translated.</summary>
    public static List<T> Valid<T>(IReadOnlyList<Translated<T>> translated)
        where T : class => [.. translated.Where(t => t.Item is not null).Select(t => t.Item!)];

    /// <summary>
    /// One entry per item sent: its translation error, or the engine's result (the n-th translated item's is the n-th),
    /// wholesale fields named as sent. Null when nothing of this operation was sent: WooCommerce leaves the list out.
    /// </summary>
    public static IReadOnlyList<WooBatchEntry<TOut>>? Entries<T, TDto, TOut>(
        IReadOnlyList<Translated<T>> translated,
        IReadOnlyList<ItemResult<TDto>> results,
        Func<int, long> idOf,
        Func<TDto, TOut> render,
        Func<int, ItemError, WooError> errorOf)
        where T : class
        where TDto : class
    {
        if (translated.Count == 0)
        {
            return null;
        }

        var entries = new List<WooBatchEntry<TOut>>(translated.Count);
        var next = 0;
        for (var i = 0; i < translated.Count; i++)
        {
            if (translated[i].Error is { } error)
            {
                entries.Add(new WooBatchEntry<TOut>(default, new WooItemFailure(idOf(i), error)));
                continue;
            }

            var result = results[next++];
            entries.Add(result is { Status: ItemStatus.Succeeded, Resource: { } resource }
                ? new WooBatchEntry<TOut>(render(resource), null)
                : new WooBatchEntry<TOut>(default, new WooItemFailure(
                    idOf(i), translated[i].Fields.ErrorOf(result.Error!, e => errorOf(i, e)))));
        }

        return entries;
    }
}
