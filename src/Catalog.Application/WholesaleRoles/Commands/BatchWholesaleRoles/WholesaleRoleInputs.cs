namespace Catalog.Application.WholesaleRoles.Commands.BatchWholesaleRoles;

/// <summary>The fields of a wholesale role a batch item may send. On update a field left out stays as it is.</summary>
public abstract record WholesaleRoleWrite
{
    /// <summary>Letters, digits, underscores and hyphens; <c>all</c> is reserved. Fixed once the role exists.</summary>
    public Optional<string?> Key { get; init; }
    public Optional<string?> Name { get; init; }
}

public sealed record WholesaleRoleCreate : WholesaleRoleWrite;

public sealed record WholesaleRoleUpdate : WholesaleRoleWrite, IBatchUpdate
{
    public long? Id { get; init; }

    /// <summary>When sent, the update applies only if the role's version is still this one (else CONFLICT).</summary>
    public long? Version { get; init; }
}
