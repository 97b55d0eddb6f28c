using Catalog.Domain.Attributes;

namespace Catalog.Infrastructure.Persistence.Configurations;

internal sealed class VariantConfiguration : IEntityTypeConfiguration<Variant>
{
    public void Configure(EntityTypeBuilder<Variant> builder)
    {
        builder.IsVersionedRow("variants");
        builder.Property(v => v.Title).HasMaxLength(VariantConstraints.MaxTitleLength).IsRequired();
        builder.Property(v => v.Sku).HasMaxLength(VariantConstraints.MaxSkuLength);
        builder.HasIndex(v => v.Sku).IsUnique();
        builder.Property(v => v.Barcode).HasMaxLength(VariantConstraints.MaxCodeLength);
        builder.Property(v => v.Ean).HasMaxLength(VariantConstraints.MaxCodeLength);
        builder.Property(v => v.Upc).HasMaxLength(VariantConstraints.MaxCodeLength);
        builder.Property(v => v.Options).HasJsonConversion();
        builder.Property(v => v.Extensions).HasMaxLength(ExtensionConstraints.MaxLength);
        builder.HasIndex(v => v.ProductId);
        builder.HasMany(v => v.Prices).WithOne().HasForeignKey(p => p.VariantId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(v => v.Prices).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(v => v.AttributeValues).WithOne().HasForeignKey(link => link.VariantId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(v => v.AttributeValues).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(v => v.Details);
    }
}

internal sealed class VariantPriceConfiguration : IEntityTypeConfiguration<VariantPrice>
{
    public void Configure(EntityTypeBuilder<VariantPrice> builder)
    {
        builder.ToTable("variant_prices");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).UseIdentityKey();
        builder.Property(p => p.CurrencyCode).HasMaxLength(VariantConstraints.CurrencyCodeLength).IsRequired();
        builder.Property(p => p.Amount).IsMoney();
        builder.Property(p => p.SaleAmount).IsMoney();
        builder.HasIndex(p => p.VariantId);
    }
}

internal sealed class VariantAttributeValueConfiguration : IEntityTypeConfiguration<VariantAttributeValue>
{
    public void Configure(EntityTypeBuilder<VariantAttributeValue> builder)
    {
        builder.ToTable("variant_attribute_values");
        builder.HasKey(link => new { link.VariantId, link.AttributeValueId });
        builder.HasOne<AttributeValue>().WithMany().HasForeignKey(link => link.AttributeValueId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(link => link.AttributeValueId);
    }
}
