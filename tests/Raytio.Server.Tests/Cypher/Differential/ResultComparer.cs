using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Raytio.Server.Tests.Cypher.Differential;

/// <summary>
/// Compares two answers: same columns, then the rows as multisets, or as sequences when the query
/// orders them. Values are compared through a canonical text: numbers by value (an integer equals
/// the float of the same value; both rounded to 12 significant digits, since avg and float sums
/// differ in their last bits with the order of summation), lists as multisets (collect's order is
/// unspecified), objects by member name.
/// </summary>
public static class ResultComparer
{
    /// <summary>Null when the answers agree, otherwise what differs.</summary>
    public static string? Difference(QueryAnswer expected, QueryAnswer actual, bool ordered)
    {
        if (expected.Error is not null || actual.Error is not null)
        {
            return $"errors differ or occurred: expected {expected.Error ?? "none"}, actual {actual.Error ?? "none"}";
        }
        if (!expected.Columns.SequenceEqual(actual.Columns))
        {
            return $"columns differ: expected [{string.Join(", ", expected.Columns)}], actual [{string.Join(", ", actual.Columns)}]";
        }
        var expectedRows = expected.Rows.Select(r => Canonical(r)).ToList();
        var actualRows = actual.Rows.Select(r => Canonical(r)).ToList();
        if (!ordered)
        {
            expectedRows.Sort(StringComparer.Ordinal);
            actualRows.Sort(StringComparer.Ordinal);
        }
        for (var i = 0; i < Math.Max(expectedRows.Count, actualRows.Count); i++)
        {
            var left = i < expectedRows.Count ? expectedRows[i] : "(no row)";
            var right = i < actualRows.Count ? actualRows[i] : "(no row)";
            if (left != right)
            {
                return $"{expectedRows.Count} rows expected, {actualRows.Count} found; {(ordered ? "row" : "sorted row")} {i}: expected {left}, actual {right}";
            }
        }
        return null;
    }

    /// <summary>The canonical text of a JSON value (a row is its array of column values, in order).</summary>
    public static string Canonical(JsonNode? value, bool rowLevel = true) => value switch
    {
        null => "null",
        JsonArray array when rowLevel => "(" + string.Join(",", array.Select(v => Canonical(v, rowLevel: false))) + ")",
        JsonArray array => "[" + string.Join(",", array.Select(v => Canonical(v, rowLevel: false)).Order(StringComparer.Ordinal)) + "]",
        JsonObject obj => "{" + string.Join(",", obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => JsonSerializer.Serialize(p.Key) + ":" + Canonical(p.Value, rowLevel: false))) + "}",
        JsonValue scalar when scalar.GetValueKind() == JsonValueKind.Number => Number(double.Parse(scalar.ToJsonString(), CultureInfo.InvariantCulture)),
        _ => value.ToJsonString(),
    };

    private static string Number(double number)
    {
        var rounded = double.Parse(number.ToString("G12", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return rounded == 0 ? "0" : rounded.ToString("R", CultureInfo.InvariantCulture);
    }
}
