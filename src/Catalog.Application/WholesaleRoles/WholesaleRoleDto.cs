namespace Catalog.Application.WholesaleRoles;

public sealed record WholesaleRoleDto
{
    public long Id { get; init; }
    public required string Key { get; init; }
    public required string Name { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public long Version { get; init; }
}
