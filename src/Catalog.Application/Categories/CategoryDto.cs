namespace Catalog.Application.Categories;

public sealed record CategoryDto
{
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
