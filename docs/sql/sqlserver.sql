IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL
BEGIN
    CREATE TABLE [__EFMigrationsHistory] (
        [MigrationId] nvarchar(150) NOT NULL,
        [ProductVersion] nvarchar(32) NOT NULL,
        CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId])
    );
END;
GO

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204194736_Initial'
)
BEGIN
    ALTER DATABASE CURRENT SET ALLOW_SNAPSHOT_ISOLATION ON;
END;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204194736_Initial'
)
BEGIN
    CREATE SEQUENCE [api_keys_id_seq] START WITH 1 INCREMENT BY 1 NO CYCLE;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204194736_Initial'
)
BEGIN
    CREATE SEQUENCE [attribute_values_id_seq] START WITH 1 INCREMENT BY 1 NO CYCLE;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204194736_Initial'
)
BEGIN
    CREATE SEQUENCE [attributes_id_seq] START WITH 1 INCREMENT BY 1 NO CYCLE;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204194736_Initial'
)
BEGIN
    CREATE SEQUENCE [categories_id_seq] START WITH 1 INCREMENT BY 1 NO CYCLE;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204194736_Initial'
)
BEGIN
    CREATE SEQUENCE [products_id_seq] START WITH 1 INCREMENT BY 1 NO CYCLE;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204194736_Initial'
)
BEGIN
    CREATE SEQUENCE [variant_prices_id_seq] START WITH 1 INCREMENT BY 1 NO CYCLE;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204194736_Initial'
)
BEGIN
    CREATE SEQUENCE [variants_id_seq] START WITH 1 INCREMENT BY 1 NO CYCLE;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204194736_Initial'
)
BEGIN
    CREATE SEQUENCE [wholesale_roles_id_seq] START WITH 1 INCREMENT BY 1 NO CYCLE;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204194736_Initial'
)
BEGIN
    CREATE TABLE [api_keys] (
        [id] bigint NOT NULL DEFAULT (NEXT VALUE FOR [api_keys_id_seq]),
        [name] nvarchar(100) NOT NULL,
        [prefix] nvarchar(16) NOT NULL,
        [hash] nvarchar(64) NOT NULL,
        [scopes] nvarchar(200) NOT NULL,
        [created_at] datetimeoffset NOT NULL,
        [revoked_at] datetimeoffset NULL,
        CONSTRAINT [pk_api_keys] PRIMARY KEY ([id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204194736_Initial'
)
BEGIN
    CREATE TABLE [attributes] (
        [id] bigint NOT NULL DEFAULT (NEXT VALUE FOR [attributes_id_seq]),
        [name] nvarchar(255) NOT NULL,
        [slug] nvarchar(255) NOT NULL,
        [type] nvarchar(32) NOT NULL,
        [order_by] nvarchar(32) NOT NULL,
        [has_archives] bit NOT NULL,
        [version] bigint NOT NULL,
        [created_at] datetimeoffset NOT NULL,
        [updated_at] datetimeoffset NOT NULL,
        CONSTRAINT [pk_attributes] PRIMARY KEY ([id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204194736_Initial'
)
BEGIN
    CREATE TABLE [categories] (
        [id] bigint NOT NULL DEFAULT (NEXT VALUE FOR [categories_id_seq]),
        [name] nvarchar(255) NOT NULL,
        [handle] nvarchar(255) NOT NULL,
        [description] nvarchar(max) NULL,
        [parent_id] bigint NULL,
        [rank] int NOT NULL,
        [metadata] nvarchar(max) NULL,
        [version] bigint NOT NULL,
        [created_at] datetimeoffset NOT NULL,
        [updated_at] datetimeoffset NOT NULL,
        CONSTRAINT [pk_categories] PRIMARY KEY ([id]),
        CONSTRAINT [fk_categories_parent_id] FOREIGN KEY ([parent_id]) REFERENCES [categories] ([id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204194736_Initial'
)
BEGIN
    CREATE TABLE [products] (
        [id] bigint NOT NULL DEFAULT (NEXT VALUE FOR [products_id_seq]),
        [handle] nvarchar(255) NOT NULL,
        [title] nvarchar(255) NOT NULL,
        [subtitle] nvarchar(255) NULL,
        [description] nvarchar(max) NULL,
        [status] nvarchar(16) NOT NULL,
        [thumbnail] nvarchar(2048) NULL,
        [images] nvarchar(max) NOT NULL,
        [tags] nvarchar(max) NOT NULL,
        [options] nvarchar(max) NOT NULL,
        [metadata] nvarchar(max) NULL,
        [extensions] nvarchar(max) NULL,
        [weight] decimal(18,4) NULL,
        [length] decimal(18,4) NULL,
        [width] decimal(18,4) NULL,
        [height] decimal(18,4) NULL,
        [external_id] nvarchar(255) NULL,
        [version] bigint NOT NULL,
        [created_at] datetimeoffset NOT NULL,
        [updated_at] datetimeoffset NOT NULL,
        CONSTRAINT [pk_products] PRIMARY KEY ([id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204194736_Initial'
)
BEGIN
    CREATE TABLE [wholesale_roles] (
        [id] bigint NOT NULL DEFAULT (NEXT VALUE FOR [wholesale_roles_id_seq]),
        [key] nvarchar(64) NOT NULL,
        [name] nvarchar(255) NOT NULL,
        [version] bigint NOT NULL,
        [created_at] datetimeoffset NOT NULL,
        [updated_at] datetimeoffset NOT NULL,
        CONSTRAINT [pk_wholesale_roles] PRIMARY KEY ([id]),
        CONSTRAINT [ak_wholesale_roles_key] UNIQUE ([key])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204194736_Initial'
)
BEGIN
    CREATE TABLE [attribute_values] (
        [id] bigint NOT NULL DEFAULT (NEXT VALUE FOR [attribute_values_id_seq]),
        [attribute_id] bigint NOT NULL,
        [name] nvarchar(255) NOT NULL,
        [slug] nvarchar(255) NOT NULL,
        [description] nvarchar(max) NULL,
        [menu_order] int NOT NULL,
        [version] bigint NOT NULL,
        [created_at] datetimeoffset NOT NULL,
        [updated_at] datetimeoffset NOT NULL,
        CONSTRAINT [pk_attribute_values] PRIMARY KEY ([id]),
        CONSTRAINT [fk_attribute_values_attribute_id] FOREIGN KEY ([attribute_id]) REFERENCES [attributes] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204194736_Initial'
)
BEGIN
    CREATE TABLE [product_categories] (
        [product_id] bigint NOT NULL,
        [category_id] bigint NOT NULL,
        CONSTRAINT [pk_product_categories] PRIMARY KEY ([product_id], [category_id]),
        CONSTRAINT [fk_product_categories_category_id] FOREIGN KEY ([category_id]) REFERENCES [categories] ([id]) ON DELETE CASCADE,
        CONSTRAINT [fk_product_categories_product_id] FOREIGN KEY ([product_id]) REFERENCES [products] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204194736_Initial'
)
BEGIN
    CREATE TABLE [variants] (
        [id] bigint NOT NULL DEFAULT (NEXT VALUE FOR [variants_id_seq]),
        [product_id] bigint NOT NULL,
        [title] nvarchar(255) NOT NULL,
        [sku] nvarchar(100) NULL,
        [barcode] nvarchar(64) NULL,
        [ean] nvarchar(64) NULL,
        [upc] nvarchar(64) NULL,
        [stock_quantity] int NULL,
        [manage_inventory] bit NOT NULL,
        [allow_backorder] bit NOT NULL,
        [options] nvarchar(max) NOT NULL,
        [rank] int NOT NULL,
        [metadata] nvarchar(max) NULL,
        [extensions] nvarchar(max) NULL,
        [version] bigint NOT NULL,
        [created_at] datetimeoffset NOT NULL,
        [updated_at] datetimeoffset NOT NULL,
        CONSTRAINT [pk_variants] PRIMARY KEY ([id]),
        CONSTRAINT [fk_variants_product_id] FOREIGN KEY ([product_id]) REFERENCES [products] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204194736_Initial'
)
BEGIN
    CREATE TABLE [variant_attribute_values] (
        [variant_id] bigint NOT NULL,
        [attribute_value_id] bigint NOT NULL,
        CONSTRAINT [pk_variant_attribute_values] PRIMARY KEY ([variant_id], [attribute_value_id]),
        CONSTRAINT [fk_variant_attribute_values_attribute_value_id] FOREIGN KEY ([attribute_value_id]) REFERENCES [attribute_values] ([id]) ON DELETE CASCADE,
        CONSTRAINT [fk_variant_attribute_values_variant_id] FOREIGN KEY ([variant_id]) REFERENCES [variants] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204194736_Initial'
)
BEGIN
    CREATE TABLE [variant_prices] (
        [id] bigint NOT NULL DEFAULT (NEXT VALUE FOR [variant_prices_id_seq]),
        [variant_id] bigint NOT NULL,
        [currency_code] nvarchar(3) NOT NULL,
        [amount] decimal(18,4) NOT NULL,
        [min_quantity] bigint NULL,
        [max_quantity] bigint NULL,
        [sale_amount] decimal(18,4) NULL,
        CONSTRAINT [pk_variant_prices] PRIMARY KEY ([id]),
        CONSTRAINT [fk_variant_prices_variant_id] FOREIGN KEY ([variant_id]) REFERENCES [variants] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204194736_Initial'
)
BEGIN
    CREATE TABLE [variant_wholesale_discount_rules] (
        [variant_id] bigint NOT NULL,
        [position] int NOT NULL,
        [role] nvarchar(64) NOT NULL,
        [start_quantity] bigint NOT NULL,
        [end_quantity] bigint NULL,
        [price_type] nvarchar(16) NOT NULL,
        [value] decimal(18,4) NOT NULL,
        [currency_code] nvarchar(3) NULL,
        CONSTRAINT [pk_variant_wholesale_discount_rules] PRIMARY KEY ([variant_id], [position]),
        CONSTRAINT [fk_variant_wholesale_discount_rules_role] FOREIGN KEY ([role]) REFERENCES [wholesale_roles] ([key]),
        CONSTRAINT [fk_variant_wholesale_discount_rules_variant_id] FOREIGN KEY ([variant_id]) REFERENCES [variants] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204194736_Initial'
)
BEGIN
    CREATE TABLE [variant_wholesale_order_quantities] (
        [variant_id] bigint NOT NULL,
        [role] nvarchar(64) NOT NULL,
        [minimum] bigint NOT NULL,
        [step] bigint NULL,
        CONSTRAINT [pk_variant_wholesale_order_quantities] PRIMARY KEY ([variant_id], [role]),
        CONSTRAINT [fk_variant_wholesale_order_quantities_role] FOREIGN KEY ([role]) REFERENCES [wholesale_roles] ([key]),
        CONSTRAINT [fk_variant_wholesale_order_quantities_variant_id] FOREIGN KEY ([variant_id]) REFERENCES [variants] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204194736_Initial'
)
BEGIN
    CREATE TABLE [variant_wholesale_prices] (
        [variant_id] bigint NOT NULL,
        [role] nvarchar(64) NOT NULL,
        [currency_code] nvarchar(3) NOT NULL,
        [amount] decimal(18,4) NOT NULL,
        [sale_amount] decimal(18,4) NULL,
        CONSTRAINT [pk_variant_wholesale_prices] PRIMARY KEY ([variant_id], [role], [currency_code]),
        CONSTRAINT [fk_variant_wholesale_prices_role] FOREIGN KEY ([role]) REFERENCES [wholesale_roles] ([key]),
        CONSTRAINT [fk_variant_wholesale_prices_variant_id] FOREIGN KEY ([variant_id]) REFERENCES [variants] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204194736_Initial'
)
BEGIN
    CREATE TABLE [variant_wholesale_visibility] (
        [variant_id] bigint NOT NULL,
        [role] nvarchar(64) NOT NULL,
        CONSTRAINT [pk_variant_wholesale_visibility] PRIMARY KEY ([variant_id], [role]),
        CONSTRAINT [fk_variant_wholesale_visibility_role] FOREIGN KEY ([role]) REFERENCES [wholesale_roles] ([key]),
        CONSTRAINT [fk_variant_wholesale_visibility_variant_id] FOREIGN KEY ([variant_id]) REFERENCES [variants] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204194736_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [ix_api_keys_hash] ON [api_keys] ([hash]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204194736_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [ix_attribute_values_attribute_id_slug] ON [attribute_values] ([attribute_id], [slug]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204194736_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [ix_attributes_slug] ON [attributes] ([slug]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204194736_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [ix_categories_handle] ON [categories] ([handle]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204194736_Initial'
)
BEGIN
    CREATE INDEX [ix_categories_parent_id] ON [categories] ([parent_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204194736_Initial'
)
BEGIN
    CREATE INDEX [ix_product_categories_category_id] ON [product_categories] ([category_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204194736_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [ix_products_handle] ON [products] ([handle]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204194736_Initial'
)
BEGIN
    CREATE INDEX [ix_products_status] ON [products] ([status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204194736_Initial'
)
BEGIN
    CREATE INDEX [ix_variant_attribute_values_attribute_value_id] ON [variant_attribute_values] ([attribute_value_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204194736_Initial'
)
BEGIN
    CREATE INDEX [ix_variant_prices_variant_id] ON [variant_prices] ([variant_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204194736_Initial'
)
BEGIN
    CREATE INDEX [ix_variant_wholesale_discount_rules_role] ON [variant_wholesale_discount_rules] ([role]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204194736_Initial'
)
BEGIN
    CREATE INDEX [ix_variant_wholesale_order_quantities_role] ON [variant_wholesale_order_quantities] ([role]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204194736_Initial'
)
BEGIN
    CREATE INDEX [ix_variant_wholesale_prices_role] ON [variant_wholesale_prices] ([role]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204194736_Initial'
)
BEGIN
    CREATE INDEX [ix_variant_wholesale_visibility_role] ON [variant_wholesale_visibility] ([role]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204194736_Initial'
)
BEGIN
    CREATE INDEX [ix_variants_product_id] ON [variants] ([product_id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204194736_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [ix_variants_sku] ON [variants] ([sku]) WHERE [sku] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204194736_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [ix_wholesale_roles_key] ON [wholesale_roles] ([key]);
END;

COMMIT;
GO

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204194736_Initial'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261204194736_Initial', N'10.0.15');
END;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205003920_AddJobs'
)
BEGIN
    CREATE SEQUENCE [jobs_id_seq] START WITH 1 INCREMENT BY 1 NO CYCLE;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205003920_AddJobs'
)
BEGIN
    CREATE TABLE [jobs] (
        [id] bigint NOT NULL DEFAULT (NEXT VALUE FOR [jobs_id_seq]),
        [owner_key_id] bigint NOT NULL,
        [kind] nvarchar(32) NOT NULL,
        [parent_id] bigint NULL,
        [source] nvarchar(32) NOT NULL,
        [policy] nvarchar(16) NOT NULL,
        [status] nvarchar(24) NOT NULL,
        [total] int NOT NULL,
        [processed] int NOT NULL,
        [succeeded] int NOT NULL,
        [failed] int NOT NULL,
        [not_applied] int NOT NULL,
        [cancel_requested] bit NOT NULL,
        [lease_owner] nvarchar(64) NULL,
        [lease_until] datetimeoffset NULL,
        [created_at] datetimeoffset NOT NULL,
        [started_at] datetimeoffset NULL,
        [finished_at] datetimeoffset NULL,
        [version] bigint NOT NULL,
        CONSTRAINT [pk_jobs] PRIMARY KEY ([id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205003920_AddJobs'
)
BEGIN
    CREATE TABLE [job_chunks] (
        [job_id] bigint NOT NULL,
        [number] int NOT NULL,
        [item_count] int NOT NULL,
        [payload] nvarchar(max) NOT NULL,
        CONSTRAINT [pk_job_chunks] PRIMARY KEY ([job_id], [number]),
        CONSTRAINT [fk_job_chunks_job_id] FOREIGN KEY ([job_id]) REFERENCES [jobs] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205003920_AddJobs'
)
BEGIN
    CREATE TABLE [job_results] (
        [job_id] bigint NOT NULL,
        [position] int NOT NULL,
        [operation] nvarchar(16) NOT NULL,
        [item_index] int NOT NULL,
        [item_id] bigint NULL,
        [status] nvarchar(16) NOT NULL,
        [process] nvarchar(16) NULL,
        [error] nvarchar(max) NULL,
        [echo] nvarchar(max) NULL,
        CONSTRAINT [pk_job_results] PRIMARY KEY ([job_id], [position]),
        CONSTRAINT [fk_job_results_job_id] FOREIGN KEY ([job_id]) REFERENCES [jobs] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205003920_AddJobs'
)
BEGIN
    CREATE INDEX [ix_job_results_job_id_status_position] ON [job_results] ([job_id], [status], [position]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205003920_AddJobs'
)
BEGIN
    CREATE INDEX [ix_jobs_finished_at] ON [jobs] ([finished_at]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205003920_AddJobs'
)
BEGIN
    CREATE INDEX [ix_jobs_owner_key_id_id] ON [jobs] ([owner_key_id], [id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205003920_AddJobs'
)
BEGIN
    CREATE INDEX [ix_jobs_status_id] ON [jobs] ([status], [id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205003920_AddJobs'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261205003920_AddJobs', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205033208_SharedProductAndVariantIds'
)
BEGIN
    DECLARE @next bigint = 1 + (SELECT MAX(v) FROM (VALUES
        ((SELECT ISNULL(MAX([id]), 0) FROM [products])),
        ((SELECT ISNULL(MAX([id]), 0) FROM [variants])),
        ((SELECT CONVERT(bigint, [current_value]) FROM sys.sequences WHERE [name] = N'products_id_seq'))
    ) AS [ids](v));
    DECLARE @restart nvarchar(200) =
        N'ALTER SEQUENCE [products_id_seq] RESTART WITH ' + CONVERT(nvarchar(20), @next);
    EXEC sp_executesql @restart;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205033208_SharedProductAndVariantIds'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261205033208_SharedProductAndVariantIds', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205033423_AddOAuthSigning'
)
BEGIN
    ALTER TABLE [api_keys] ADD [sealed_key] nvarchar(1000) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205033423_AddOAuthSigning'
)
BEGIN
    CREATE TABLE [data_protection_keys] (
        [id] int NOT NULL IDENTITY,
        [friendly_name] nvarchar(max) NULL,
        [xml] nvarchar(max) NULL,
        CONSTRAINT [pk_data_protection_keys] PRIMARY KEY ([id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205033423_AddOAuthSigning'
)
BEGIN
    CREATE TABLE [oauth_nonces] (
        [api_key_id] bigint NOT NULL,
        [nonce_hash] nvarchar(64) NOT NULL,
        [timestamp] bigint NOT NULL,
        CONSTRAINT [pk_oauth_nonces] PRIMARY KEY ([api_key_id], [nonce_hash]),
        CONSTRAINT [fk_oauth_nonces_api_key_id] FOREIGN KEY ([api_key_id]) REFERENCES [api_keys] ([id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205033423_AddOAuthSigning'
)
BEGIN
    CREATE INDEX [ix_oauth_nonces_api_key_id_timestamp] ON [oauth_nonces] ([api_key_id], [timestamp]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205033423_AddOAuthSigning'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261205033423_AddOAuthSigning', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205085344_AddTags'
)
BEGIN
    CREATE SEQUENCE [tags_id_seq] START WITH 1 INCREMENT BY 1 NO CYCLE;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205085344_AddTags'
)
BEGIN
    CREATE TABLE [tags] (
        [id] bigint NOT NULL DEFAULT (NEXT VALUE FOR [tags_id_seq]),
        [name] nvarchar(100) NOT NULL,
        [slug] nvarchar(255) NOT NULL,
        [description] nvarchar(max) NULL,
        [version] bigint NOT NULL,
        [created_at] datetimeoffset NOT NULL,
        [updated_at] datetimeoffset NOT NULL,
        CONSTRAINT [pk_tags] PRIMARY KEY ([id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205085344_AddTags'
)
BEGIN
    CREATE UNIQUE INDEX [ix_tags_name] ON [tags] ([name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205085344_AddTags'
)
BEGIN
    CREATE UNIQUE INDEX [ix_tags_slug] ON [tags] ([slug]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205085344_AddTags'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261205085344_AddTags', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205145747_ManagedApiKeys'
)
BEGIN
    ALTER TABLE [api_keys] ADD [consumer_key] nvarchar(43) NOT NULL DEFAULT N'';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205145747_ManagedApiKeys'
)
BEGIN
    EXEC(N'UPDATE api_keys SET consumer_key = ''ck_'' + SUBSTRING(hash, 1, 40);');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205145747_ManagedApiKeys'
)
BEGIN
    EXEC(N'UPDATE api_keys SET prefix = '''';');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205145747_ManagedApiKeys'
)
BEGIN
    EXEC(N'UPDATE api_keys SET scopes = scopes + '' catalog:admin'' WHERE name = ''first-run'' AND scopes NOT LIKE ''%catalog:admin%'';');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205145747_ManagedApiKeys'
)
BEGIN
    CREATE UNIQUE INDEX [ix_api_keys_consumer_key] ON [api_keys] ([consumer_key]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205145747_ManagedApiKeys'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261205145747_ManagedApiKeys', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205171456_AddIdempotencyKeys'
)
BEGIN
    CREATE TABLE [idempotency_keys] (
        [owner_key_id] bigint NOT NULL,
        [key] nvarchar(255) NOT NULL,
        [fingerprint] nvarchar(64) NOT NULL,
        [status] int NOT NULL,
        [headers] nvarchar(max) NOT NULL,
        [body] varbinary(max) NOT NULL,
        [created_at] datetimeoffset NOT NULL,
        [expires_at] bigint NOT NULL,
        CONSTRAINT [pk_idempotency_keys] PRIMARY KEY ([owner_key_id], [key])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205171456_AddIdempotencyKeys'
)
BEGIN
    CREATE INDEX [ix_idempotency_keys_expires_at] ON [idempotency_keys] ([expires_at]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205171456_AddIdempotencyKeys'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261205171456_AddIdempotencyKeys', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205232119_JobTakenHandles'
)
BEGIN
    ALTER TABLE [jobs] ADD [taken_handles] nvarchar(16) NOT NULL DEFAULT N'Fail';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205232119_JobTakenHandles'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261205232119_JobTakenHandles', N'10.0.15');
END;

COMMIT;
GO

