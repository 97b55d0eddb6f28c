using System.Text.Json.Serialization;
namespace Catalog.Application.Tags;

/// <summary>A product tag; <see cref="ProductCount"/> is how many products carry its name.</summary>
public sealed record TagDto
{
    /// <summary>Assigned by the database: null in a dry run's answer for a row the batch would insert.</summary>
    [JsonConverter(typeof(AssignedIdConverter))]
    public long Id { get; init; }
    public required string Name { get; init; }
    public required string Slug { get; init; }
    public string? Description { get; init; }
    public int ProductCount { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public long Version { get; init; }
}
