using Catalog.Domain.Attributes;
using Catalog.Domain.Categories;

namespace Catalog.Infrastructure.Persistence.Configurations;

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> builder)
    {
        builder.IsVersionedRow("categories");
        builder.Property(c => c.Name).HasMaxLength(CategoryConstraints.MaxNameLength).IsRequired();
        builder.Property(c => c.Handle).HasMaxLength(CategoryConstraints.MaxHandleLength).IsRequired();
        builder.HasIndex(c => c.Handle).IsUnique();
        builder.Property(c => c.Description).HasMaxLength(CategoryConstraints.MaxDescriptionLength);
        // Not ON DELETE SET NULL, which SQL Server refuses on a table that refers to itself: the writer clears a
        // deleted category's children (TableMap.DetachSql), the same on every provider.
        builder.HasOne<Category>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.ClientSetNull);
        builder.HasIndex(c => c.ParentId);
        builder.Ignore(c => c.Details);
    }
}

internal sealed class ProductAttributeConfiguration : IEntityTypeConfiguration<ProductAttribute>
{
    public void Configure(EntityTypeBuilder<ProductAttribute> builder)
    {
        builder.IsVersionedRow("attributes");
        builder.Property(a => a.Name).HasMaxLength(AttributeConstraints.MaxNameLength).IsRequired();
        builder.Property(a => a.Slug).HasMaxLength(AttributeConstraints.MaxSlugLength).IsRequired();
        builder.HasIndex(a => a.Slug).IsUnique();
        builder.Property(a => a.Type).HasMaxLength(32).IsRequired();
        builder.Property(a => a.OrderBy).HasMaxLength(32).IsRequired();
        builder.HasMany(a => a.Values).WithOne().HasForeignKey(v => v.AttributeId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Values).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(a => a.Details);
    }
}

internal sealed class AttributeValueConfiguration : IEntityTypeConfiguration<AttributeValue>
{
    public void Configure(EntityTypeBuilder<AttributeValue> builder)
    {
        builder.IsVersionedRow("attribute_values");
        builder.Property(v => v.Name).HasMaxLength(AttributeConstraints.MaxNameLength).IsRequired();
        builder.Property(v => v.Slug).HasMaxLength(AttributeConstraints.MaxSlugLength).IsRequired();
        builder.HasIndex(v => new { v.AttributeId, v.Slug }).IsUnique();
        builder.Ignore(v => v.Details);
    }
}
