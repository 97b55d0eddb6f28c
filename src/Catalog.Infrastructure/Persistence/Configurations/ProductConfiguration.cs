using Catalog.Domain.Categories;

namespace Catalog.Infrastructure.Persistence.Configurations;

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.IsVersionedRow("products");
        builder.Property(p => p.Handle).HasMaxLength(ProductConstraints.MaxHandleLength).IsRequired();
        builder.HasIndex(p => p.Handle).IsUnique();
        builder.Property(p => p.Title).HasMaxLength(ProductConstraints.MaxTitleLength).IsRequired();
        builder.Property(p => p.Subtitle).HasMaxLength(ProductConstraints.MaxSubtitleLength);
        builder.Property(p => p.Description).HasMaxLength(ProductConstraints.MaxDescriptionLength);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16).IsRequired();
        builder.HasIndex(p => p.Status);
        builder.Property(p => p.Thumbnail).HasMaxLength(ProductConstraints.MaxUrlLength);
        builder.Property(p => p.Images).HasJsonConversion();
        builder.Property(p => p.Tags).HasJsonConversion();
        builder.Property(p => p.Options).HasJsonConversion();
        builder.Property(p => p.ExternalId).HasMaxLength(ProductConstraints.MaxExternalIdLength);
        builder.Property(p => p.Extensions).HasMaxLength(ExtensionConstraints.MaxLength);
        string[] dimensions =
            [nameof(Product.Weight), nameof(Product.Length), nameof(Product.Width), nameof(Product.Height)];
        foreach (var dimension in dimensions)
        {
            builder.Property(dimension)
                .HasPrecision(ProductConstraints.DimensionPrecision, ProductConstraints.DimensionScale);
        }

        builder.HasMany(p => p.Variants).WithOne().HasForeignKey(v => v.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Variants).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(p => p.Categories).WithOne().HasForeignKey(link => link.ProductId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Categories).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(p => p.Details);
    }
}

internal sealed class ProductCategoryConfiguration : IEntityTypeConfiguration<ProductCategory>
{
    public void Configure(EntityTypeBuilder<ProductCategory> builder)
    {
        builder.ToTable("product_categories");
        builder.HasKey(link => new { link.ProductId, link.CategoryId });
        builder.HasOne<Category>().WithMany().HasForeignKey(link => link.CategoryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(link => link.CategoryId);
    }
}
