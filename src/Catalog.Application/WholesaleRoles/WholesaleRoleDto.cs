using System.Text.Json.Serialization;
namespace Catalog.Application.WholesaleRoles;

public sealed record WholesaleRoleDto
{
    /// <summary>Assigned by the database: null in a dry run's answer for a row the batch would insert.</summary>
    [JsonConverter(typeof(AssignedIdConverter))]
    public long Id { get; init; }
    public required string Key { get; init; }
    public required string Name { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public long Version { get; init; }
}
