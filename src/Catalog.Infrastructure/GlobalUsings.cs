global using System.Data.Common;
global using Catalog.Application.Common.Batches;
global using Catalog.Domain.Products;
global using Catalog.Infrastructure.Persistence.Providers;
global using Catalog.Infrastructure.Persistence.Writing;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.EntityFrameworkCore.Metadata.Builders;
