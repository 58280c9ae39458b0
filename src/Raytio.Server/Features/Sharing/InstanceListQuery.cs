using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Features.Graph;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Sharing;

/// <summary>A date filter as the reference gives it in the query string: `{"date": "...", "op": "gt"}`.</summary>
public sealed record DateFilter(DateTime Date, string Op)
{
    private static readonly string[] Ops = ["gt", "gte", "lt", "lte", "eq"];

    public static DateFilter? Parse(string field, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        var invalid = ApiException.Invalid(field, $"'{field}' must be a JSON object {{\"date\": \"<ISO 8601>\", \"op\": \"gt|gte|lt|lte|eq\"}}.");
        try
        {
            using var document = JsonDocument.Parse(text, DuplicateKeys.DocumentOptions);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("date", out var date) || date.ValueKind != JsonValueKind.String
                || !DateTime.TryParse(date.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
            {
                throw invalid;
            }
            var op = root.TryGetProperty("op", out var opElement) && opElement.ValueKind == JsonValueKind.String ? opElement.GetString() : "eq";
            return op is not null && Ops.Contains(op) ? new DateFilter(at, op) : throw invalid;
        }
        catch (JsonException)
        {
            throw invalid;
        }
    }
}

/// <summary>The filters and page of the instance lists (67 for the person, 73 for the recipients), newest first.</summary>
public sealed record InstanceListQuery(DateFilter? StartDate, DateFilter? EndDate, string? State, int Limit, Guid? StartingAfter)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static InstanceListQuery Parse(string? startDate, string? endDate, string? state, string? limit, string? startingAfter) => new(
        DateFilter.Parse("start_date", startDate),
        DateFilter.Parse("end_date", endDate),
        string.IsNullOrEmpty(state) ? null : state,
        ParseLimit(limit),
        string.IsNullOrEmpty(startingAfter) ? null : GraphIds.Parse("starting_after", startingAfter));

    public async Task<List<ShareInstance>> PageAsync(IQueryable<ShareInstance> instances, CancellationToken cancellationToken)
    {
        instances = Filter(Filter(instances, StartDate, i => i.StartDate), EndDate, i => i.EndDate);
        if (State is { } state)
        {
            instances = instances.Where(i => i.State == state);
        }
        if (StartingAfter is { } afterId)
        {
            var after = await instances.Where(i => i.Id == afterId).Select(i => new { i.CreatedAt, i.Id }).FirstOrDefaultAsync(cancellationToken)
                ?? throw ApiException.Invalid("starting_after", "'starting_after' must be the i_id of an instance of this list.");
            instances = instances.Where(i => i.CreatedAt < after.CreatedAt || (i.CreatedAt == after.CreatedAt && i.Id.CompareTo(after.Id) < 0));
        }
        return await instances.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id).Take(Limit).ToListAsync(cancellationToken);
    }

    private static IQueryable<ShareInstance> Filter(IQueryable<ShareInstance> instances, DateFilter? filter, System.Linq.Expressions.Expression<Func<ShareInstance, DateTime>> of)
    {
        if (filter is null)
        {
            return instances;
        }
        var at = filter.Date;
        var body = filter.Op switch
        {
            "gt" => System.Linq.Expressions.Expression.GreaterThan(of.Body, Constant(at)),
            "gte" => System.Linq.Expressions.Expression.GreaterThanOrEqual(of.Body, Constant(at)),
            "lt" => System.Linq.Expressions.Expression.LessThan(of.Body, Constant(at)),
            "lte" => System.Linq.Expressions.Expression.LessThanOrEqual(of.Body, Constant(at)),
            _ => System.Linq.Expressions.Expression.Equal(of.Body, Constant(at)),
        };
        return instances.Where(System.Linq.Expressions.Expression.Lambda<Func<ShareInstance, bool>>(body, of.Parameters));
    }

    /// <summary>A captured value, so the engine gets a parameter rather than a literal.</summary>
    private static System.Linq.Expressions.Expression Constant(DateTime at)
    {
        var holder = new { At = at };
        return System.Linq.Expressions.Expression.Property(System.Linq.Expressions.Expression.Constant(holder), "At");
    }

    private static int ParseLimit(string? limit)
    {
        if (string.IsNullOrEmpty(limit))
        {
            return DefaultLimit;
        }
        return int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= MaxLimit
            ? value
            : throw ApiException.Invalid("limit", $"'limit' must be a whole number from 1 to {MaxLimit}.");
    }
}
