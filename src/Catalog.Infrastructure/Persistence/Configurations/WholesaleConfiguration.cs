using System.Linq.Expressions;
using Catalog.Domain.Wholesale;

namespace Catalog.Infrastructure.Persistence.Configurations;

internal sealed class WholesaleRoleConfiguration : IEntityTypeConfiguration<WholesaleRole>
{
    public void Configure(EntityTypeBuilder<WholesaleRole> builder)
    {
        builder.IsVersionedRow("wholesale_roles");
        builder.Property(r => r.Key).HasMaxLength(WholesaleConstraints.MaxRoleKeyLength).IsRequired();
        builder.HasIndex(r => r.Key).IsUnique();
        builder.Property(r => r.Name).HasMaxLength(WholesaleConstraints.MaxRoleNameLength).IsRequired();
        builder.Ignore(r => r.Details);
    }
}

/// <summary>
/// A variant's wholesale rows name their role by key (its unique index is the foreign key's target), so a row reads
/// as it is sent. A role still named cannot be deleted (NO ACTION, checked at the end of each statement); a deleted
/// variant takes its rows with it (CASCADE).
/// </summary>
internal static class WholesaleRows
{
    public static void BelongToVariantAndRole<T>(
        this EntityTypeBuilder<T> builder, Expression<Func<Variant, IEnumerable<T>?>> rows)
        where T : class
    {
        builder.HasOne<Variant>().WithMany(rows).HasForeignKey("VariantId").OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<WholesaleRole>().WithMany().HasForeignKey("Role").HasPrincipalKey(r => r.Key)
            .OnDelete(DeleteBehavior.NoAction);
        builder.Property<string>("Role").HasMaxLength(WholesaleConstraints.MaxRoleKeyLength).IsRequired();
    }
}

internal sealed class WholesalePriceConfiguration : IEntityTypeConfiguration<WholesalePrice>
{
    public void Configure(EntityTypeBuilder<WholesalePrice> builder)
    {
        builder.ToTable("variant_wholesale_prices");
        builder.HasKey(p => new { p.VariantId, p.Role, p.CurrencyCode });
        builder.BelongToVariantAndRole(v => v.WholesalePrices);
        builder.Property(p => p.CurrencyCode).HasMaxLength(VariantConstraints.CurrencyCodeLength).IsRequired();
        builder.Property(p => p.Amount).IsMoney();
        builder.Property(p => p.SaleAmount).IsMoney();
        builder.Ignore(p => p.Effective);
    }
}

internal sealed class WholesaleOrderQuantityConfiguration : IEntityTypeConfiguration<WholesaleOrderQuantity>
{
    public void Configure(EntityTypeBuilder<WholesaleOrderQuantity> builder)
    {
        builder.ToTable("variant_wholesale_order_quantities");
        builder.HasKey(q => new { q.VariantId, q.Role });
        builder.BelongToVariantAndRole(v => v.WholesaleOrderQuantities);
    }
}

internal sealed class WholesaleVisibilityConfiguration : IEntityTypeConfiguration<WholesaleVisibility>
{
    public void Configure(EntityTypeBuilder<WholesaleVisibility> builder)
    {
        builder.ToTable("variant_wholesale_visibility");
        builder.HasKey(v => new { v.VariantId, v.Role });
        builder.BelongToVariantAndRole(v => v.WholesaleVisibility);
    }
}

internal sealed class WholesaleDiscountRuleConfiguration : IEntityTypeConfiguration<WholesaleDiscountRule>
{
    public void Configure(EntityTypeBuilder<WholesaleDiscountRule> builder)
    {
        builder.ToTable("variant_wholesale_discount_rules");
        builder.HasKey(r => new { r.VariantId, r.Position });
        builder.BelongToVariantAndRole(v => v.WholesaleDiscountRules);
        builder.Property(r => r.PriceType).HasConversion<string>()
            .HasMaxLength(WholesaleConstraints.PriceTypeLength).IsRequired();
        builder.Property(r => r.Value).IsMoney();
        builder.Property(r => r.CurrencyCode).HasMaxLength(VariantConstraints.CurrencyCodeLength);
        builder.Ignore(r => r.Range);
    }
}
