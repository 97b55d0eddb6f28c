using Catalog.Infrastructure.Auth;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;

namespace Catalog.Infrastructure.Persistence.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("api_keys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).UseIdentityKey();
        builder.Property(k => k.Name).HasMaxLength(100).IsRequired();
        builder.Property(k => k.Prefix).HasMaxLength(16).IsRequired();
        builder.Property(k => k.Hash).HasMaxLength(64).IsRequired();
        builder.HasIndex(k => k.Hash).IsUnique();
        builder.Property(k => k.ConsumerKey).HasMaxLength(43).IsRequired();
        builder.HasIndex(k => k.ConsumerKey).IsUnique();
        builder.Property(k => k.Scopes).HasMaxLength(200).IsRequired();
        builder.Property(k => k.SealedKey).HasMaxLength(1000);
    }
}

internal sealed class OAuthNonceConfiguration : IEntityTypeConfiguration<OAuthNonce>
{
    public void Configure(EntityTypeBuilder<OAuthNonce> builder)
    {
        builder.ToTable("oauth_nonces");
        builder.HasKey(n => new { n.ApiKeyId, n.NonceHash });
        builder.Property(n => n.NonceHash).HasMaxLength(64);
        builder.HasOne<ApiKey>().WithMany().HasForeignKey(n => n.ApiKeyId).OnDelete(DeleteBehavior.Cascade);

        // Pruning reads a key's oldest nonces.
        builder.HasIndex(n => new { n.ApiKeyId, n.Timestamp });
    }
}

/// <summary>Data Protection's key ring, kept with the data it seals (ADR 14).</summary>
internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> builder) => builder.ToTable("data_protection_keys");
}
