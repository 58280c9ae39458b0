using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Billing.Embedded;

/// <summary>Cursor pages over the engine's tables, newest (highest key) first, and time-range filters.</summary>
public static class BillingPaging
{
    /// <summary>
    /// One page of <paramref name="filtered"/>. A cursor must name an object of
    /// <paramref name="scope"/> (the customer's objects, before filters), else 400 naming it.
    /// </summary>
    public static async Task<BillingPage<T>> PageAsync<T>(IQueryable<T> scope, IQueryable<T> filtered, PageRequest page, CancellationToken cancellationToken)
        where T : class, IBillingRow
    {
        if (page.EndingBefore is { } before)
        {
            var key = await CursorKeyAsync(scope, before, "ending_before", cancellationToken);
            var newer = await filtered.Where(r => r.Key > key).OrderBy(r => r.Key).Take(page.Limit + 1).ToListAsync(cancellationToken);
            return new BillingPage<T>([.. newer.Take(page.Limit).Reverse()], newer.Count > page.Limit);
        }
        if (page.StartingAfter is { } after)
        {
            var key = await CursorKeyAsync(scope, after, "starting_after", cancellationToken);
            filtered = filtered.Where(r => r.Key < key);
        }
        var older = await filtered.OrderByDescending(r => r.Key).Take(page.Limit + 1).ToListAsync(cancellationToken);
        return new BillingPage<T>([.. older.Take(page.Limit)], older.Count > page.Limit);
    }

    private static async Task<long> CursorKeyAsync<T>(IQueryable<T> scope, string id, string field, CancellationToken cancellationToken)
        where T : class, IBillingRow
    {
        var keys = await scope.Where(r => r.Id == id).Select(r => r.Key).Take(1).ToListAsync(cancellationToken);
        return keys.Count == 1 ? keys[0] : throw ApiException.Invalid(field, $"No such object: '{id}'.");
    }

    /// <summary>Keeps the rows whose time (by <paramref name="selector"/>) lies in <paramref name="range"/>.</summary>
    public static IQueryable<T> WhereIn<T>(this IQueryable<T> query, Expression<Func<T, long>> selector, TimeRange range)
    {
        foreach (var (bound, compare) in new (long?, Func<Expression, Expression, BinaryExpression>)[]
                 {
                     (range.Gt, Expression.GreaterThan), (range.Gte, Expression.GreaterThanOrEqual),
                     (range.Lt, Expression.LessThan), (range.Lte, Expression.LessThanOrEqual),
                 })
        {
            if (bound is { } value)
            {
                query = query.Where(Expression.Lambda<Func<T, bool>>(compare(selector.Body, Expression.Constant(value)), selector.Parameters));
            }
        }
        return query;
    }
}
