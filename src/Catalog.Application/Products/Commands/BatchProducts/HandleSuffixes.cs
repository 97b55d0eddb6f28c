namespace Catalog.Application.Products.Commands.BatchProducts;

/// <summary>
/// The handles of one batch under <see cref="TakenHandles.Suffix"/>: those stored, and those the items planned so far
/// kept. An item asks for the first free one of its handle, <c>-2</c>, <c>-3</c> and on; it keeps it once it has
/// planned, so an item that failed holds nothing, as with every other claim (docs/api.md).
/// </summary>
/// <param name="stored">The stored handles an item may meet, and the product of each.</param>
public sealed class HandleSuffixes(IReadOnlyDictionary<string, long> stored)
{
    /// <summary>How many suffixed forms past those needed a first read looks at.</summary>
    private const int Spare = 8;

    private readonly HashSet<string> _kept = new(StringComparer.Ordinal);

    /// <summary>
    /// The stored handles for a batch whose items want <paramref name="wanted"/> (one entry an item), given the owners
    /// of those handles already read. Each handle that is stored or wanted twice has its suffixed forms read as well,
    /// by exact value (an index lookup, where a match by prefix would read every handle): a window of them per query,
    /// each window twice the last, until every such handle has as many free forms as items want it. One query, but
    /// for a handle whose first window is taken.
    /// </summary>
    public static async Task<HandleSuffixes> ReadAsync(
        IEnumerable<string> wanted,
        IReadOnlyDictionary<string, long> owners,
        Func<IReadOnlyCollection<string>, CancellationToken, Task<IReadOnlyDictionary<string, long>>> find,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(find);
        var stored = new Dictionary<string, long>(owners, StringComparer.Ordinal);
        var open = wanted.GroupBy(h => h, StringComparer.Ordinal)
            .Where(g => owners.ContainsKey(g.Key) || g.Skip(1).Any())
            .Select(g => new Family(g.Key, g.Count(), Free: owners.ContainsKey(g.Key) ? 0 : 1, Next: 2))
            .ToList();
        for (var round = 0; open.Count > 0; round++)
        {
            var windows = open.Select(f => (Family: f, Forms: f.Window(round))).ToList();
            var found = await find([.. windows.SelectMany(w => w.Forms)], cancellationToken);
            foreach (var (handle, owner) in found)
            {
                stored[handle] = owner;
            }

            open = [.. windows.Select(w => w.Family.After(w.Forms, found)).Where(f => f.Free < f.Wanted)];
        }

        return new HandleSuffixes(stored);
    }

    /// <summary>
    /// <paramref name="wanted"/> if it is free for the product <paramref name="ownId"/> (null for a new one), else
    /// the first free suffixed form.
    /// </summary>
    public string Pick(string wanted, long? ownId)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        for (var n = 1; ; n++)
        {
            var form = Suffixed(wanted, n);
            if (!_kept.Contains(form) && (!stored.TryGetValue(form, out var owner) || owner == ownId))
            {
                return form;
            }
        }
    }

    /// <summary>The handle is held by the item that planned with it, for the rest of the batch.</summary>
    public void Keep(string handle) => _kept.Add(handle);

    /// <summary>
    /// The handle itself for 1, else with <c>-n</c>, shortened to fit <see cref="ProductConstraints.MaxHandleLength"/>.
    /// </summary>
    private static string Suffixed(string handle, int n)
    {
        if (n == 1)
        {
            return handle;
        }

        var suffix = $"-{n}";
        var room = ProductConstraints.MaxHandleLength - suffix.Length;
        return (handle.Length > room ? handle[..room].TrimEnd('-') : handle) + suffix;
    }

    /// <summary>A handle the batch meets: how many items want it, how many free forms were found, which form next.
    /// </summary>
    private sealed record Family(string Handle, int Wanted, int Free, int Next)
    {
        public List<string> Window(int round) =>
            [.. Enumerable.Range(Next, (Wanted - Free + Spare) << round).Select(n => Suffixed(Handle, n))];

        public Family After(List<string> forms, IReadOnlyDictionary<string, long> found) => this with
        {
            Free = Free + forms.Count(f => !found.ContainsKey(f)),
            Next = Next + forms.Count,
        };
    }
}
