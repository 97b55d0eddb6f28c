using System.Text.Json.Serialization;
namespace Catalog.Application.Categories;

public sealed record CategoryDto
{
    /// <summary>Assigned by the database: null in a dry run's answer for a row the batch would insert.</summary>
    [JsonConverter(typeof(AssignedIdConverter))]
    public long Id { get; init; }
    public required string Name { get; init; }
    public required string Handle { get; init; }
    public string? Description { get; init; }
    public long? ParentId { get; init; }
    public int Rank { get; init; }
    public JsonElement? Metadata { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public long Version { get; init; }
}
