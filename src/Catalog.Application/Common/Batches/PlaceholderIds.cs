namespace Catalog.Application.Common.Batches;

/// <summary>
/// The ids a dry run plans with. A plan links new rows by id (a variant to its new product) and the domain wants one
/// for every row it makes, but a dry run inserts nothing, so it draws on no sequence. Placeholders start at 2^62, far
/// above any id a sequence hands out, never reach the database, and an answer shows them as null
/// (<see cref="Json.AssignedIdConverter"/>).
/// </summary>
public static class PlaceholderIds
{
    public const long First = 1L << 62;

    public static bool IsPlaceholder(long id) => id >= First;

    /// <summary>As many placeholders per row type as <paramref name="counts"/> asks, none used twice.</summary>
    public static IdPool Pool(IReadOnlyDictionary<Type, int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var next = First;
        var queues = new Dictionary<Type, Queue<long>>();
        foreach (var (type, count) in counts)
        {
            var queue = new Queue<long>(Math.Max(count, 0));
            for (var i = 0; i < count; i++)
            {
                queue.Enqueue(next++);
            }

            queues[type] = queue;
        }

        return new IdPool(queues);
    }
}
