namespace Raytio.JsonCsv.JsonToCsvCore;

/// <summary>Chooses the output columns from detected keys and the keys, excludeKeys, sortHeader and title options.</summary>
internal static class ColumnPlanner
{
    /// <summary>True when the columns are known only after reading every document.</summary>
    public static bool NeedsDetection(Json2CsvOptions options) =>
        options.Keys is null || options.Keys.Any(k => k.WildcardMatch);

    public static List<Column> Plan(Json2CsvOptions options, OrderedKeySet? detected)
    {
        var columns = options.Keys is null
            ? detected!.Keys.Select(key => (Key: key, Title: (string?)null)).ToList()
            : options.Keys.SelectMany(spec => FromSpec(spec, detected)).ToList();
        columns.RemoveAll(column => options.ExcludeKeys.Any(column.Key.IsAtOrBelow));
        if (options.SortHeader)
        {
            columns.Sort((a, b) => string.CompareOrdinal(a.Key.Id, b.Key.Id));
        }
        return columns.Select(column => new Column(column.Key, HeaderText(options, column.Key, column.Title))).ToList();
    }

    private static IEnumerable<(KeyPath Key, string? Title)> FromSpec(KeySpec spec, OrderedKeySet? detected)
    {
        var key = KeyPath.Parse(spec.Field);
        if (!spec.WildcardMatch)
        {
            return [(key, spec.Title)];
        }
        return detected!.Keys.Where(k => k.IsAtOrBelow(key.Id)).Select(k => (k, (string?)null));
    }

    private static string HeaderText(Json2CsvOptions options, KeyPath key, string? title)
    {
        var text = title
            ?? options.FieldTitleMap.GetValueOrDefault(key.Id)
            ?? (options.EscapeHeaderNestedDots ? key.Id : key.UnescapedText);
        // json-2-csv trims each dot-separated part of the header, not the header as a whole.
        return options.TrimHeaderFields
            ? string.Join('.', text.Split('.').Select(Json.JsText.Trim))
            : text;
    }
}
