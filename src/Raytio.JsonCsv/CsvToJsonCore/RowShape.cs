using Raytio.JsonCsv.Json;
using Raytio.JsonCsv.JsonToCsvCore;

namespace Raytio.JsonCsv.CsvToJsonCore;

/// <summary>Maps header columns to property paths and builds one (possibly nested) object per record.</summary>
internal sealed class RowShape
{
    private readonly List<(int Index, string[] Path)> _columns = [];

    public RowShape(List<string> header, Csv2JsonOptions options)
    {
        for (var i = 0; i < header.Count; i++)
        {
            var name = options.TrimHeaderFields ? JsText.Trim(header[i]) : header[i];
            if (options.Keys is not null && !options.Keys.Contains(name))
            {
                continue;
            }
            var path = options.FlatKeys ? [name] : KeyPath.Parse(name).Segments;
            if (options.TrimHeaderFields)
            {
                path = path.Select(JsText.Trim).ToArray();
            }
            _columns.Add((i, path));
        }
    }

    public JsNode Build(List<string> fields, bool trimValues)
    {
        var row = new JsObject();
        foreach (var (index, path) in _columns)
        {
            // Short records leave their missing columns out, as json-2-csv does.
            if (index >= fields.Count)
            {
                continue;
            }
            Assign(row, path, CsvValueParser.Parse(trimValues ? JsText.Trim(fields[index]) : fields[index]));
        }
        return JsNode.Object(row);
    }

    /// <summary>
    /// Sets the value at the path, as json-2-csv does: "undefined" is stored too (it hides the key in the output
    /// and overwrites what a previous column set), and a path through an existing non-object value is dropped.
    /// </summary>
    private static void Assign(JsObject row, string[] path, JsNode value)
    {
        var target = row;
        for (var i = 0; i < path.Length - 1; i++)
        {
            if (!target.TryGet(path[i], out var next))
            {
                next = JsNode.Object(new JsObject());
                target.Set(path[i], next);
            }
            else if (next.Kind != JsKind.Object)
            {
                return;
            }
            target = next.Properties!;
        }
        target.Set(path[^1], value);
    }
}
