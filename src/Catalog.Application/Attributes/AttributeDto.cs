namespace Catalog.Application.Attributes;

public sealed record AttributeDto
{
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
    public long Id { get; init; }
    public long AttributeId { get; init; }
    public required string Name { get; init; }
    public required string Slug { get; init; }
    public string? Description { get; init; }
    public int MenuOrder { get; init; }
    public long Version { get; init; }
}
