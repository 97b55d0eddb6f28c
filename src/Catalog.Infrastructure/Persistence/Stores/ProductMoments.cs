using System.Globalization;
using System.Linq.Expressions;
using Catalog.Application.Products.Queries;

namespace Catalog.Infrastructure.Persistence.Stores;

/// <summary>
/// Filters and orders products by their creation or update time, in the database. SQLite keeps a DateTimeOffset as
/// ISO 8601 text, which EF neither compares nor sorts there; so on SQLite the times are read as that text, and since
/// every time is stored in UTC (one offset), text order is time order.
/// </summary>
internal sealed class ProductMoments(CatalogDbContext db, DatabaseProvider provider)
{
    // Microsoft.Data.Sqlite's text for a DateTimeOffset, the form EF stores.
    private const string SqliteText = @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz";

    private bool AsText => provider.Kind == DatabaseProviderKind.Sqlite;

    public IQueryable<Product> Within(IQueryable<Product> query, TimeRange? range, bool created)
    {
        var bounds = new (DateTimeOffset? Bound, ExpressionType Comparison)[]
        {
            (range?.After, ExpressionType.GreaterThan), (range?.From, ExpressionType.GreaterThanOrEqual),
            (range?.Before, ExpressionType.LessThan), (range?.To, ExpressionType.LessThanOrEqual),
        };
        foreach (var (bound, comparison) in bounds)
        {
            if (bound is not { } at)
            {
                continue;
            }

            var utc = at.ToUniversalTime();
            if (AsText)
            {
                var ids = Stored().Where(TextCompare(created, comparison, utc)).Select(m => m.Id);
                query = query.Where(p => ids.Contains(p.Id));
            }
            else
            {
                query = query.Where(Compare(created, comparison, utc));
            }
        }

        return query;
    }

    public IOrderedQueryable<Product> Sort(IQueryable<Product> query, bool created, bool descending)
    {
        if (!AsText)
        {
            Expression<Func<Product, DateTimeOffset>> key = created ? p => p.CreatedAt : p => p.UpdatedAt;
            return descending ? query.OrderByDescending(key) : query.OrderBy(key);
        }

        var stored = Stored();
        Expression<Func<Product, string?>> text = created
            ? p => stored.Where(m => m.Id == p.Id).Select(m => m.CreatedAt).FirstOrDefault()
            : p => stored.Where(m => m.Id == p.Id).Select(m => m.UpdatedAt).FirstOrDefault();
        return descending ? query.OrderByDescending(text) : query.OrderBy(text);
    }

    /// <summary>The products' times as SQLite stores them, as text.</summary>
    private IQueryable<StoredMoments> Stored() => db.Database.SqlQueryRaw<StoredMoments>(StoredSql);

    private const string StoredSql =
        "SELECT id AS \"Id\", created_at AS \"CreatedAt\", updated_at AS \"UpdatedAt\" FROM \"products\"";

    private static Expression<Func<Product, bool>> Compare(bool created, ExpressionType comparison, DateTimeOffset at)
    {
        var product = Expression.Parameter(typeof(Product), "p");
        var moment = Expression.Property(product, created ? nameof(Product.CreatedAt) : nameof(Product.UpdatedAt));
        return Expression.Lambda<Func<Product, bool>>(
            Expression.MakeBinary(comparison, moment, Captured(at)), product);
    }

    private static Expression<Func<StoredMoments, bool>> TextCompare(
        bool created, ExpressionType comparison, DateTimeOffset at)
    {
        var stored = Expression.Parameter(typeof(StoredMoments), "m");
        var text = Expression.Property(
            stored, created ? nameof(StoredMoments.CreatedAt) : nameof(StoredMoments.UpdatedAt));
        var bound = Captured(at.ToString(SqliteText, CultureInfo.InvariantCulture));
        var compare = Expression.Call(
            typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, text, bound);
        return Expression.Lambda<Func<StoredMoments, bool>>(
            Expression.MakeBinary(comparison, compare, Expression.Constant(0)), stored);
    }

    /// <summary>A captured value, so that EF sends a parameter rather than a constant in the SQL.</summary>
    private static MemberExpression Captured<T>(T value) =>
        Expression.Property(Expression.Constant(new Box<T>(value)), nameof(Box<T>.Value));

    private sealed record Box<T>(T Value);
}

/// <summary>A product's times as SQLite stores them: text.</summary>
internal sealed class StoredMoments
{
    public long Id { get; init; }

    public string CreatedAt { get; init; } = string.Empty;

    public string UpdatedAt { get; init; } = string.Empty;
}
