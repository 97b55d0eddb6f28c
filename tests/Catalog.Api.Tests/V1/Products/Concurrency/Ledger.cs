using System.Text.Json.Nodes;

namespace Catalog.Api.Tests.V1.Products.Concurrency;

/// <summary>
/// What the clients of <see cref="MixedClientsTests"/> were told: every acknowledged write, with the time its request
/// was sent and answered and, where the answer showed it, the row's <c>version</c>. From it, which rows must exist and
/// which values each may hold. Callers hold its lock while they record.
/// </summary>
internal sealed class Ledger
{
    private readonly Dictionary<long, List<Write>> _titles = [];
    private readonly HashSet<long> _deleted = [];
    private readonly Dictionary<long, (long ProductId, string? Sku)> _variants = [];
    private readonly HashSet<long> _variantsDeleted = [];
    private readonly Dictionary<long, List<Write>> _stocks = [];
    private readonly Dictionary<long, string?> _simpleVariants = [];
    private readonly Dictionary<string, int> _statuses = [];
    private readonly List<string> _serverErrors = [];

    public IReadOnlyList<string> ServerErrors
    {
        get
        {
            lock (this)
            {
                return [.. _serverErrors];
            }
        }
    }

    public int Acknowledged { get; private set; }

    public void Answered(HttpMethod method, string url, int status, JsonNode? body)
    {
        lock (this)
        {
            var route = $"{method} {string.Concat(url.Select(c => char.IsDigit(c) ? '#' : c))} {status}";
            _statuses[route] = _statuses.GetValueOrDefault(route) + 1;
            if (status >= 500)
            {
                _serverErrors.Add($"{method} {url}: {status} {body?.ToJsonString()}");
            }

            Acknowledged += status is >= 200 and < 300 ? 1 : 0;
        }
    }

    public string Summary()
    {
        lock (this)
        {
            return string.Join('\n', _statuses.OrderBy(s => s.Key, StringComparer.Ordinal)
                .Select(s => $"{s.Value,5} x {s.Key}"));
        }
    }

    public long AnyProduct(Random random)
    {
        lock (this)
        {
            var ids = _titles.Keys.Order().ToList();
            return ids[random.Next(ids.Count)];
        }
    }

    public IReadOnlyList<long> VariantsOf(long productId)
    {
        lock (this)
        {
            return [.. _variants.Where(v => v.Value.ProductId == productId && !_variantsDeleted.Contains(v.Key))
                .Select(v => v.Key).Order()];
        }
    }

    public void ProductCreated(long id, string title, long? version, double start) =>
        Title(id, title, version, start, start);

    public void Title(long id, string title, long? version, double start, double end)
    {
        if (!_titles.TryGetValue(id, out var writes))
        {
            _titles[id] = writes = [];
        }

        writes.Add(new Write(title, version, start, end));
    }

    public void ProductDeleted(long id) => _deleted.Add(id);

    public void VariantCreated(long productId, long id, string? sku, long stock, double start)
    {
        _variants[id] = (productId, sku);
        Stock(id, stock, null, start, start);
    }

    /// <summary>A WooCommerce simple product: its one variant's id is not in the answer, only its SKU.</summary>
    public void SimpleVariantCreated(long productId, string? sku, double start)
    {
        _ = start;
        _simpleVariants[productId] = sku;
    }

    public void VariantDeleted(long id) => _variantsDeleted.Add(id);

    public void Stock(long variantId, long stock, long? version, double start, double end)
    {
        if (!_stocks.TryGetValue(variantId, out var writes))
        {
            _stocks[variantId] = writes = [];
        }

        writes.Add(new Write(stock.ToString(System.Globalization.CultureInfo.InvariantCulture), version, start, end));
    }

    public IEnumerable<long> LiveProducts() => _titles.Keys.Where(id => !_deleted.Contains(id));

    /// <summary>Variants whose ids answers gave: created, not deleted, of a product not deleted.</summary>
    public IEnumerable<long> LiveVariants() => _variants
        .Where(v => !_variantsDeleted.Contains(v.Key) && !_deleted.Contains(v.Value.ProductId))
        .Select(v => v.Key);

    /// <summary>
    /// The live products whose one variant WooCommerce created (its SKU), not named by id in any answer.
    /// </summary>
    public IReadOnlyDictionary<long, string?> SimpleVariants =>
        _simpleVariants.Where(s => !_deleted.Contains(s.Key)).ToDictionary(s => s.Key, s => s.Value);

    public (long ProductId, string? Sku) Variant(long id) => _variants[id];

    public IReadOnlyList<string> PossibleTitles(long id) => Latest(_titles[id]);

    public IReadOnlyList<long> PossibleStocks(long variantId) =>
        [.. Latest(_stocks[variantId]).Select(s => long.Parse(s, System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>
    /// The values of the writes no other write provably followed: one with a higher version, or one sent after the
    /// other's answer came. With versions on every write this is exactly the last write in version order.
    /// </summary>
    private static List<string> Latest(List<Write> writes) =>
    [
        .. writes.Where(w => !writes.Any(later =>
                (later.Start > w.End) || (later.Version is { } v && w.Version is { } mine && v > mine)))
            .Select(w => w.Value)
            .Distinct(),
    ];

    private sealed record Write(string Value, long? Version, double Start, double End);
}
