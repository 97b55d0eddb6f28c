namespace Catalog.Application.WholesaleRoles;

/// <summary>What the wholesale role use cases read; each method is one query, whatever the ids or keys.</summary>
public interface IWholesaleRoleStore
{
    Task<IReadOnlyList<WholesaleRole>> GetManyAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken);

    /// <summary>Which of these keys exist, and the id of the role that has each.</summary>
    Task<IReadOnlyDictionary<string, long>> FindKeysAsync(
        IReadOnlyCollection<string> keys, CancellationToken cancellationToken);

    /// <summary>Which of these keys some variant's terms name (a price, a minimum, visibility or a rule).</summary>
    Task<IReadOnlySet<string>> FindKeysInUseAsync(
        IReadOnlyCollection<string> keys, CancellationToken cancellationToken);

    Task<Page<WholesaleRole>> ListAsync(int limit, int offset, CancellationToken cancellationToken);
}
