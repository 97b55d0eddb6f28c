using Catalog.Domain.Tags;

namespace Catalog.Infrastructure.Persistence.Configurations;

internal sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> builder)
    {
        builder.IsVersionedRow("tags");
        builder.Property(t => t.Name).HasMaxLength(TagConstraints.MaxNameLength).IsRequired();
        builder.HasIndex(t => t.Name).IsUnique();
        builder.Property(t => t.Slug).HasMaxLength(TagConstraints.MaxSlugLength).IsRequired();
        builder.HasIndex(t => t.Slug).IsUnique();
        builder.Property(t => t.Description).HasMaxLength(TagConstraints.MaxDescriptionLength);
        builder.Ignore(t => t.Details);
    }
}
