using System.Text.Json.Serialization;
namespace Catalog.Application.Attributes;

public sealed record AttributeDto
{
    /// <summary>Assigned by the database: null in a dry run's answer for a row the batch would insert.</summary>
    [JsonConverter(typeof(AssignedIdConverter))]
    public long Id { get; init; }
    public required string Name { get; init; }
    public required string Slug { get; init; }
    public required string Type { get; init; }
    public required string OrderBy { get; init; }
    public bool HasArchives { get; init; }
    public IReadOnlyList<AttributeValueDto> Values { get; init; } = [];
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public long Version { get; init; }
}

public sealed record AttributeValueDto
{
    /// <summary>Assigned by the database: null in a dry run's answer for a row the batch would insert.</summary>
    [JsonConverter(typeof(AssignedIdConverter))]
    public long Id { get; init; }
    /// <summary>Null in a dry run's answer for a value of an attribute the batch would create.</summary>
    [JsonConverter(typeof(AssignedIdConverter))]
    public long AttributeId { get; init; }
    public required string Name { get; init; }
    public required string Slug { get; init; }
    public string? Description { get; init; }
    public int MenuOrder { get; init; }
    public long Version { get; init; }
}
