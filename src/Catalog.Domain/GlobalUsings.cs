global using Catalog.Domain.Common;
