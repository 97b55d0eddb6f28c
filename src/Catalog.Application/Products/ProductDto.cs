using System.Text.Json.Serialization;
using Catalog.Application.Variants;

namespace Catalog.Application.Products;

public sealed record ProductDto
{
    /// <summary>Assigned by the database: null in a dry run's answer for a row the batch would insert.</summary>
    [JsonConverter(typeof(AssignedIdConverter))]
    public long Id { get; init; }
    public required string Handle { get; init; }
    public required string Title { get; init; }
    public string? Subtitle { get; init; }
    public string? Description { get; init; }
    public ProductStatus Status { get; init; }
    public string? Thumbnail { get; init; }
    public IReadOnlyList<ImageDto> Images { get; init; } = [];
    public IReadOnlyList<string> Tags { get; init; } = [];
    public IReadOnlyList<OptionDto> Options { get; init; } = [];
    public JsonElement? Metadata { get; init; }

    /// <summary>Each dialect's fields without a canonical home, by dialect; <c>{}</c> when there are none.</summary>
    public JsonElement Extensions { get; init; }
    public decimal? Weight { get; init; }
    public decimal? Length { get; init; }
    public decimal? Width { get; init; }
    public decimal? Height { get; init; }
    public string? ExternalId { get; init; }
    public IReadOnlyList<long> CategoryIds { get; init; } = [];
    public IReadOnlyList<VariantDto> Variants { get; init; } = [];
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public long Version { get; init; }
}

public sealed record ImageDto(string Url);

/// <summary>A product option, in position order.</summary>
public sealed record OptionDto(
    string Title, IReadOnlyList<string> Values, long? AttributeId, bool Visible, bool Variation);
